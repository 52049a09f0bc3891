package org.baraza.platform.tenancy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.Municipality;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Resolves the municipality from the Host header before anything else runs. An unknown host gets
 * a plain 404 page (or problem+json under /api): no data of any municipality is reachable by it.
 * Static files and health checks are served to any host.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class TenancyFilter extends OncePerRequestFilter {

    private final MunicipalityDirectory directory;
    private final UnknownHostPage unknownHostPage;

    TenancyFilter(MunicipalityDirectory directory, UnknownHostPage unknownHostPage) {
        this.directory = directory;
        this.unknownHostPage = unknownHostPage;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        Optional<Municipality> municipality = directory.forHost(request.getServerName());
        if (municipality.isPresent()) {
            request.setAttribute(CurrentMunicipality.ATTRIBUTE, municipality.get());
            chain.doFilter(request, response);
        } else if (servedToAnyHost(request.getRequestURI())) {
            chain.doFilter(request, response);
        } else {
            unknownHostPage.write(request, response);
        }
    }

    private static boolean servedToAnyHost(String path) {
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/vendor/") || path.startsWith("/images/")
            || path.equals("/favicon.ico") || path.startsWith("/actuator/");
    }
}
