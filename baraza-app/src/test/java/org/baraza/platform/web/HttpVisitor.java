package org.baraza.platform.web;

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
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person at one municipality's host, over real HTTP with a cookie jar and no JavaScript: gets
 * pages, submits their forms with the CSRF token they carry, uploads files. Redirects are not
 * followed, so a test sees every status. Municipalities made by tests answer at loopback
 * addresses (127.77.x.y), so the Host header is a real one.
 */
public final class HttpVisitor {

    private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

    private final String origin;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    public HttpVisitor(String host, int port) {
        this.origin = "http://" + host + ":" + port;
        this.http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    public HttpResponse<String> send(String method, String path, String... headers) {
        return send(request(path, headers).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    /** Posts form fields as they are: no CSRF token unless the caller adds one. */
    public HttpResponse<String> post(String path, Map<String, String> fields, String... headers) {
        return send(request(path, headers)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(fields)))
            .build());
    }

    /** Fetches {@code formPage} and posts {@code fields} to {@code action} with the page's CSRF token. */
    public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrfToken(formPage));
        return post(action, withToken);
    }

    /** Like {@link #submit} with repeated fields (checkboxes), given as name/value pairs. */
    public HttpResponse<String> submitPairs(String formPage, String action, List<String[]> pairs) {
        List<String> encoded = new ArrayList<>();
        for (String[] pair : pairs) {
            encoded.add(URLEncoder.encode(pair[0], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(pair[1], StandardCharsets.UTF_8));
        }
        encoded.add("_csrf=" + URLEncoder.encode(csrfToken(formPage), StandardCharsets.UTF_8));
        return send(request(action)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(String.join("&", encoded)))
            .build());
    }

    /**
     * Uploads a file with the multipart form of {@code formPage} whose action starts with
     * {@code actionPath} (the action carries the CSRF token in its query, as the page renders it).
     */
    public HttpResponse<String> upload(String formPage, String actionPath, String field, String filename, byte[] content,
                                       String... headers) {
        return upload(formPage, actionPath, field, filename, HttpRequest.BodyPublishers.ofByteArray(content), content.length,
            headers);
    }

    /** The same with any body publisher, e.g. a generated 200 MB stream that never sits in memory. */
    public HttpResponse<String> upload(String formPage, String actionPath, String field, String filename,
                                       HttpRequest.BodyPublisher content, long contentLength, String... headers) {
        String action = formAction(formPage, actionPath);
        String boundary = "----baraza" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
            content, HttpRequest.BodyPublishers.ofByteArray(tail));
        HttpRequest.Builder builder = request(action, headers)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(body);
        return send(builder.build());
    }

    /**
     * Announces a multipart upload of {@code contentLength} bytes with {@code Expect: 100-continue},
     * as curl does for large files, and sends the body only if the server says to continue.
     * Over a raw socket: the JDK's client (17) waits forever when the answer is not 100.
     * Returns the status and the body of the final answer.
     */
    public RawAnswer announceUpload(String formPage, String actionPath, long contentLength, String... headers) {
        String action = formAction(formPage, actionPath);
        URI uri = URI.create(origin + action);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder("POST " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                .append("Content-Type: multipart/form-data; boundary=----nothing\r\n")
                .append("Content-Length: ").append(contentLength).append("\r\n")
                .append("Expect: 100-continue\r\n");
            sessionCookie().ifPresent(session -> head.append("Cookie: SESSION=").append(session).append("\r\n"));
            for (int i = 0; i + 1 < headers.length; i += 2) {
                head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] answer = socket.getInputStream().readAllBytes();
            String text = new String(answer, StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            int bodyStart = text.indexOf("\r\n\r\n");
            return new RawAnswer(status, bodyStart < 0 ? "" : text.substring(bodyStart + 4), text.startsWith("HTTP/1.1 100"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A final answer read off the wire; {@code continued} if the server asked for the body first. */
    public record RawAnswer(int status, String body, boolean continued) {
    }

    /** Signs in through the sign-in form; a redirect answers success. */
    public HttpResponse<String> signIn(String login, String password) {
        return submit("/login", "/login", Map.of("login", login, "password", password));
    }

    /** Follows redirects the way a browser would, by path on this same host. */
    public HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 5 && current.statusCode() / 100 == 3; hops++) {
            URI location = URI.create(current.headers().firstValue("Location").orElseThrow());
            current = get(location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery()));
        }
        return current;
    }

    public String csrfToken(String formPage) {
        HttpResponse<String> page = get(formPage);
        Matcher matcher = CSRF_INPUT.matcher(page.body());
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token on " + formPage + " (status " + page.statusCode() + ")");
        }
        return matcher.group(1);
    }

    private String formAction(String formPage, String actionPath) {
        HttpResponse<String> page = get(formPage);
        Matcher matcher = FORM_ACTION.matcher(page.body());
        while (matcher.find()) {
            String action = matcher.group(1).replace("&amp;", "&");
            if (action.startsWith(actionPath)) {
                return action;
            }
        }
        throw new AssertionError("no form posting to " + actionPath + " on " + formPage + " (status " + page.statusCode() + ")");
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(origin + path)).timeout(Duration.ofSeconds(60));
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

    private static String encode(Map<String, String> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((name, value) -> pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    /** Bytes of a small valid PNG, for logo uploads. */
    public static byte[] png(int width, int height) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
            java.awt.image.BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The session cookie's value, to carry it where a browser would not. */
    public Optional<String> sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("SESSION"))
            .map(java.net.HttpCookie::getValue).findFirst();
    }

    public static Optional<String> header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name);
    }
}
