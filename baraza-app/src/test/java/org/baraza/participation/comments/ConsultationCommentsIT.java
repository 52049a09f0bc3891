package org.baraza.participation.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.baraza.IntegrationTest;
import org.baraza.participation.debates.DiscussionCity;
import org.baraza.participation.testing.Polls;
import org.baraza.participation.testing.WebClient;
import org.baraza.platform.Role;
import org.baraza.platform.tenancy.MunicipalityDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Consultation pages carry the comment thread, like proposals and debates; hidden comments stay out of the API. */
@IntegrationTest
class ConsultationCommentsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MunicipalityDirectory directory;

    DiscussionCity city;
    Polls polls;

    @BeforeEach
    void city() {
        city = DiscussionCity.create(jdbc, directory, port);
        polls = new Polls(jdbc);
    }

    private HttpResponse<String> comment(WebClient client, Polls.Poll poll, String body) {
        return client.post("/comments", Map.of("target", "consultation:" + poll.id().value(), "body", body,
            "_csrf", client.csrfToken(poll.page())));
    }

    private long stored(Polls.Poll poll) {
        return jdbc.sql("SELECT count(*) FROM comment WHERE target_type = 'consultation' AND target_id = :id")
            .param("id", poll.id().value()).query(Long.class).single();
    }

    @Test
    void residentsCommentOnAConsultationWhileItsPhaseTakesComments() {
        Polls.Poll poll = polls.open(city.id).single("Which park first?", "North park", "South park").create();
        WebClient visitor = new WebClient(city.host, port);
        String before = visitor.get(poll.page()).body();
        assertThat(before).contains("Comments (0)").contains("No comments yet.");

        WebClient resident = city.signedIn("Wanjiru");
        assertThat(resident.get(poll.page()).body()).contains("name=\"target\" value=\"consultation:" + poll.id().value() + "\"");
        HttpResponse<String> posted = comment(resident, poll, "The **north** park floods every April.");
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElse("")).contains(poll.page() + "#comment-");

        String after = visitor.get(poll.page()).body();
        assertThat(after).contains("Comments (1)").contains("<strong>north</strong> park floods every April.")
            .contains("Wanjiru");
        assertThat(visitor.get("/api/v1/comments?target=consultation:" + poll.id().value()).body())
            .contains("\"total\":1").contains("floods every April");
    }

    @Test
    void aHiddenCommentOnAConsultationIsLeftOutOfTheApiAndShownAsHidden() {
        Polls.Poll poll = polls.open(city.id).single("Bus or tram?", "Bus", "Tram").create();
        HttpResponse<String> posted = comment(city.signedIn("Rude"), poll, "Only idiots take the bus");
        long id = Long.parseLong(posted.headers().firstValue("Location").orElseThrow().replaceAll(".*#comment-", ""));
        comment(city.signedIn("Polite"), poll, "Trams are quieter.");
        WebClient moderator = city.signedIn("Moderator", Role.MODERATOR);
        assertThat(moderator.post("/moderation/comment/" + id + "/hide", Map.of("reason", "insults",
            "_csrf", moderator.csrfToken("/moderation"))).statusCode()).isEqualTo(302);

        WebClient visitor = new WebClient(city.host, port);
        assertThat(visitor.get(poll.page()).body()).contains("Hidden by moderation: insults").doesNotContain("Only idiots");
        String api = visitor.get("/api/v1/comments?target=consultation:" + poll.id().value()).body();
        assertThat(api).contains("\"total\":1").contains("Trams are quieter.").doesNotContain("Only idiots");
    }

    @Test
    void noCommentIsTakenWhenThePhaseDoesNotAllowComments() {
        Polls.Poll poll = polls.in(city.id, polls.process(city.id, "{VOTE}")).single("Which day?", "Saturday", "Sunday")
            .create();
        WebClient resident = city.signedIn("Late");
        String page = resident.get(poll.page()).body();
        assertThat(page).contains("Comments are not being taken here now.").doesNotContain("action=\"/comments\"");
        HttpResponse<String> refused = comment(resident, poll, "Sunday!");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(stored(poll)).isZero();
    }
}
