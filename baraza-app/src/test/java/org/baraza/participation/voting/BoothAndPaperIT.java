package org.baraza.participation.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baraza.participation.testing.WebClient.pair;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
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

/** The officer's booth and paper sheets: the same voter roll as online, audited, and nothing of the ballot in the audit. */
@IntegrationTest
class BoothAndPaperIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.baraza.participation.consultations.ConsultationCatalogue catalogue;

    Electorate electorate;
    Polls polls;
    OrganizationId demoCity;
    Electorate.Resident officerAccount;
    WebClient officer;

    @BeforeEach
    void setUp() {
        electorate = new Electorate(jdbc);
        polls = new Polls(jdbc, catalogue::forget);
        demoCity = electorate.demoCity();
        officerAccount = electorate.unverified(demoCity);
        electorate.grant(officerAccount, "OFFICER");
        officer = WebClient.demoCity(port);
        officer.signIn(officerAccount.login(), Electorate.PASSWORD);
    }

    @Test
    void anOfficerFindsAPersonAndLetsThemVoteOnTheBoothDevice() {
        Polls.Poll poll = polls.open(demoCity).single("Which market day?", "Saturday", "Sunday").create();
        Electorate.Resident resident = electorate.verified(demoCity, "market");
        String booth = "/officer/booth/" + poll.id().value();

        assertThat(officer.get("/officer/booth").body()).contains(booth);
        HttpResponse<String> found = officer.submit(booth + "?booth=Market%20Hall", booth + "/find",
            List.of(pair("booth", "Market Hall"), pair("login", resident.login().toUpperCase())));
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("v***@t***.example", "Vote on this device").doesNotContain(resident.login());

        HttpResponse<String> form = officer.submit(booth, booth + "/ballot-form", List.of(pair("booth", "Market Hall"),
            pair("account", Long.toString(resident.accountId()))));
        assertThat(form.body()).contains("Hand the device to", "name=\"" + poll.question(0).field() + "\"");
        HttpResponse<String> cast = officer.submit(booth, booth + "/ballot", List.of(pair("booth", "Market Hall"),
            pair("account", Long.toString(resident.accountId())), pair(poll.question(0).field(), poll.question(0).answer(1))));

        assertThat(cast.statusCode()).isEqualTo(200);
        assertThat(cast.body()).contains("Now hand the device back to the officer.");
        Map<String, Object> roll = jdbc.sql("SELECT channel, booth, officer_account_id FROM voter_roll WHERE consultation_id = :c")
            .param("c", poll.id().value()).query().singleRow();
        assertThat(roll).containsEntry("channel", "BOOTH").containsEntry("booth", "Market Hall")
            .containsEntry("officer_account_id", officerAccount.accountId());
        String details = jdbc.sql("SELECT details FROM audit_entry WHERE action = 'consultation.voter.marked' AND target = :t")
            .param("t", "consultation:" + poll.id().value()).query(String.class).single();
        assertThat(details).isEqualTo("{\"account\":\"" + resident.accountId() + "\",\"channel\":\"BOOTH\"}");

        WebClient online = WebClient.demoCity(port);
        online.signIn(resident.login(), Electorate.PASSWORD);
        HttpResponse<String> again = online.submit(poll.page(), poll.ballot(), List.of(pair(poll.question(0).field(),
            poll.question(0).answer(0))));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(count("ballot", poll)).isEqualTo(1);
    }

    @Test
    void aPersonMarkedForPaperCannotVoteAnyOtherWay() {
        Polls.Poll poll = polls.open(demoCity).yesNo("Plant trees on Main Street?").create();
        Electorate.Resident resident = electorate.verified(demoCity, "hillcrest");
        String booth = "/officer/booth/" + poll.id().value();

        HttpResponse<String> marked = officer.submit(booth, booth + "/paper", List.of(pair("booth", "School"),
            pair("account", Long.toString(resident.accountId()))));
        assertThat(marked.statusCode()).isEqualTo(200);
        assertThat(marked.body()).contains("Give the person a paper ballot.");
        HttpResponse<String> twice = officer.submit(booth, booth + "/paper", List.of(pair("booth", "School"),
            pair("account", Long.toString(resident.accountId()))));
        assertThat(twice.statusCode()).isEqualTo(409);

        WebClient online = WebClient.demoCity(port);
        online.signIn(resident.login(), Electorate.PASSWORD);
        assertThat(online.get(poll.page()).body()).contains("Has voted on paper at a booth.");
        assertThat(online.submit(poll.page(), poll.ballot(), List.of(pair(poll.question(0).field(), poll.question(0).answer(0))))
            .statusCode()).isEqualTo(409);
        assertThat(count("voter_roll", poll)).isEqualTo(1);
        assertThat(count("ballot", poll)).isZero();
    }

    @Test
    void theBoothRefusesWhatItShould() {
        Polls.Poll poll = polls.open(demoCity).yesNo("Question").create();
        String booth = "/officer/booth/" + poll.id().value();
        Electorate.Resident unverified = electorate.unverified(demoCity);

        HttpResponse<String> nobody = officer.submit(booth, booth + "/find", List.of(pair("booth", "Hall"),
            pair("login", "nobody-here@test.example")));
        assertThat(nobody.statusCode()).isEqualTo(404);
        assertThat(nobody.body()).contains("No account of this city has this login.");
        HttpResponse<String> noDocument = officer.submit(booth, booth + "/find", List.of(pair("booth", "Hall"),
            pair("document", "X1234567")));
        assertThat(noDocument.statusCode()).isEqualTo(404);
        assertThat(noDocument.body()).contains("No account has been verified with this document.").doesNotContain("X1234567");
        assertThat(officer.submit(booth, booth + "/find", List.of(pair("booth", ""), pair("login", ""))).statusCode())
            .isEqualTo(400);
        HttpResponse<String> notVerified = officer.submit(booth, booth + "/ballot", List.of(pair("booth", "Hall"),
            pair("account", Long.toString(unverified.accountId())), pair(poll.question(0).field(), poll.question(0).answer(0))));
        assertThat(notVerified.statusCode()).isEqualTo(403);

        WebClient resident = WebClient.demoCity(port);
        resident.signIn(electorate.verified(demoCity, "market").login(), Electorate.PASSWORD);
        assertThat(resident.get(booth).statusCode()).isEqualTo(403);
        assertThat(count("voter_roll", poll)).isZero();
    }

    @Test
    void paperSheetsAreEnteredAfterClosingAndMustAddUp() {
        Polls.Poll poll = polls.open(demoCity).single("Which bus line?", "Line 1", "Line 2").create();
        Polls.Q question = poll.question(0);
        String sheet = "/officer/paper/" + poll.id().value();
        List<WebClient.Field> good = List.of(pair("booth", "Library"), pair("ballots", "3"), pair("nullBallots", "1"),
            pair(question.field() + "a" + question.answers().get(0), "1"), pair(question.field() + "a" + question.answers().get(1), "1"),
            pair(question.field() + "blank", "0"));

        assertThat(officer.get(sheet).statusCode()).isEqualTo(409);
        polls.pastClosingDate(poll.id());
        List<WebClient.Field> bad = List.of(pair("booth", "Library"), pair("ballots", "3"), pair("nullBallots", "0"),
            pair(question.field() + "a" + question.answers().get(0), "1"));
        HttpResponse<String> refused = officer.submit(sheet, sheet, bad);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("These counts do not add up");
        assertThat(count("paper_tally", poll)).isZero();

        assertThat(officer.submit(sheet, sheet, good).statusCode()).isEqualTo(302);
        assertThat(officer.submit(sheet, sheet, good).statusCode()).as("a recount replaces the sheet").isEqualTo(302);

        assertThat(count("paper_tally", poll)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE target = :t ORDER BY id").param("t", "consultation:" + poll.id().value())
            .query(String.class).list()).containsExactly("consultation.paper.entered", "consultation.paper.replaced");
        assertThat(WebClient.demoCity(port).get(poll.page() + "/results").body()).contains("3 on paper of which 1 null, from 1 booths");
    }

    private long count(String table, Polls.Poll poll) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE consultation_id = :c").param("c", poll.id().value())
            .query(Long.class).single();
    }
}
