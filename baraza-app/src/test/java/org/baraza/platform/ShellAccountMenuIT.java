package org.baraza.platform;

import java.net.http.HttpResponse;
import org.baraza.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The shell's account menu shows each visitor the links of what they are: visitor, resident, or a role. */
@IntegrationTest
class ShellAccountMenuIT {

    static final String PASSWORD = "demo-password-2026";

    @LocalServerPort
    int port;

    @Test
    void aVisitorIsOfferedToSignInOrRegisterAndNothingElse() {
        String page = Visitor.ofDemoCity(port).get("/").body();
        assertThat(page).contains("href=\"/login\"", "href=\"/register\"")
            .doesNotContain("href=\"/account\"", "action=\"/logout\"", "href=\"/admin\"", "href=\"/officer\"", "href=\"/moderation\"");
    }

    @Test
    void aResidentGetsTheirAccountNotificationsAndSignOutButNoStaffLinks() {
        String page = signedIn("resident@demo.city");
        assertThat(page).contains("href=\"/account\"", "href=\"/account/notifications\"", "action=\"/logout\"")
            .doesNotContain("href=\"/login\"", "href=\"/register\"", "href=\"/admin\"", "href=\"/officer\"", "href=\"/moderation\"",
                "href=\"/platform\"", "href=\"/valuation/budgets\"");
    }

    @Test
    void eachRoleGetsTheLinkToItsOwnArea() {
        assertThat(signedIn("admin@demo.city")).contains("href=\"/admin\"").doesNotContain("href=\"/officer\"", "href=\"/login\"");
        assertThat(signedIn("officer@demo.city")).contains("href=\"/officer\"").doesNotContain("href=\"/admin\"");
        assertThat(signedIn("moderator@demo.city")).contains("href=\"/moderation\"").doesNotContain("href=\"/admin\"");
        assertThat(signedIn("valuator@demo.city")).contains("href=\"/valuation/budgets\"").doesNotContain("href=\"/admin\"");
    }

    private String signedIn(String login) {
        Visitor visitor = Visitor.ofDemoCity(port);
        assertThat(visitor.signIn(login, PASSWORD).statusCode()).isEqualTo(302);
        HttpResponse<String> home = visitor.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        return home.body();
    }
}
