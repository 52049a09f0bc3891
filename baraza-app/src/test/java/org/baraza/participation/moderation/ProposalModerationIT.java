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

/** Proposals are flagged and moderated like debates and comments. */
@IntegrationTest
class ProposalModerationIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MunicipalityDirectory directory;

    DiscussionCity city;
    long process;
    String authorLogin;
    long proposal;
    String path;

    @BeforeEach
    void proposal() {
        city = DiscussionCity.create(jdbc, directory, port);
        process = city.process("CREATE_PROPOSALS", "SUPPORT", "COMMENT");
        authorLogin = city.account("Author");
        proposal = city.proposal(process, authorLogin);
        jdbc.sql("UPDATE proposal SET title = 'Cheap watches for everyone', summary = 'BUY NOW at my shop' WHERE id = :id")
            .param("id", proposal).update();
        path = "/processes/" + process + "/proposals/" + proposal;
    }

    private void flag(WebClient resident) {
        String token = resident.csrfToken("/flags/new?type=proposal&id=" + proposal);
        HttpResponse<String> flagged = resident.post("/flags", Map.of("type", "proposal", "id", Long.toString(proposal),
            "reason", "spam", "_csrf", token));
        assertThat(flagged.statusCode()).isEqualTo(200);
        assertThat(flagged.body()).contains("Moderators will look at it.");
    }

    private long audited(String action, String target) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE organization_id = :org AND action = :action AND target = :target")
            .param("org", city.id.value()).param("action", action).param("target", target).query(Long.class).single();
    }

    @Test
    void threeFlagsHideAProposalPendingReviewAndAModeratorHidesItWithAPublicReason() {
        WebClient reader = new WebClient(city.host, port);
        WebClient first = city.signedIn("First");
        assertThat(first.get(path).body()).contains("href=\"/flags/new?type=proposal&amp;id=" + proposal + "\"");
        flag(first);
        flag(first);
        flag(city.signedIn("Second"));
        assertThat(reader.get(path).body()).contains("BUY NOW at my shop");
        flag(city.signedIn("Third"));

        String pending = reader.get(path).body();
        assertThat(pending).doesNotContain("BUY NOW").contains("hidden while moderators review it");
        assertThat(reader.get("/processes/" + process + "/proposals").body()).doesNotContain("Cheap watches");
        assertThat(reader.get("/api/v1/proposals/" + proposal).body()).contains("\"status\":\"hidden\"")
            .contains("\"pendingReview\":true").doesNotContain("BUY NOW");
        WebClient moderator = city.signedIn("Moderator", Role.MODERATOR);
        assertThat(moderator.get("/moderation").body()).contains("Cheap watches for everyone").contains("Hidden, awaiting review");

        String token = moderator.csrfToken("/moderation");
        assertThat(moderator.post("/moderation/proposal/" + proposal + "/hide", Map.of("reason", "", "_csrf", token))
            .statusCode()).isEqualTo(400);
        assertThat(moderator.post("/moderation/proposal/" + proposal + "/hide", Map.of("reason", "advertising", "_csrf", token))
            .statusCode()).isEqualTo(302);
        assertThat(reader.get(path).body()).contains("advertising").doesNotContain("BUY NOW");
        assertThat(reader.get("/api/v1/proposals/" + proposal).body()).contains("\"hiddenReason\":\"advertising\"")
            .contains("\"pendingReview\":false");
        assertThat(audited("moderation.hidden", "proposal:" + proposal)).isEqualTo(1);
        assertThat(audited("proposal.hidden", "proposal:" + proposal)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE account_id = :author AND kind = 'hidden' AND detail = 'advertising'")
            .param("author", city.accountId(authorLogin)).query(Long.class).single()).isEqualTo(1);
        // residents cannot moderate
        WebClient resident = city.signedIn("Resident");
        assertThat(resident.post("/moderation/proposal/" + proposal + "/restore",
            Map.of("_csrf", resident.csrfToken(path))).statusCode()).isIn(302, 403);
        assertThat(audited("moderation.restored", "proposal:" + proposal)).isZero();
    }

    @Test
    void aRestoredProposalIsShownAgainAndFlagsAloneNoLongerHideIt() {
        flag(city.signedIn("One"));
        flag(city.signedIn("Two"));
        flag(city.signedIn("Three"));
        WebClient reader = new WebClient(city.host, port);
        assertThat(reader.get(path).body()).doesNotContain("BUY NOW");
        WebClient moderator = city.signedIn("Moderator", Role.MODERATOR);
        assertThat(moderator.post("/moderation/proposal/" + proposal + "/restore",
            Map.of("_csrf", moderator.csrfToken("/moderation"))).statusCode()).isEqualTo(302);
        assertThat(reader.get(path).body()).contains("BUY NOW at my shop");
        assertThat(audited("moderation.restored", "proposal:" + proposal)).isEqualTo(1);
        flag(city.signedIn("Four"));
        assertThat(reader.get(path).body()).contains("BUY NOW at my shop");
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE account_id = :author AND kind = 'restored'")
            .param("author", city.accountId(authorLogin)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aFlagNeedsAReasonAndAnUnknownProposalIsNotFound() {
        WebClient resident = city.signedIn("Careless");
        String token = resident.csrfToken("/flags/new?type=proposal&id=" + proposal);
        HttpResponse<String> noReason = resident.post("/flags", Map.of("type", "proposal", "id", Long.toString(proposal),
            "_csrf", token));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(resident.post("/flags", Map.of("type", "proposal", "id", "999999999", "reason", "spam", "_csrf", token))
            .statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM content_flag WHERE organization_id = :org").param("org", city.id.value())
            .query(Long.class).single()).isZero();
        assertThat(new WebClient(city.host, port).get("/flags/new?type=proposal&id=" + proposal).statusCode()).isEqualTo(302);
    }
}
