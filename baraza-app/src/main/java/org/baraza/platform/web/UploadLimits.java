package org.baraza.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers an upload over the size limits (or a multipart body that cannot be parsed) with a
 * translated 413 (or 400) page before anything else reads it. Without this, the first filter to
 * read a parameter (the CSRF check) meets Tomcat's parse failure as an exception, and the error
 * page itself, which reads the {@code lang} parameter, fails the same way: the visitor would get
 * Tomcat's bare English page. The error page is therefore given a request whose parameters
 * read as empty once parsing has failed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class UploadLimits extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            // the error page for this very request: its body was refused, so nothing may read it again
            chain.doFilter(new ParametersOrNothing(request), response);
            return;
        }
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            try {
                request.getParts();
            } catch (IOException | ServletException | RuntimeException unreadable) {
                response.sendError(tooLarge(unreadable) ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE
                    : HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterNestedErrorDispatch(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        chain.doFilter(new ParametersOrNothing(request), response);
    }

    static boolean tooLarge(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String name = cause.getClass().getSimpleName();
            if (name.endsWith("SizeLimitExceededException") || name.equals("SizeException")
                || name.endsWith("MaxUploadSizeExceededException")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A request whose parameters, if the body could not be parsed, read as absent instead of
     * throwing, and which no longer claims a multipart body, so Spring MVC does not parse it again
     * while it renders the error page.
     */
    static final class ParametersOrNothing extends HttpServletRequestWrapper {

        ParametersOrNothing(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getContentType() {
            String type = super.getContentType();
            return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/") ? null : type;
        }

        @Override
        public String getHeader(String name) {
            return "Content-Type".equalsIgnoreCase(name) ? getContentType() : super.getHeader(name);
        }

        @Override
        public String getParameter(String name) {
            try {
                return super.getParameter(name);
            } catch (IllegalStateException unparsable) {
                return null;
            }
        }

        @Override
        public String[] getParameterValues(String name) {
            try {
                return super.getParameterValues(name);
            } catch (IllegalStateException unparsable) {
                return null;
            }
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            try {
                return super.getParameterMap();
            } catch (IllegalStateException unparsable) {
                return Map.of();
            }
        }

        @Override
        public Enumeration<String> getParameterNames() {
            try {
                return super.getParameterNames();
            } catch (IllegalStateException unparsable) {
                return Collections.emptyEnumeration();
            }
        }
    }
}
