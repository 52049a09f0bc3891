package org.baraza.platform.verification;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript, over real HTTP to Demo City (localhost): a cookie jar, forms posted with
 * the CSRF token their page carried, and multipart uploads streamed with a Content-Length, as browsers
 * send them. Redirects are not followed, so tests see every status.
 */
final class WebVisitor {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    private static final Pattern UPLOAD_ACTION = Pattern.compile("action=\"(/admin/census/upload[^\"]*)\"");

    private final String origin;
    private final HttpClient http = HttpClient.newBuilder()
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();

    WebVisitor(int port) {
        this.origin = "http://localhost:" + port;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(origin + path)).GET().build());
    }

    /** Gets {@code page} and posts {@code fields} to {@code action} with the page's CSRF token. */
    HttpResponse<String> submit(String page, String action, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf(get(page).body()));
        String body = form.entrySet().stream()
            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(origin + action))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    void signIn(String login, String password) {
        HttpResponse<String> response = submit("/login", "/login", Map.of("login", login, "password", password));
        if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("failed")) {
            throw new AssertionError("sign-in failed: " + response.statusCode() + " " + response.headers().map());
        }
    }

    /** Uploads a census from the census page's form, as a browser would. */
    HttpResponse<String> uploadCensus(String mode, byte[] file) {
        return uploadCensus(mode, () -> new ByteArrayInputStream(file), file.length);
    }

    HttpResponse<String> uploadCensus(String mode, Supplier<InputStream> file, long fileLength) {
        String page = get("/admin/census").body();
        Matcher action = UPLOAD_ACTION.matcher(page);
        if (!action.find()) {
            throw new AssertionError("no upload form on the census page");
        }
        String boundary = "----baraza" + UUID.randomUUID().toString().replace("-", "");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf(page) + "\r\n"
            + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\n" + mode + "\r\n"
            + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"census\"; filename=\"census.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long length = head.length + fileLength + tail.length;
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
            () -> new SequenceInputStream(new SequenceInputStream(new ByteArrayInputStream(head), file.get()),
                new ByteArrayInputStream(tail))), length);
        return send(HttpRequest.newBuilder(URI.create(origin + action.group(1).replace("&amp;", "&")))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .timeout(Duration.ofMinutes(5))
            .POST(body).build());
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF_INPUT.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token in the page");
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
