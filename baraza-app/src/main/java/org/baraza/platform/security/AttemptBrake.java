package org.baraza.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.baraza.platform.accounts.ClientAttempts;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 Too Many Requests to a client that has failed too often at signing in or at
 * entering codes, before the password or code is even looked at.
 */
class AttemptBrake extends OncePerRequestFilter {

    /** The forms where passwords or codes can be guessed, or messages flooded. */
    static final Set<String> GUARDED = Set.of("/login", "/confirm", "/confirm/resend", "/password/forgot", "/password/reset",
        "/account/password", "/account/delete");
    static final String PAGE = "/too-many-attempts";

    private final ClientAttempts attempts;

    AttemptBrake(ClientAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        if ("POST".equals(request.getMethod()) && GUARDED.contains(request.getRequestURI()) && attempts.exhausted(request)) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(attempts.secondsUntilRetry(request)));
            request.getRequestDispatcher(PAGE).forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
