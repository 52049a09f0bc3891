package org.baraza.participation.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.baraza.IntegrationTest;
import org.baraza.participation.Phase;
import org.baraza.participation.PhaseAction;
import org.baraza.participation.PhaseChanged;
import org.baraza.participation.ProcessId;
import org.baraza.participation.debates.DiscussionCity;
import org.baraza.participation.testing.WebClient;
import org.baraza.platform.Role;
import org.baraza.platform.tenancy.MunicipalityDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class NotificationsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MunicipalityDirectory directory;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;

    DiscussionCity city;

    @BeforeEach
    void city() {
        city = DiscussionCity.create(jdbc, directory, port);
    }

    private long comment(WebClient client, String target, Long parent, String body, String page) {
        Map<String, String> fields = new java.util.HashMap<>(Map.of("target", target, "body", body, "_csrf", client.csrfToken(page)));
        if (parent != null) {
            fields.put("parent", parent.toString());
        }
        HttpResponse<String> posted = client.post("/comments", fields);
        assertThat(posted.statusCode()).isEqualTo(302);
        return Long.parseLong(posted.headers().firstValue("Location").orElseThrow().replaceAll(".*#comment-", ""));
    }

    private long notificationsOf(String login) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE account_id = :id").param("id", city.accountId(login))
            .query(Long.class).single();
    }

    @Test
    void aReplyNotifiesTheAuthorOfTheCommentButNotTheReplier() {
        long debate = city.debate(city.account("Author"), "Bike paths?", false);
        String firstLogin = city.account("First");
        String replierLogin = city.account("Replier");
        WebClient first = city.signedInAs(firstLogin);
        long parent = comment(first, "debate:" + debate, null, "Yes please", "/debates/" + debate);
        comment(city.signedInAs(replierLogin), "debate:" + debate, parent, "Why?", "/debates/" + debate);
        assertThat(notificationsOf(replierLogin)).isZero();
        String page = first.get("/account/notifications").body();
        assertThat(page).contains("Someone replied to your comment.").contains("1 unread").doesNotContain("Replier");
        first.post("/account/notifications/read", Map.of("_csrf", first.csrfToken("/account/notifications")));
        assertThat(first.get("/account/notifications").body()).contains("0 unread");
    }

    @Test
    void followersHearOfCommentsOnTheProposal() {
        long process = city.process("COMMENT");
        String authorLogin = city.account("Proposer");
        long proposal = city.proposal(process, authorLogin);
        String followerLogin = city.account("Follower");
        jdbc.sql("INSERT INTO proposal_follow (organization_id, proposal_id, account_id, followed_at) VALUES (:org, :p, :a, now())")
            .param("org", city.id.value()).param("p", proposal).param("a", city.accountId(followerLogin)).update();
        String commenterLogin = city.account("Commenter");
        comment(city.signedInAs(commenterLogin), "proposal:" + proposal, null, "Nice", "/debates/new");
        assertThat(city.signedInAs(followerLogin).get("/account/notifications").body())
            .contains("New comment on a proposal you follow: A proposal");
        assertThat(notificationsOf(commenterLogin)).isZero();
    }

    @Test
    void theAuthorHearsOfAModeratorsDecision() {
        long debate = city.debate(city.account("Author"), "Potholes", false);
        String writerLogin = city.account("Writer");
        long comment = comment(city.signedInAs(writerLogin), "debate:" + debate, null, "Rude words", "/debates/" + debate);
        WebClient moderator = city.signedIn("Moderator", Role.MODERATOR);
        moderator.post("/moderation/comment/" + comment + "/hide", Map.of("reason", "insults", "_csrf", moderator.csrfToken("/moderation")));
        assertThat(city.signedInAs(writerLogin).get("/account/notifications").body())
            .contains("Moderators hid something you wrote: insults");
    }

    @Test
    void participantsHearOfAPhaseChange() {
        long process = city.process("COMMENT");
        String participantLogin = city.account("Participant");
        long proposal = city.proposal(process, city.account("Proposer"));
        comment(city.signedInAs(participantLogin), "proposal:" + proposal, null, "Count me in", "/debates/new");
        Phase voting = new Phase(1, new ProcessId(process), "Voting", "", LocalDate.now(), LocalDate.now().plusDays(1),
            Instant.now(), Instant.now().plusSeconds(86_400), Set.of(PhaseAction.VOTE));
        transaction.executeWithoutResult(status -> events.publishEvent(new PhaseChanged(city.id, new ProcessId(process), null, voting)));
        assertThat(city.signedInAs(participantLogin).get("/account/notifications").body())
            .contains("A process you took part in entered a new phase: Voting");
    }
}
