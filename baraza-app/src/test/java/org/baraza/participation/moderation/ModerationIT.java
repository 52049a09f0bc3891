package org.baraza.participation.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.baraza.IntegrationTest;
import org.baraza.participation.debates.DiscussionCity;
import org.baraza.participation.testing.WebClient;
import org.baraza.platform.Role;
import org.baraza.platform.tenancy.MunicipalityDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ModerationIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MunicipalityDirectory directory;

    DiscussionCity city;

    @BeforeEach
    void city() {
        city = DiscussionCity.create(jdbc, directory, port);
    }

    private long commentOn(long debate, WebClient writer, String body) {
        HttpResponse<String> posted = writer.post("/comments", Map.of("target", "debate:" + debate, "body", body,
            "_csrf", writer.csrfToken("/debates/" + debate)));
        assertThat(posted.statusCode()).isEqualTo(302);
        return Long.parseLong(posted.headers().firstValue("Location").orElseThrow().replaceAll(".*#comment-", ""));
    }

    private void flag(WebClient resident, long comment) {
        String token = resident.csrfToken("/flags/new?type=comment&id=" + comment);
        HttpResponse<String> flagged = resident.post("/flags", Map.of("type", "comment", "id", Long.toString(comment),
            "reason", "spam", "_csrf", token));
        assertThat(flagged.statusCode()).isEqualTo(200);
        assertThat(flagged.body()).contains("Moderators will look at it.");
    }

    private long audited(String action, String target) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE organization_id = :org AND action = :action AND target = :target")
            .param("org", city.id.value()).param("action", action).param("target", target).query(Long.class).single();
    }

    @Test
    void threeFlagsHideACommentUntilAModeratorDecides() {
        long debate = city.debate(city.account("Author"), "Waste collection", false);
        long comment = commentOn(debate, city.signedIn("Spammer"), "BUY CHEAP WATCHES");
        WebClient first = city.signedIn("First");
        flag(first, comment);
        flag(first, comment);
        flag(city.signedIn("Second"), comment);
        WebClient reader = city.signedIn("Reader");
        assertThat(reader.get("/debates/" + debate).body()).contains("BUY CHEAP WATCHES");
        flag(city.signedIn("Third"), comment);
        String page = reader.get("/debates/" + debate).body();
        assertThat(page).doesNotContain("BUY CHEAP WATCHES").contains("Hidden while moderators review it.");
        assertThat(new WebClient(city.host, port).get("/api/v1/comments?target=debate:" + debate).body())
            .doesNotContain("BUY CHEAP WATCHES").contains("\"total\":0");
        WebClient moderator = city.signedIn("Moderator", Role.MODERATOR);
        assertThat(moderator.get("/moderation").body()).contains("BUY CHEAP WATCHES").contains("Hidden, awaiting review");
    }

    @Test
    void moderatorHidesWithAPublicReasonAndRestoresAndBothAreAudited() {
        long debate = city.debate(city.account("Author"), "Noise at night", false);
        long comment = commentOn(debate, city.signedIn("Rude"), "You are all idiots");
        WebClient moderator = city.signedIn("Moderator", Role.MODERATOR);
        String token = moderator.csrfToken("/moderation");
        HttpResponse<String> noReason = moderator.post("/moderation/comment/" + comment + "/hide", Map.of("reason", "", "_csrf", token));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(audited("moderation.hidden", "comment:" + comment)).isZero();
        assertThat(moderator.post("/moderation/comment/" + comment + "/hide", Map.of("reason", "insults", "_csrf", token))
            .statusCode()).isEqualTo(302);
        assertThat(audited("moderation.hidden", "comment:" + comment)).isEqualTo(1);
        String page = city.signedIn("Reader").get("/debates/" + debate).body();
        assertThat(page).contains("Hidden by moderation: insults").doesNotContain("You are all idiots");
        assertThat(moderator.post("/moderation/comment/" + comment + "/restore", Map.of("_csrf", token)).statusCode()).isEqualTo(302);
        assertThat(audited("moderation.restored", "comment:" + comment)).isEqualTo(1);
        assertThat(city.signedIn("Reader").get("/debates/" + debate).body()).contains("You are all idiots");
        // residents cannot moderate
        WebClient resident = city.signedIn("Resident");
        assertThat(resident.post("/moderation/comment/" + comment + "/hide",
            Map.of("reason", "x", "_csrf", resident.csrfToken("/debates/" + debate))).statusCode()).isIn(302, 403);
        assertThat(audited("moderation.hidden", "comment:" + comment)).isEqualTo(1);
    }

    @Test
    void blockedAccountCannotPost() {
        long debate = city.debate(city.account("Author"), "Road repairs", false);
        String trollLogin = city.account("Troll");
        WebClient troll = city.signedInAs(trollLogin);
        commentOn(debate, troll, "First troll");
        String oldToken = troll.csrfToken("/debates/" + debate);
        WebClient moderator = city.signedIn("Moderator", Role.MODERATOR);
        String token = moderator.csrfToken("/moderation");
        long trollId = city.accountId(trollLogin);
        assertThat(moderator.post("/moderation/accounts/" + trollId + "/block", Map.of("reason", "trolling", "_csrf", token))
            .statusCode()).isEqualTo(302);
        assertThat(audited("moderation.blocked", "account:" + trollId)).isEqualTo(1);
        // the block suspends the account: its open session ends, so nothing more can be posted through it
        assertThat(troll.get("/debates/" + debate).body()).doesNotContain("action=\"/comments\"");
        HttpResponse<String> refused = troll.post("/comments", Map.of("target", "debate:" + debate, "body", "Again",
            "_csrf", oldToken));
        assertThat(refused.statusCode()).isIn(302, 403);
        HttpResponse<String> debateRefused = troll.post("/debates", Map.of("title", "Troll debate", "body", "x",
            "_csrf", oldToken));
        assertThat(debateRefused.statusCode()).isIn(302, 403);
        assertThat(jdbc.sql("SELECT count(*) FROM comment WHERE author_account_id = :id").param("id", trollId)
            .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM debate WHERE author_account_id = :id").param("id", trollId)
            .query(Long.class).single()).isZero();
    }

    @Test
    void aBlockedAccountThatIsSignedInSomehowIsStillRefusedWithAMessage(@Autowired Moderation moderation,
                                                                        @Autowired org.baraza.platform.AccountSuspensions suspensions) {
        // the platform's suspension and the posting block are lifted together by moderators; if an operator
        // lifted the suspension alone, the block still keeps the account from posting
        long debate = city.debate(city.account("Author"), "Parking", false);
        String login = city.account("Lifted");
        long account = city.accountId(login);
        long moderatorId = city.accountId(city.account("Moderator", Role.MODERATOR));
        moderation.block(city.id, account, moderatorId, "spam");
        suspensions.lift(city.id, account, moderatorId);
        WebClient lifted = city.signedInAs(login);
        HttpResponse<String> refused = lifted.post("/comments", Map.of("target", "debate:" + debate, "body", "Again",
            "_csrf", lifted.csrfToken("/debates/" + debate)));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("blocked from posting");
    }

    @Test
    void postingTooFastIsRefusedWith429() {
        long debate = city.debate(city.account("Author"), "Speed bumps", false);
        WebClient fast = city.signedIn("Fast");
        String token = fast.csrfToken("/debates/" + debate);
        for (int i = 0; i < 10; i++) {
            assertThat(fast.post("/comments", Map.of("target", "debate:" + debate, "body", "Comment " + i, "_csrf", token))
                .statusCode()).isEqualTo(302);
        }
        HttpResponse<String> eleventh = fast.post("/comments?lang=fr", Map.of("target", "debate:" + debate, "body", "One more",
            "_csrf", token));
        assertThat(eleventh.statusCode()).isEqualTo(429);
        assertThat(eleventh.body()).contains("Vous publiez trop vite.");
        assertThat(jdbc.sql("SELECT count(*) FROM comment WHERE target_id = :id AND target_type = 'debate'").param("id", debate)
            .query(Long.class).single()).isEqualTo(10);
    }

    @Test
    void oneClientAddressIsLimitedAcrossAccounts() {
        long debate = city.debate(city.account("Author"), "Flooding", false);
        String address = "198.51.100." + (1 + (int) (Math.random() * 250));
        int accepted = 0;
        HttpResponse<String> last = null;
        for (int account = 0; account < 4 && (last == null || last.statusCode() != 429); account++) {
            WebClient client = city.signedIn("Neighbour " + account);
            String token = client.csrfToken("/debates/" + debate);
            for (int i = 0; i < 10; i++) {
                last = client.post("/comments", Map.of("target", "debate:" + debate, "body", "From the same network " + i,
                    "_csrf", token), "X-Forwarded-For", address);
                if (last.statusCode() == 429) {
                    break;
                }
                accepted++;
            }
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(accepted).isEqualTo(30);
    }
}
