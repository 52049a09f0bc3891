package org.baraza.participation.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baraza.participation.testing.WebClient.pair;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baraza.IntegrationTest;
import org.baraza.participation.testing.Electorate;
import org.baraza.participation.testing.Polls;
import org.baraza.participation.testing.WebClient;
import org.baraza.platform.OrganizationId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A resident votes online through the real pages: one ballot, a receipt shown once, and bad ballots refused with nothing stored. */
@IntegrationTest
class OnlineVotingIT {

    private static final Pattern RECEIPT = Pattern.compile("<code>([0-9A-Z]{4}(?:-[0-9A-Z]{4}){4})</code>");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.baraza.participation.consultations.ConsultationCatalogue catalogue;

    Electorate electorate;
    Polls polls;
    OrganizationId demoCity;

    @BeforeEach
    void setUp() {
        electorate = new Electorate(jdbc);
        polls = new Polls(jdbc, catalogue::forget);
        demoCity = electorate.demoCity();
    }

    @Test
    void verifiedResidentCastsOneBallotAndGetsAReceiptShownOnce() {
        Polls.Poll poll = polls.open(demoCity).single("Which park first?", "North park", "River park").create();
        WebClient resident = signedIn(electorate.verified(demoCity, "riverside"));

        HttpResponse<String> page = resident.get(poll.page());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("North park", "name=\"" + poll.question(0).field() + "\"");

        HttpResponse<String> cast = vote(resident, poll, pair(poll.question(0).field(), poll.question(0).answer(1)));
        assertThat(cast.statusCode()).isEqualTo(200);
        assertThat(cast.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        Matcher receipt = RECEIPT.matcher(cast.body());
        assertThat(receipt.find()).as("receipt code on the page").isTrue();
        // shown once at an address that only takes the ballot: no language links back to it, no account menu
        assertThat(cast.body()).contains("href=\"" + poll.page() + "\"")
            .doesNotContain("/ballot?lang=", "class=\"language-menu\"", "action=\"/logout\"");

        assertThat(ballots(poll)).isEqualTo(1);
        assertThat(votersOnRoll(poll)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT answer_id FROM ballot_choice WHERE consultation_id = :c").param("c", poll.id().value())
            .query(Long.class).single()).isEqualTo(poll.question(0).answers().get(1));
        // the code is kept nowhere: not in the session, not with the ballot (only its hash)
        assertThat(sessionsContain(receipt.group(1))).isFalse();
        assertThat(resident.get(poll.page()).body()).doesNotContain(receipt.group(1)).contains("You have voted online");
    }

    @Test
    void aReplayedBallotIsRefusedAndNothingMoreIsStored() {
        Polls.Poll poll = polls.open(demoCity).yesNo("Close the old market street to cars?").create();
        WebClient resident = signedIn(electorate.verified(demoCity, "market"));
        String token = resident.csrfToken(poll.page());
        List<WebClient.Field> form = List.of(pair(poll.question(0).field(), poll.question(0).answer(0)), pair("_csrf", token));

        assertThat(resident.post(poll.ballot(), form).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = resident.post(poll.ballot(), form);

        assertThat(replay.statusCode()).isEqualTo(409);
        assertThat(replay.body()).contains("has already voted in this consultation");
        assertThat(ballots(poll)).isEqualTo(1);
        assertThat(votersOnRoll(poll)).isEqualTo(1);
    }

    @Test
    void aBallotWithoutCsrfTokenIsRefusedAndNothingIsStored() {
        Polls.Poll poll = polls.open(demoCity).yesNo("More benches?").create();
        WebClient resident = signedIn(electorate.verified(demoCity, "market"));

        HttpResponse<String> response = resident.post(poll.ballot(), List.of(pair(poll.question(0).field(), poll.question(0).answer(0))));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(ballots(poll)).isZero();
        assertThat(votersOnRoll(poll)).isZero();
    }

    @Test
    void badBallotsAreRefusedWithATranslatedMessageAndNothingIsStored() {
        Polls.Poll poll = polls.open(demoCity)
            .single("Which park?", "North", "South")
            .multiple(2, "Which services?", "Water", "Lights", "Benches")
            .ranked(2, "Rank the projects", "Library", "Clinic", "School")
            .create();
        Polls.Poll other = polls.open(demoCity).single("Another poll", "Yes please", "No thanks").create();
        Polls.Q single = poll.question(0);
        Polls.Q multiple = poll.question(1);
        Polls.Q ranked = poll.question(2);
        WebClient resident = signedIn(electorate.verified(demoCity, "northgate"));

        record Case(String what, List<WebClient.Field> fields, String message) {
        }
        List<Case> cases = List.of(
            new Case("an answer of another poll", List.of(pair(single.field(), other.question(0).answer(0))),
                "Choose among this question’s own answers."),
            new Case("a question of another poll", List.of(pair(other.question(0).field(), other.question(0).answer(0))),
                "not in this consultation"),
            new Case("too many choices", List.of(pair(multiple.field(), multiple.answer(0)), pair(multiple.field(), multiple.answer(1)),
                pair(multiple.field(), multiple.answer(2))), "Choose at most 2 answers."),
            new Case("two answers to a single-choice question", List.of(pair(single.field(), single.answer(0)),
                pair(single.field(), single.answer(1))), "Choose at most 1 answers."),
            new Case("the same rank twice", List.of(pair(ranked.field() + "a" + ranked.answers().get(0), "1"),
                pair(ranked.field() + "a" + ranked.answers().get(1), "1")), "Give each rank to only one answer."),
            new Case("a gap in the ranks", List.of(pair(ranked.field() + "a" + ranked.answers().get(0), "2")),
                "Ranks start at 1 and follow each other"),
            new Case("a rank beyond k", List.of(pair(ranked.field() + "a" + ranked.answers().get(0), "3")), "Use ranks from 1 to 2."),
            new Case("letters for an answer", List.of(pair(single.field(), "1 OR 1=1")), "Choose among this question’s own answers."),
            new Case("script for an answer", List.of(pair(single.field(), "<script>alert(1)</script>")),
                "Choose among this question’s own answers."),
            new Case("a huge number", List.of(pair(single.field(), "99999999999999999999999")), "Choose among this question’s own answers."),
            new Case("a malformed field name", List.of(pair("q1;DROP TABLE ballot", "1")), "not in this consultation"));

        for (Case bad : cases) {
            HttpResponse<String> response = resident.submit(poll.page(), poll.ballot(), bad.fields());
            assertThat(response.statusCode()).as(bad.what()).isEqualTo(400);
            assertThat(response.body()).as(bad.what()).contains("There is a problem").contains(bad.message())
                .doesNotContain("<script>alert(1)</script>");
        }
        assertThat(ballots(poll)).isZero();
        assertThat(votersOnRoll(poll)).isZero();
        assertThat(resident.submit(poll.page(), poll.ballot(), List.of(pair(single.field(), single.answer(0)))).statusCode())
            .as("a good ballot after the bad ones").isEqualTo(200);
    }

    @Test
    void aMessageIsInTheResidentsLanguage() {
        Polls.Poll poll = polls.open(demoCity).multiple(1, "Quel parc ?", "Nord", "Sud").create();
        WebClient resident = signedIn(electorate.verified(demoCity, "northgate"));
        resident.get(poll.page() + "?lang=fr");

        HttpResponse<String> response = resident.submit(poll.page(), poll.ballot(), List.of(pair(poll.question(0).field(),
            poll.question(0).answer(0)), pair(poll.question(0).field(), poll.question(0).answer(1))));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Il y a un problème", "Choisissez au plus 1 réponses.");
    }

    @Test
    void votesForAClosedOrNotYetOpenPollAreRefused() {
        Polls.Poll closed = polls.open(demoCity).yesNo("Closed question").create();
        polls.pastClosingDate(closed.id());
        Polls.Poll upcoming = polls.open(demoCity).opens(java.time.Instant.now().plusSeconds(3600)).yesNo("Later question").create();
        WebClient resident = signedIn(electorate.verified(demoCity, "hillcrest"));

        HttpResponse<String> late = resident.submit(closed.page(), closed.ballot(), List.of(pair(closed.question(0).field(),
            closed.question(0).answer(0))));
        HttpResponse<String> early = resident.submit(upcoming.page(), upcoming.ballot(), List.of(pair(upcoming.question(0).field(),
            upcoming.question(0).answer(0))));

        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("Voting in this consultation has closed.");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("Voting has not opened yet.");
        assertThat(ballots(closed) + ballots(upcoming)).isZero();
    }

    @Test
    void noBallotIsTakenWhileTheProcessIsNotInAVotingPhase() {
        Polls.Poll poll = polls.in(demoCity, polls.process(demoCity, "{COMMENT}")).yesNo("Asked too early?").create();
        WebClient resident = signedIn(electorate.verified(demoCity, "market"));

        assertThat(resident.get(poll.page()).body()).contains("The process is not in a voting phase now");
        HttpResponse<String> refused = resident.submit(poll.page(), poll.ballot(), List.of(pair(poll.question(0).field(),
            poll.question(0).answer(0))));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("The process is not in a voting phase now, so ballots are not accepted.");
        assertThat(ballots(poll)).isZero();
        assertThat(votersOnRoll(poll)).isZero();
    }

    @Test
    void onlyEligibleResidentsMayVote() {
        Polls.Poll poll = polls.open(demoCity).district("lakeview").minimumAge(18).yesNo("A lakeside path?").create();
        WebClient unverified = signedIn(electorate.unverified(demoCity));
        WebClient elsewhere = signedIn(electorate.verified(demoCity, "old-town"));
        WebClient young = signedIn(electorate.verified(demoCity, "lakeview", java.time.LocalDate.now().minusYears(17)));
        WebClient eligible = signedIn(electorate.verified(demoCity, "lakeview"));
        List<WebClient.Field> yes = List.of(pair(poll.question(0).field(), poll.question(0).answer(0)));

        assertThat(unverified.submit(poll.page(), poll.ballot(), yes).statusCode()).isEqualTo(403);
        assertThat(elsewhere.submit(poll.page(), poll.ballot(), yes).statusCode()).isEqualTo(403);
        HttpResponse<String> tooYoung = young.submit(poll.page(), poll.ballot(), yes);
        assertThat(tooYoung.statusCode()).isEqualTo(403);
        assertThat(tooYoung.body()).contains("minimum age");
        assertThat(eligible.submit(poll.page(), poll.ballot(), yes).statusCode()).isEqualTo(200);
        assertThat(ballots(poll)).isEqualTo(1);
    }

    @Test
    void aPollOfAnotherMunicipalityCannotBeSeenOrVotedInFromThisOne() {
        OrganizationId hilltown = electorate.hilltown();
        jdbc.sql("INSERT INTO organization_host (host, organization_id) VALUES ('127.0.0.3', :org) ON CONFLICT DO NOTHING")
            .param("org", hilltown.value()).update();
        Polls.Poll demoPoll = polls.open(demoCity).yesNo("Demo City only").create();
        Electorate.Resident hilltownResident = electorate.verified(hilltown, "centre");
        WebClient atHilltown = new WebClient("127.0.0.3", port);
        atHilltown.signIn(hilltownResident.login(), Electorate.PASSWORD);

        assertThat(atHilltown.get(demoPoll.page()).statusCode()).isEqualTo(404);
        assertThat(atHilltown.get("/api/v1/consultations/" + demoPoll.id().value()).statusCode()).isEqualTo(404);
        String token = atHilltown.csrfToken("/processes");
        HttpResponse<String> vote = atHilltown.post(demoPoll.ballot(), List.of(pair(demoPoll.question(0).field(),
            demoPoll.question(0).answer(0)), pair("_csrf", token)));

        assertThat(vote.statusCode()).isEqualTo(404);
        assertThat(ballots(demoPoll)).isZero();
    }

    private WebClient signedIn(Electorate.Resident resident) {
        WebClient client = WebClient.demoCity(port);
        if (!resident.organization().equals(demoCity)) {
            throw new IllegalArgumentException("a Demo City resident");
        }
        client.signIn(resident.login(), Electorate.PASSWORD);
        return client;
    }

    private static HttpResponse<String> vote(WebClient client, Polls.Poll poll, WebClient.Field... fields) {
        return client.submit(poll.page(), poll.ballot(), List.of(fields));
    }

    private long ballots(Polls.Poll poll) {
        return jdbc.sql("SELECT count(*) FROM ballot WHERE consultation_id = :c").param("c", poll.id().value()).query(Long.class).single();
    }

    private long votersOnRoll(Polls.Poll poll) {
        return jdbc.sql("SELECT count(*) FROM voter_roll WHERE consultation_id = :c").param("c", poll.id().value())
            .query(Long.class).single();
    }

    private boolean sessionsContain(String text) {
        return jdbc.sql("SELECT count(*) FROM spring_session_attributes WHERE position(convert_to(:t, 'UTF8') IN attribute_bytes) > 0")
            .param("t", text).query(Long.class).single() > 0;
    }
}
