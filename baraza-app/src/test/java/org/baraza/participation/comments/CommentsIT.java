package org.baraza.participation.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.baraza.IntegrationTest;
import org.baraza.participation.debates.DiscussionCity;
import org.baraza.participation.testing.WebClient;
import org.baraza.platform.tenancy.MunicipalityDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class CommentsIT {

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

    private long comments() {
        return jdbc.sql("SELECT count(*) FROM comment WHERE organization_id = :org").param("org", city.id.value())
            .query(Long.class).single();
    }

    private static long idOf(HttpResponse<String> created) {
        return Long.parseLong(created.headers().firstValue("Location").orElseThrow().replaceAll(".*#comment-", ""));
    }

    private static HttpResponse<String> comment(WebClient client, String target, Long parent, String body, boolean anonymous,
                                                String page) {
        Map<String, String> fields = new HashMap<>(Map.of("target", target, "body", body, "_csrf", client.csrfToken(page)));
        if (parent != null) {
            fields.put("parent", Long.toString(parent));
        }
        if (anonymous) {
            fields.put("anonymous", "true");
        }
        return client.post("/comments", fields);
    }

    @Test
    void repliesNestFourLevelsAndNoDeeper() {
        long debate = city.debate(city.account("Author"), "Bus lanes?", false);
        WebClient resident = city.signedIn("Talker");
        String page = "/debates/" + debate;
        Long parent = null;
        for (int level = 0; level < 4; level++) {
            HttpResponse<String> posted = comment(resident, "debate:" + debate, parent, "Level " + level, false, page);
            assertThat(posted.statusCode()).as("level " + level).isEqualTo(302);
            parent = idOf(posted);
        }
        HttpResponse<String> tooDeep = comment(resident, "debate:" + debate, parent, "Level 4", false, page);
        assertThat(tooDeep.statusCode()).isEqualTo(409);
        assertThat(tooDeep.body()).contains("too deep");
        assertThat(comments()).isEqualTo(4);
        String thread = resident.get(page).body();
        assertThat(thread).contains("Level 3").contains("Comments (4)");
    }

    @Test
    void anonymousCommentNeverShowsItsAuthorInPagesOrApi() {
        String author = city.account("Author");
        long debate = city.debate(author, "Parking fees?", false);
        WebClient writer = city.signedIn("Wanjiku Hidden-Name");
        assertThat(comment(writer, "debate:" + debate, null, "I would rather not say who I am.", true, "/debates/" + debate)
            .statusCode()).isEqualTo(302);
        WebClient reader = city.signedIn("Reader");
        String html = reader.get("/debates/" + debate).body();
        assertThat(html).contains("I would rather not say who I am.").contains("Anonymous resident").doesNotContain("Hidden-Name");
        String json = new WebClient(city.host, port).get("/api/v1/comments?target=debate:" + debate).body();
        assertThat(json).contains("I would rather not say").contains("\"author\":null").doesNotContain("Hidden-Name");
    }

    @Test
    void commentsOnAProposalOnlyWhileThePhaseTakesComments() {
        String author = city.account("Author");
        long open = city.process("COMMENT", "SUPPORT");
        long closed = city.process("SUPPORT");
        long inOpen = city.proposal(open, author);
        long inClosed = city.proposal(closed, author);
        WebClient resident = city.signedIn("Resident");
        HttpResponse<String> ok = comment(resident, "proposal:" + inOpen, null, "Good idea", false, "/debates/new");
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(ok.headers().firstValue("Location").orElseThrow()).contains("/processes/" + open + "/proposals/" + inOpen);
        HttpResponse<String> refused = comment(resident, "proposal:" + inClosed, null, "Too late", false, "/debates/new");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Comments are not being taken here now.");
        assertThat(comments()).isEqualTo(1);
        String json = new WebClient(city.host, port).get("/api/v1/comments?target=proposal:" + inOpen).body();
        assertThat(json).contains("Good idea").contains("\"total\":1");
    }

    @Test
    void badTargetsAndInputAreRefusedAndNothingIsStored() {
        long debate = city.debate(city.account("Author"), "Street lights?", false);
        WebClient resident = city.signedIn("Resident");
        String page = "/debates/" + debate;
        assertThat(comment(resident, "account:1", null, "x", false, page).statusCode()).isEqualTo(404);
        assertThat(comment(resident, "debate:99999999", null, "x", false, page).statusCode()).isEqualTo(404);
        assertThat(comment(resident, "debate:abc", null, "x", false, page).statusCode()).isEqualTo(404);
        HttpResponse<String> empty = comment(resident, "debate:" + debate, null, "  ", false, page);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Enter some text.");
        HttpResponse<String> huge = comment(resident, "debate:" + debate, null, "y".repeat(100_000), false, page);
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body()).contains("Use at most 5,000 characters.");
        assertThat(resident.post("/comments", Map.of("target", "debate:" + debate, "body", "no token")).statusCode()).isEqualTo(403);
        DiscussionCity other = DiscussionCity.create(jdbc, directory, port);
        long elsewhere = other.debate(other.account("Foreigner"), "Not yours", false);
        assertThat(comment(resident, "debate:" + elsewhere, null, "Sneaky", false, page).statusCode()).isEqualTo(404);
        assertThat(comments()).isZero();
        HttpResponse<String> script = comment(resident, "debate:" + debate, null, "<script>alert('x')</script>", false, page);
        assertThat(script.statusCode()).isEqualTo(302);
        assertThat(resident.get(page).body()).doesNotContain("<script>alert").contains("&lt;script&gt;");
        WebClient api = new WebClient(city.host, port);
        HttpResponse<String> problem = api.get("/api/v1/comments?target=user:1");
        assertThat(problem.statusCode()).isEqualTo(400);
        assertThat(problem.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(api.get("/api/v1/comments?target=debate:" + elsewhere).statusCode()).isEqualTo(404);
    }

    @Test
    void oneVotePerPersonAndAuthorEditsWithinTheWindow() {
        long debate = city.debate(city.account("Author"), "Market days?", false);
        WebClient writer = city.signedIn("Writer");
        String page = "/debates/" + debate;
        long id = idOf(comment(writer, "debate:" + debate, null, "Frist!", false, page));
        String token = writer.csrfToken(page);
        assertThat(writer.post("/comments/" + id + "/edit", Map.of("body", "First!", "_csrf", token)).statusCode()).isEqualTo(302);
        WebClient voter = city.signedIn("Voter");
        String voterToken = voter.csrfToken(page);
        voter.post("/comments/" + id + "/vote", Map.of("vote", "up", "_csrf", voterToken));
        voter.post("/comments/" + id + "/vote", Map.of("vote", "up", "_csrf", voterToken));
        voter.post("/comments/" + id + "/vote", Map.of("vote", "down", "_csrf", voterToken));
        assertThat(voter.get(page).body()).contains("First!").contains("0 up, 1 down").contains("(edited)");
        jdbc.sql("UPDATE comment SET created_at = now() - interval '31 minutes' WHERE id = :id").param("id", id).update();
        HttpResponse<String> late = writer.post("/comments/" + id + "/edit", Map.of("body", "Changed my words", "_csrf", token));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(voter.post("/comments/" + id + "/edit", Map.of("body", "Not mine", "_csrf", voterToken)).statusCode())
            .isEqualTo(403);
        assertThat(writer.get(page).body()).contains("First!").doesNotContain("Changed my words").doesNotContain("Not mine");
    }
}
