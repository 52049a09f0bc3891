package org.baraza.participation.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baraza.participation.testing.WebClient.pair;

import java.net.http.HttpResponse;
import java.util.List;
import org.baraza.IntegrationTest;
import org.baraza.participation.ConsultationClosed;
import org.baraza.participation.consultations.ConsultationCatalogue;
import org.baraza.participation.testing.Electorate;
import org.baraza.participation.testing.Polls;
import org.baraza.participation.testing.WebClient;
import org.baraza.platform.OrganizationId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Results: nothing before closing; after it, every channel counted, ranked questions by rank and Borda, as HTML, SVG, CSV and JSON. */
@IntegrationTest
@RecordApplicationEvents
class ResultsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConsultationCatalogue catalogue;

    @Autowired
    ApplicationEvents events;

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
    void nothingIsPublishedBeforeTheConsultationCloses() {
        Polls.Poll poll = polls.open(demoCity).yesNo("Open question").create();
        WebClient visitor = WebClient.demoCity(port);

        HttpResponse<String> page = visitor.get(poll.page() + "/results");
        HttpResponse<String> api = visitor.get("/api/v1/consultations/" + poll.id().value() + "/results", "Accept-Language", "es");
        HttpResponse<String> receipts = visitor.get("/api/v1/consultations/" + poll.id().value() + "/receipts");

        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.body()).contains("Results are published when voting closes");
        assertThat(api.statusCode()).isEqualTo(409);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(api.body()).contains("\"status\":409", "Los resultados se publican cuando se cierra la consulta.");
        assertThat(receipts.statusCode()).isEqualTo(409);
        assertThat(visitor.get(poll.page() + "/results.csv").statusCode()).isEqualTo(409);
    }

    @Test
    void theClosingDateIsNoticedOnTheFirstLookAndAnnouncedOnce() {
        Polls.Poll poll = polls.open(demoCity).yesNo("Closing question").create();
        polls.pastClosingDate(poll.id());

        assertThat(catalogue.published(demoCity, poll.id()).orElseThrow().closedAt()).isNotNull();
        catalogue.published(demoCity, poll.id());

        assertThat(events.stream(ConsultationClosed.class).filter(event -> event.consultation().equals(poll.id()))).hasSize(1);
    }

    @Test
    void resultsCountEveryChannelAndRankedQuestionsByRankAndBorda() {
        Polls.Poll poll = polls.open(demoCity).single("Which square?", "Alpha", "Beta")
            .ranked(2, "Rank the lines", "Xray", "Yankee", "Zulu").create();
        Polls.Q single = poll.question(0);
        Polls.Q ranked = poll.question(1);
        // five online voters of Old Town
        String[][] online = {{"0", "0,1"}, {"0", "1,0"}, {"1", "0"}, {"0", "2,0"}, {"", ""}};
        for (String[] ballot : online) {
            WebClient client = WebClient.demoCity(port);
            client.signIn(electorate.verified(demoCity, "old-town").login(), Electorate.PASSWORD);
            assertThat(client.submit(poll.page(), poll.ballot(), fields(single, ranked, ballot[0], ballot[1])).statusCode())
                .isEqualTo(200);
        }
        // one at a booth, from Lakeview; one marked for paper, from Riverside
        Electorate.Resident officerAccount = electorate.unverified(demoCity);
        electorate.grant(officerAccount, "OFFICER");
        WebClient officer = WebClient.demoCity(port);
        officer.signIn(officerAccount.login(), Electorate.PASSWORD);
        String booth = "/officer/booth/" + poll.id().value();
        List<WebClient.Field> boothBallot = new java.util.ArrayList<>(fields(single, ranked, "1", "1,2"));
        boothBallot.add(pair("booth", "Hall"));
        boothBallot.add(pair("account", Long.toString(electorate.verified(demoCity, "lakeview").accountId())));
        assertThat(officer.submit(booth, booth + "/ballot", boothBallot).statusCode()).isEqualTo(200);
        assertThat(officer.submit(booth, booth + "/paper", List.of(pair("booth", "Hall"),
            pair("account", Long.toString(electorate.verified(demoCity, "riverside").accountId())))).statusCode()).isEqualTo(200);
        polls.pastClosingDate(poll.id());
        String sheet = "/officer/paper/" + poll.id().value();
        assertThat(officer.submit(sheet, sheet, List.of(pair("booth", "Hall"), pair("ballots", "1"), pair("nullBallots", "0"),
            pair(single.field() + "a" + single.answers().get(0), "1"), pair(ranked.field() + "a" + ranked.answers().get(0) + "r1", "1")))
            .statusCode()).isEqualTo(302);

        WebClient visitor = WebClient.demoCity(port);
        HttpResponse<String> page = visitor.get(poll.page() + "/results");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("role=\"img\"", "Question 1: votes per answer", "Question 2: Borda points per answer",
            "6 in the box (online and booth), 1 on paper of which 0 null, from 1 booths",
            "The ballot box holds exactly one ballot for each person");
        assertThat(page.body().length()).isLessThan(60_000);

        String csv = visitor.get(poll.page() + "/results.csv").body();
        assertThat(csv).contains(
            "answer,1,Which square?,Alpha,,4,3,1,66.7,",
            "answer,1,Which square?,Beta,,2,2,0,33.3,",
            "blank,1,Which square?,,,1,,,,",
            "rank,2,Rank the lines,Xray,1,3,,,,", "rank,2,Rank the lines,Xray,2,2,,,,",
            "borda,2,Rank the lines,Xray,,5,4,1,50.0,8", "borda,2,Rank the lines,Yankee,,3,3,0,33.3,5",
            "borda,2,Rank the lines,Zulu,,2,2,0,16.7,3",
            "turnout_channel,,,online,,5,,,,", "turnout_channel,,,booth,,1,,,,", "turnout_channel,,,paper,,1,,,,",
            "turnout_district,,,Old Town,,5,,,,", "turnout_district,,,Lakeview,,<5,,,,", "turnout_district,,,Riverside,,<5,,,,",
            "turnout_district,,,Hillcrest,,0,,,,");

        String json = visitor.get("/api/v1/consultations/" + poll.id().value() + "/results").body();
        assertThat(json).contains("\"ballotsInBox\":6", "\"paperBallots\":1", "\"boxMatchesRoll\":true", "\"bordaPoints\":8",
            "\"perRank\":[3,2]", "\"voters\":\"<5\"");
    }

    private static List<WebClient.Field> fields(Polls.Q single, Polls.Q ranked, String choice, String ranking) {
        List<WebClient.Field> fields = new java.util.ArrayList<>();
        if (!choice.isEmpty()) {
            fields.add(pair(single.field(), single.answer(Integer.parseInt(choice))));
        }
        if (!ranking.isEmpty()) {
            String[] order = ranking.split(",");
            for (int rank = 0; rank < order.length; rank++) {
                fields.add(pair(ranked.field() + "a" + ranked.answers().get(Integer.parseInt(order[rank])), Integer.toString(rank + 1)));
            }
        }
        return fields;
    }
}
