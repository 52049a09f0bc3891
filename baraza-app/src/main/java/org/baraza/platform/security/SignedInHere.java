package org.baraza.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.Municipality;
import org.baraza.platform.SignedInAccount;
import org.baraza.platform.accounts.AccountSessions;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session counts only at the municipality where it signed in: a session cookie carried to
 * another municipality's host is treated as anonymous there. It also reloads the account on every
 * request, so a revoked role or a deleted account stops working at once. Only this request's
 * security context changes; the session itself is left as it was.
 */
class SignedInHere extends OncePerRequestFilter {

    private final AccountSessions sessions;

    SignedInHere(AccountSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInAccount signedIn) {
            Optional<Municipality> here = CurrentMunicipality.of(request);
            Optional<SignedInAccount> now = here.isPresent() && here.get().id().equals(signedIn.organization())
                ? sessions.current(signedIn.organization(), signedIn.accountId())
                : Optional.empty();
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            now.ifPresent(account -> context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null,
                account.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList())));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/images/")
            || path.equals("/favicon.ico") || path.startsWith("/actuator/");
    }
}
