package org.baraza.platform;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.baraza.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headers every response carries (CSP without inline code, no framing, no sniffing, HSTS only
 * behind TLS) and CSRF protection on every state-changing endpoint the application maps.
 */
@IntegrationTest
class SecurityHeadersIT {

    /** Endpoints that take POSTs from machines rather than browsers would be listed here, with why. */
    private static final Set<String> CSRF_EXEMPT = Set.of();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void pagesForbidInlineCodeFramingAndSniffing() {
        Visitor visitor = Visitor.ofDemoCity(port);

        for (String path : List.of("/", "/css/baraza.css", "/no-such-page", "/login", "/api/v1/municipality")) {
            HttpResponse<String> response = visitor.get(path);
            assertStrictHeaders(response, path);
        }
    }

    @Test
    void unknownHostPageCarriesTheSameHeaders() {
        HttpResponse<String> response = new Visitor("http://127.0.0.2:" + port).get("/");

        assertThat(response.statusCode()).isEqualTo(404);
        assertStrictHeaders(response, "unknown host");
    }

    @Test
    void strictTransportSecurityOnlyWhenTheRequestCameOverTls() {
        Visitor visitor = Visitor.ofDemoCity(port);

        assertThat(visitor.get("/").headers().firstValue("Strict-Transport-Security")).isEmpty();

        HttpResponse<String> behindProxy = visitor.get("/", "X-Forwarded-Proto", "https");
        assertThat(behindProxy.headers().firstValue("Strict-Transport-Security"))
            .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));
    }

    @Test
    void sessionCookieIsHttpOnlyLaxAndSecureBehindTls() {
        HttpResponse<String> plain = Visitor.ofDemoCity(port).get("/login");
        List<String> plainCookies = plain.headers().allValues("Set-Cookie");
        assertThat(plainCookies).as("a session starts on the sign-in page (CSRF token)").isNotEmpty();
        assertThat(plainCookies).allSatisfy(cookie -> assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));

        HttpResponse<String> secure = Visitor.ofDemoCity(port).get("/login", "X-Forwarded-Proto", "https");
        assertThat(secure.headers().allValues("Set-Cookie")).allSatisfy(cookie -> assertThat(cookie).contains("Secure"));
    }

    @Test
    void everyStateChangingEndpointRefusesARequestWithoutCsrfToken() {
        Set<String> endpoints = stateChangingEndpoints();
        endpoints.add("POST /login");
        endpoints.add("POST /logout");

        List<String> unprotected = new ArrayList<>();
        for (String endpoint : endpoints) {
            if (CSRF_EXEMPT.contains(endpoint)) {
                continue;
            }
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            Visitor visitor = Visitor.ofDemoCity(port);
            visitor.get("/login");
            HttpResponse<String> withoutToken = visitor.post(path, Map.of());
            if (withoutToken.statusCode() != 403) {
                unprotected.add(endpoint + " answered " + withoutToken.statusCode() + " without a CSRF token");
            }
        }
        assertThat(unprotected).isEmpty();
        assertThat(endpoints).contains("POST /login", "POST /logout");
    }

    @Test
    void theSameRequestWithATokenIsNotRefusedForCsrf() {
        Visitor visitor = Visitor.ofDemoCity(port);

        HttpResponse<String> signIn = visitor.signIn("nobody@example.org", "wrong-password-1");

        assertThat(signIn.statusCode()).as("a wrong password is a redirect back to the form, not a CSRF refusal")
            .isNotEqualTo(403).isLessThan(500);
    }

    /** Every POST/PUT/PATCH/DELETE the MVC handler mappings know, path variables filled with a plausible id. */
    private Set<String> stateChangingEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                Set<String> unsafe = new TreeSet<>();
                if (methods.isEmpty()) {
                    unsafe.add("POST");
                }
                for (RequestMethod method : methods) {
                    if (method == RequestMethod.POST || method == RequestMethod.PUT
                        || method == RequestMethod.PATCH || method == RequestMethod.DELETE) {
                        unsafe.add(method.name());
                    }
                }
                for (String pattern : info.getPatternValues()) {
                    if (pattern.startsWith("/actuator") || pattern.equals("/error")) {
                        continue;
                    }
                    String path = pattern.replaceAll("\\{[^}]+}", "1").replace("/**", "/x").replace("*", "x");
                    // the form posts are what a browser can be tricked into sending; other verbs travel as POST here too
                    unsafe.forEach(method -> endpoints.add("POST " + path));
                }
            }
        }
        return endpoints;
    }

    private static void assertStrictHeaders(HttpResponse<String> response, String what) {
        String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).as("CSP of %s", what)
            .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
            .doesNotContain("unsafe-inline", "unsafe-eval", "*", "http:", "https:");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).as(what).isPresent();
    }
}
