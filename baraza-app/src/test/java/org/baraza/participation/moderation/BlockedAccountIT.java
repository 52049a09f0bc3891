package org.baraza.participation.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.baraza.IntegrationTest;
import org.baraza.participation.debates.DiscussionCity;
import org.baraza.participation.testing.WebClient;
import org.baraza.platform.AccountSuspensions;
import org.baraza.platform.Role;
import org.baraza.platform.tenancy.MunicipalityDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A moderator's block suspends the account on the platform: no sign-in, open sessions end, all audited. */
@IntegrationTest
class BlockedAccountIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MunicipalityDirectory directory;
    @Autowired
    AccountSuspensions suspensions;

    DiscussionCity city;

    @BeforeEach
    void city() {
        city = DiscussionCity.create(jdbc, directory, port);
    }

    private HttpResponse<String> signIn(WebClient client, String login, String password) {
        return client.post("/login", Map.of("login", login, "password", password, "_csrf", client.csrfToken("/login")));
    }

    private long audited(String action, String target) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE organization_id = :org AND action = :action AND target = :target")
            .param("org", city.id.value()).param("action", action).param("target", target).query(Long.class).single();
    }

    private long sessions(long account) {
        return jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = :name").param("name", Long.toString(account))
            .query(Long.class).single();
    }

    @Test
    void aBlockedAccountIsSignedOutAtOnceAndCannotSignInUntilUnblocked() {
        String login = city.account("Troll");
        long troll = city.accountId(login);
        WebClient open = city.signedInAs(login);
        assertThat(open.get("/account").statusCode()).isEqualTo(200);
        assertThat(sessions(troll)).isPositive();

        WebClient moderator = city.signedIn("Moderator", Role.MODERATOR);
        String token = moderator.csrfToken("/moderation");
        assertThat(moderator.post("/moderation/accounts/" + troll + "/block", Map.of("reason", "trolling", "_csrf", token))
            .statusCode()).isEqualTo(302);

        assertThat(open.get("/account").statusCode()).as("the open session ended").isEqualTo(302);
        assertThat(sessions(troll)).isZero();
        assertThat(suspensions.isSuspended(city.id, troll)).isTrue();
        HttpResponse<String> refused = signIn(new WebClient(city.host, port), login, DiscussionCity.PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/login?suspended");
        assertThat(new WebClient(city.host, port).get("/login?suspended&lang=fr").body())
            .contains("Ce compte est suspendu par les modérateurs de la commune");
        assertThat(new WebClient(city.host, port).get("/login?suspended").body())
            .contains("This account is suspended by the municipality&#39;s moderators");
        assertThat(audited("moderation.blocked", "account:" + troll)).isEqualTo(1);
        assertThat(audited("account.suspended", "account:" + troll)).isEqualTo(1);

        assertThat(moderator.post("/moderation/accounts/" + troll + "/unblock", Map.of("_csrf", token)).statusCode())
            .isEqualTo(302);
        assertThat(audited("account.suspensionLifted", "account:" + troll)).isEqualTo(1);
        HttpResponse<String> again = signIn(new WebClient(city.host, port), login, DiscussionCity.PASSWORD);
        assertThat(again.headers().firstValue("Location").orElse("")).doesNotContain("/login");
    }

    @Test
    void aWrongPasswordOnASuspendedAccountRevealsNothingAboutTheSuspension() {
        String login = city.account("Suspended");
        long account = city.accountId(login);
        long moderator = city.accountId(city.account("Moderator", Role.MODERATOR));
        assertThat(suspensions.suspend(city.id, account, moderator, "spam")).isTrue();
        assertThat(suspensions.suspend(city.id, account, moderator, "again")).isFalse();
        HttpResponse<String> wrong = signIn(new WebClient(city.host, port), login, "not the password");
        assertThat(wrong.headers().firstValue("Location").orElse("")).endsWith("/login?failed");
        assertThat(suspensions.reason(city.id, account)).contains("spam");
        assertThat(audited("account.suspended", "account:" + account)).isEqualTo(1);
    }

    @Test
    void anAccountOfAnotherMunicipalityCannotBeSuspendedFromHere() {
        DiscussionCity other = DiscussionCity.create(jdbc, directory, port);
        long stranger = other.accountId(other.account("Stranger"));
        long moderator = city.accountId(city.account("Moderator", Role.MODERATOR));
        assertThat(suspensions.suspend(city.id, stranger, moderator, "not yours")).isFalse();
        assertThat(suspensions.isSuspended(other.id, stranger)).isFalse();
        assertThat(other.signedInAs(other.account("Still fine")).get("/account").statusCode()).isEqualTo(200);
    }
}
