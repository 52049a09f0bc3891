package org.baraza.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Matches requests that no controller answers, so the security rules can let them through to the
 * 404 page: a visitor asking for a page that does not exist is told so, rather than asked to sign in
 * for it (which also told a visitor nothing about what exists, but confused people following a broken
 * link). A path that exists for another method (a GET on a POST-only form) counts as mapped, so the
 * access rules still decide it. The lookup runs on a copy of the request's attributes, so it leaves
 * nothing behind for the real dispatch.
 */
final class UnmappedPaths implements RequestMatcher {

    private final ApplicationContext context;
    private volatile RequestMappingHandlerMapping mappings;

    UnmappedPaths(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        if (signedIn() && !forStaff(request)) {
            // the rule after this one lets a signed-in person through anyway, and a path nobody answers then ends
            // in the 404 page: the lookup (about a tenth of a ballot's CPU) would change nothing
            return false;
        }
        RequestMappingHandlerMapping mapping = mappings();
        if (mapping == null) {
            return false;
        }
        HttpServletRequest probe = new OwnAttributes(request);
        try {
            ServletRequestPathUtils.parseAndCache(probe);
            return mapping.getHandler(probe) == null;
        } catch (Exception mappedForAnotherMethodOrType) {
            return false;
        }
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken);
    }

    // Paths that need a role, not only a signed-in person.
    private static boolean forStaff(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String root : SecurityConfiguration.STAFF_ROOTS) {
            if (path.equals(root) || path.startsWith(root + "/")) {
                return true;
            }
        }
        return false;
    }

    private RequestMappingHandlerMapping mappings() {
        RequestMappingHandlerMapping found = mappings;
        if (found == null && context.containsBean("requestMappingHandlerMapping")) {
            found = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
            mappings = found;
        }
        return found;
    }

    /** Reads fall through to the request; writes stay here. */
    private static final class OwnAttributes extends HttpServletRequestWrapper {

        private final Map<String, Object> written = new HashMap<>();
        private final Set<String> removed = new LinkedHashSet<>();

        OwnAttributes(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            if (written.containsKey(name)) {
                return written.get(name);
            }
            return removed.contains(name) ? null : super.getAttribute(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            removed.remove(name);
            written.put(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            written.remove(name);
            removed.add(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getAttributeNames()));
            names.removeAll(removed);
            names.addAll(written.keySet());
            return Collections.enumeration(names);
        }
    }
}
