package org.baraza.platform.accounts;

import jakarta.servlet.http.Cookie;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.boot.webmvc.test.autoconfigure.SpringBootMockMvcBuilderCustomizer;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A browser without JavaScript at one host and one client address, driving the whole filter chain
 * (tenancy, sessions in PostgreSQL, security) through MockMvc: it keeps its cookies, and submits
 * forms with the CSRF token the page carried. MockMvc rather than real HTTP because a test must
 * set the Host header (another municipality) and the client address (rate limits), which the JDK
 * HTTP client does not allow.
 */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final MockMvc mvc;
    private final String host;
    private final String address;
    private final Map<String, Cookie> cookies = new LinkedHashMap<>();

    private Browser(MockMvc mvc, String host, String address) {
        this.mvc = mvc;
        this.host = host;
        this.address = address;
    }

    /** The application as MockMvc with every servlet filter Boot registers, as @AutoConfigureMockMvc would build it. */
    static MockMvc mockMvc(WebApplicationContext context) {
        DefaultMockMvcBuilder builder = MockMvcBuilders.webAppContextSetup(context);
        SpringBootMockMvcBuilderCustomizer filters = new SpringBootMockMvcBuilderCustomizer(context);
        filters.setPrint(MockMvcPrint.NONE);
        filters.customize(builder);
        return builder.build();
    }

    /** At Demo City (localhost) from a client address of its own, so rate limits of other tests do not meet. */
    static Browser atDemoCity(MockMvc mvc) {
        return new Browser(mvc, "localhost", ClientAddresses.next());
    }

    static Browser at(MockMvc mvc, String host) {
        return new Browser(mvc, host, ClientAddresses.next());
    }

    /** The same cookies, at another host: what a stolen or carried session cookie does. */
    Browser carriedTo(String otherHost) {
        Browser other = new Browser(mvc, otherHost, address);
        other.cookies.putAll(cookies);
        return other;
    }

    MvcResult get(String path) {
        return perform(MockMvcRequestBuilders.get(path));
    }

    /** Posts exactly these fields (add "_csrf" yourself, or use {@link #submit}). */
    MvcResult post(String path, Map<String, String> fields) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path)
            .contentType("application/x-www-form-urlencoded");
        fields.forEach((name, value) -> request.param(name, value));
        return perform(request);
    }

    /** Opens {@code page}, then posts {@code fields} to {@code action} with the page's CSRF token. */
    MvcResult submit(String page, String action, Map<String, String> fields) {
        String html = body(get(page));
        Matcher token = CSRF.matcher(html);
        if (!token.find()) {
            throw new AssertionError("no CSRF token on " + page);
        }
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", token.group(1));
        return post(action, withToken);
    }

    MvcResult signIn(String login, String password) {
        return submit("/login", "/login", Map.of("login", login, "password", password));
    }

    /** Follows redirects as a browser would (GET), at most five. */
    MvcResult follow(MvcResult result) {
        MvcResult current = result;
        for (int hops = 0; hops < 5 && current.getResponse().getStatus() / 100 == 3; hops++) {
            current = get(current.getResponse().getRedirectedUrl());
        }
        return current;
    }

    /** The cookies this browser holds, to send with a request built by hand. */
    Cookie[] cookies() {
        return cookies.values().toArray(Cookie[]::new);
    }

    boolean signedIn() {
        return get("/account").getResponse().getStatus() == 200;
    }

    static String body(MvcResult result) {
        try {
            return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private MvcResult perform(MockHttpServletRequestBuilder request) {
        request.header("Host", host).with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
        if (!cookies.isEmpty()) {
            request.cookie(cookies.values().toArray(Cookie[]::new));
        }
        try {
            MvcResult result = mvc.perform(request).andReturn();
            for (Cookie cookie : result.getResponse().getCookies()) {
                if (cookie.getMaxAge() == 0) {
                    cookies.remove(cookie.getName());
                } else {
                    cookies.put(cookie.getName(), cookie);
                }
            }
            return result;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
