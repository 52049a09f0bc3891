package org.baraza.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Someone visiting Baraza over real HTTP with a cookie jar, as a browser without JavaScript would:
 * fetch a page, then submit its form with the CSRF token the page carried. Redirects are not
 * followed, so a test sees each status; {@link #follow} walks them when wanted.
 *
 * <p>Each visitor comes from its own client address (RFC 5737 documentation range, sent as
 * X-Forwarded-For, which the server trusts from loopback), so the per-client sign-in brake counts
 * one test's attempts apart from every other test's.
 */
final class Visitor {

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private static final Pattern CSRF_INPUT = Pattern.compile(
        "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private final String origin;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final String clientAddress;

    Visitor(String origin) {
        this.origin = origin;
        int client = CLIENTS.getAndIncrement();
        this.clientAddress = "203.0.113." + (1 + client % 254);
        this.http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    }

    /** Demo City answers on localhost. */
    static Visitor ofDemoCity(int port) {
        return new Visitor("http://localhost:" + port);
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    /** Posts a form as-is: no CSRF token unless the caller puts one in. */
    HttpResponse<String> post(String path, Map<String, String> fields, String... headers) {
        return send(request(path, headers)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(fields)))
            .build());
    }

    /** Fetches {@code formPage} and posts {@code fields} to {@code action} with the CSRF token it carried. */
    HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
        HttpResponse<String> page = get(formPage);
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrfToken(page.body()).orElseThrow(
            () -> new AssertionError("no CSRF token in " + formPage + " (status " + page.statusCode() + ")")));
        return post(action, withToken);
    }

    /** Signs in through the sign-in form; returns the response to the form's POST (a redirect on success). */
    HttpResponse<String> signIn(String login, String password) {
        return submit("/login", "/login", Map.of("login", login, "password", password));
    }

    /** Follows redirects from a response, at most five, the way a browser would. */
    HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 5 && current.statusCode() / 100 == 3; hops++) {
            String location = current.headers().firstValue("Location").orElseThrow();
            current = get(location.startsWith("http") ? URI.create(location).getRawPath()
                + (URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location).getRawQuery()) : location);
        }
        return current;
    }

    static Optional<String> csrfToken(String html) {
        Matcher matcher = CSRF_INPUT.matcher(html);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }

    Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name)).findFirst();
    }

    /** Carries a cookie to another visitor, e.g. the session cookie to a second node. */
    void give(HttpCookie cookie, Visitor other) {
        other.cookies.getCookieStore().getCookies().stream().filter(held -> held.getName().equals(cookie.getName()))
            .toList().forEach(held -> other.cookies.getCookieStore().remove(null, held));
        HttpCookie copy = new HttpCookie(cookie.getName(), cookie.getValue());
        copy.setPath("/");
        copy.setVersion(0);
        other.cookies.getCookieStore().add(URI.create(other.origin), copy);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(origin + path)).timeout(Duration.ofSeconds(30))
            .header("X-Forwarded-For", clientAddress);
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
}
