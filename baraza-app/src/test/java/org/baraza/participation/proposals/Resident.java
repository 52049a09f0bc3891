package org.baraza.participation.proposals;

import java.io.ByteArrayOutputStream;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Someone using a test city over real HTTP, as a browser without JavaScript: a cookie jar, pages fetched,
 * forms submitted with the CSRF token the page carried (URL-encoded or multipart, files included).
 * Redirects are not followed, so a test sees each status.
 */
final class Resident {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** A file to upload: field name, file name, content type, bytes. */
    record Upload(String field, String fileName, String contentType, byte[] content) {
    }

    private final String origin;
    private final HttpClient http;

    Resident(TestCity city, int port) {
        this.origin = "http://" + city.host + ":" + port;
        this.http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    }

    Resident signIn(String login) {
        HttpResponse<String> response = submit("/login", "/login", Map.of("login", login, "password", TestCity.PASSWORD));
        if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new AssertionError("sign-in failed: " + response.statusCode() + " " + response.headers().map());
        }
        return this;
    }

    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = request(path);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.GET().build());
    }

    HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The CSRF token of a page (any page with a form carries one). */
    String csrf(String page) {
        HttpResponse<String> response = get(page);
        Matcher matcher = CSRF.matcher(response.body());
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token on " + page + " (" + response.statusCode() + ")");
        }
        return matcher.group(1);
    }

    /** Posts the fields as they are: no CSRF token unless the caller adds "_csrf". */
    HttpResponse<String> post(String path, Map<String, String> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((name, value) -> pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))).build());
    }

    /** Fetches {@code page} and posts {@code fields} to {@code action} with its CSRF token. */
    HttpResponse<String> submit(String page, String action, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrf(page));
        return post(action, withToken);
    }

    /** Posts a multipart form with the CSRF token of {@code page}. */
    HttpResponse<String> submitMultipart(String page, String action, Map<String, String> fields, Upload... files) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrf(page));
        return postMultipart(action, withToken, files);
    }

    HttpResponse<String> postMultipart(String action, Map<String, String> fields, Upload... files) {
        String boundary = "----baraza" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
            + "\"\r\n\r\n" + value + "\r\n"));
        for (Upload file : files) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field() + "\"; filename=\""
                + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n");
            body.writeBytes(file.content());
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return send(request(action).header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(origin + path)).timeout(Duration.ofSeconds(60));
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
