package org.baraza.platform.security;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers every response carries. Spring Security writes them for everything that reaches its
 * filter chain; a response written before it (the unknown-host page of the tenancy filter) calls
 * {@link #write} to carry the same ones.
 */
public final class SecurityHeaders {

    /** No inline script or style anywhere; nothing loaded from another origin. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
        + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
        + "form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    public static void write(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
    }
}
