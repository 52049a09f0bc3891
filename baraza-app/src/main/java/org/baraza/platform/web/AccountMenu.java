package org.baraza.platform.web;

import java.util.Collection;
import org.baraza.platform.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Which links the shell's account menu shows to the visitor of this request. Worked out once per page
 * from the request's authentication, as {@code isAnonymous()}, {@code isAuthenticated()} and
 * {@code hasRole(…)} would answer: seven {@code sec:authorize} expressions in the layout cost a sixth of
 * a page's rendering (BENCHMARKS.md), each parsed and evaluated with a fresh evaluation context.
 */
public record AccountMenu(boolean signedIn, boolean moderator, boolean admin, boolean officer, boolean valuator,
                          boolean platformAdmin) {

    static final AccountMenu VISITOR = new AccountMenu(false, false, false, false, false, false);

    static AccountMenu of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            return VISITOR;
        }
        Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
        return new AccountMenu(true, holds(authorities, Role.MODERATOR), holds(authorities, Role.ADMIN),
            holds(authorities, Role.OFFICER), holds(authorities, Role.VALUATOR), holds(authorities, Role.PLATFORM_ADMIN));
    }

    private static boolean holds(Collection<? extends GrantedAuthority> authorities, Role role) {
        String wanted = role.authority();
        for (GrantedAuthority authority : authorities) {
            if (wanted.equals(authority.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
