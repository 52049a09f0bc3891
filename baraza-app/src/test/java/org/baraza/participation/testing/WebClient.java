package org.baraza.participation.testing;

import java.io.IOException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A resident's browser without JavaScript, over real HTTP: a cookie jar (so a real session), sign-in
 * through the /login form, and forms posted with the CSRF token their page carried. Redirects are not
 * followed, so a test sees every status. Thread-safe: many requests of one client may race.
 */
public final class WebClient {

    private static final Pattern CSRF_INPUT = Pattern.compile(
        "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private final String origin;
    private final HttpClient http;

    public WebClient(String host, int port) {
        this(host, port, null);
    }

    /** @param executor the client's own threads, or null for the JDK's default */
    public WebClient(String host, int port, Executor executor) {
        this.origin = "http://" + host + ":" + port;
        HttpClient.Builder builder = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(20));
        if (executor != null) {
            builder.executor(executor);
        }
        this.http = builder.build();
    }

    /** Demo City answers on localhost. */
    public static WebClient demoCity(int port) {
        return new WebClient("localhost", port);
    }

    /** Signs in through the login form; @return the status of the form's answer (302 on success) */
    public int signIn(String login, String password) {
        String token = csrfToken("/login");
        HttpResponse<String> response = post("/login", List.of(pair("login", login), pair("password", password), pair("_csrf", token)));
        if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new AssertionError("sign-in of a test account failed: " + response.statusCode() + " "
                + response.headers().firstValue("Location").orElse(""));
        }
        return response.statusCode();
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    /** The CSRF token of the form on {@code page}. */
    public String csrfToken(String page) {
        HttpResponse<String> response = get(page);
        Matcher matcher = CSRF_INPUT.matcher(response.body());
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token on " + page + " (status " + response.statusCode() + ")");
        }
        return (matcher.group(1) != null ? matcher.group(1) : matcher.group(2)).replace("&#45;", "-");
    }

    /** Posts fields as given (repeated names allowed), with no token unless the caller put one in. */
    public HttpResponse<String> post(String path, List<Field> fields, String... headers) {
        return send(request(path, headers)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(fields)))
            .build());
    }

    public HttpResponse<String> post(String path, Map<String, String> fields, String... headers) {
        List<Field> pairs = new ArrayList<>();
        fields.forEach((name, value) -> pairs.add(pair(name, value)));
        return post(path, pairs, headers);
    }

    /** Posts {@code fields} with the CSRF token of {@code formPage}. */
    public HttpResponse<String> submit(String formPage, String action, List<Field> fields) {
        List<Field> withToken = new ArrayList<>(fields);
        withToken.add(pair("_csrf", csrfToken(formPage)));
        return post(action, withToken);
    }

    /** One field of a form; a name may repeat (checkboxes). */
    public record Field(String name, String value) {
    }

    /** Posts a multipart form with one file and the CSRF token of {@code formPage}, as a browser uploads. */
    public HttpResponse<String> upload(String formPage, String action, List<Field> fields, String fileField, String filename,
                                       String contentType, byte[] bytes) {
        String boundary = "----baraza" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        List<Field> all = new ArrayList<>(fields);
        all.add(pair("_csrf", csrfToken(formPage)));
        for (Field field : all) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.name() + "\"\r\n\r\n"
                + field.value() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + filename
            + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(action)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
    }

    public static Field pair(String name, String value) {
        return new Field(name, value);
    }

    public String origin() {
        return origin;
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(origin + path)).timeout(Duration.ofSeconds(120));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
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

    private static String encode(List<Field> fields) {
        List<String> pairs = new ArrayList<>();
        for (Field field : fields) {
            pairs.add(URLEncoder.encode(field.name(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.value(), StandardCharsets.UTF_8));
        }
        return String.join("&", pairs);
    }
}
