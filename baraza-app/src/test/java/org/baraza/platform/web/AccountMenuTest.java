package org.baraza.platform.web;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;

class AccountMenuTest {

    @Test
    void anAnonymousVisitorOrNoAuthenticationAtAllGetsTheVisitorsMenu() {
        assertThat(AccountMenu.of(null)).isEqualTo(new AccountMenu(false, false, false, false, false, false));
        assertThat(AccountMenu.of(new AnonymousAuthenticationToken("key", "anonymousUser",
            List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS"))))).isEqualTo(AccountMenu.VISITOR);
    }

    @Test
    void aSignedInAccountSeesTheLinksOfItsRolesOnly() {
        var admin = UsernamePasswordAuthenticationToken.authenticated("7", null,
            List.of(new SimpleGrantedAuthority("ROLE_RESIDENT"), new SimpleGrantedAuthority("ROLE_ADMIN")));
        assertThat(AccountMenu.of(admin)).isEqualTo(new AccountMenu(true, false, true, false, false, false));

        var officerAndModerator = UsernamePasswordAuthenticationToken.authenticated("8", null,
            List.of(new SimpleGrantedAuthority("ROLE_OFFICER"), new SimpleGrantedAuthority("ROLE_MODERATOR")));
        assertThat(AccountMenu.of(officerAndModerator)).isEqualTo(new AccountMenu(true, true, false, true, false, false));

        var platform = UsernamePasswordAuthenticationToken.authenticated("9", null,
            List.of(new SimpleGrantedAuthority("ROLE_PLATFORM_ADMIN")));
        assertThat(AccountMenu.of(platform)).isEqualTo(new AccountMenu(true, false, false, false, false, true));
    }

    @Test
    void anAuthenticationNotYetAuthenticatedIsAVisitor() {
        assertThat(AccountMenu.of(UsernamePasswordAuthenticationToken.unauthenticated("resident@demo.city", "secret")))
            .isEqualTo(AccountMenu.VISITOR);
    }
}
