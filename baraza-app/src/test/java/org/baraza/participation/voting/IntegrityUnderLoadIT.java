package org.baraza.participation.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baraza.participation.testing.WebClient.pair;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baraza.IntegrationTest;
import org.baraza.participation.ConsultationId;
import org.baraza.participation.testing.Electorate;
import org.baraza.participation.testing.Polls;
import org.baraza.participation.testing.Race;
import org.baraza.participation.testing.WebClient;
import org.baraza.platform.OrganizationId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "One verified person, one ballot" under real concurrency, through HTTP with real sessions and CSRF tokens:
 * requests race on the same Tomcat, the same connection pool and the same PostgreSQL as in production.
 */
@IntegrationTest
class IntegrityUnderLoadIT {

    static final Pattern RECEIPT = Pattern.compile("<code>([0-9A-Z]{4}(?:-[0-9A-Z]{4}){4})</code>");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Electorate electorate;
    Polls polls;
    OrganizationId demoCity;

    @BeforeEach
    void setUp() {
        electorate = new Electorate(jdbc);
        polls = new Polls(jdbc);
        demoCity = electorate.demoCity();
    }

    @Test
    void twoHundredConcurrentBallotsOfOneResidentCountOnce() throws Exception {
        Polls.Poll poll = polls.open(demoCity).single("Which square?", "Market", "Station").create();
        Electorate.Resident resident = electorate.verified(demoCity, "market");
        WebClient client = WebClient.demoCity(port);
        client.signIn(resident.login(), Electorate.PASSWORD);
        String token = client.csrfToken(poll.page());

        List<HttpResponse<String>> responses = Race.of(200, i -> () -> client.post(poll.ballot(),
            List.of(pair(poll.question(0).field(), poll.question(0).answer(i % 2)), pair("_csrf", token))));

        assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.statusCode() != 200).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(409));
        assertThat(count("ballot", poll.id())).isEqualTo(1);
        assertThat(count("voter_roll", poll.id())).isEqualTo(1);
        assertThat(count("ballot_choice", poll.id())).isEqualTo(1);
    }

    @Test
    void threeHundredVotersAtOnceLoseNothing() throws Exception {
        Polls.Poll poll = polls.open(demoCity).single("Which square?", "Market", "Station", "Harbour")
            .ranked(2, "Rank the buses", "Line 1", "Line 2", "Line 3").create();
        List<Electorate.Resident> residents = electorate.verified(demoCity, List.of("old-town", "market", "lakeview"), 300);
        List<WebClient> clients = Race.signedIn(port, residents);
        List<String> tokens = new ArrayList<>();
        for (WebClient client : clients) {
            tokens.add(client.csrfToken(poll.page()));
        }
        Polls.Q square = poll.question(0);
        Polls.Q buses = poll.question(1);

        List<HttpResponse<String>> responses = Race.of(300, i -> () -> clients.get(i).post(poll.ballot(), List.of(
            pair(square.field(), square.answer(i % 3)),
            pair(buses.field() + "a" + buses.answers().get(i % 3), "1"),
            pair(buses.field() + "a" + buses.answers().get((i + 1) % 3), "2"),
            pair("_csrf", tokens.get(i)))));

        List<String> receipts = receipts(responses);
        assertThat(receipts).as("every voter acknowledged").hasSize(300);
        assertThat(count("ballot", poll.id())).isEqualTo(300);
        assertThat(count("voter_roll", poll.id())).isEqualTo(300);
        for (String code : receipts) {
            assertThat(holds(poll.id(), code)).as("receipt %s in the box", code).isTrue();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM ballot_choice WHERE consultation_id = :c AND question_id = :q AND answer_id = :a")
            .param("c", poll.id().value()).param("q", square.id()).param("a", square.answers().get(0)).query(Long.class).single())
            .isEqualTo(100);
    }

    @Test
    void boothAndOnlineRacingForTheSamePersonCountOnce() throws Exception {
        Polls.Poll poll = polls.open(demoCity).yesNo("A new bridge?").create();
        Electorate.Resident officerAccount = electorate.unverified(demoCity);
        electorate.grant(officerAccount, "OFFICER");
        WebClient officer = WebClient.demoCity(port);
        officer.signIn(officerAccount.login(), Electorate.PASSWORD);
        String officerToken = officer.csrfToken("/officer/booth/" + poll.id().value() + "?booth=Hall");
        Polls.Q question = poll.question(0);

        for (int round = 0; round < 15; round++) {
            Electorate.Resident resident = electorate.verified(demoCity, "riverside");
            WebClient online = WebClient.demoCity(port);
            online.signIn(resident.login(), Electorate.PASSWORD);
            String onlineToken = online.csrfToken(poll.page());
            List<HttpResponse<String>> responses = Race.of(2, i -> () -> i == 0
                ? online.post(poll.ballot(), List.of(pair(question.field(), question.answer(0)), pair("_csrf", onlineToken)))
                : officer.post("/officer/booth/" + poll.id().value() + "/ballot", List.of(pair("booth", "Hall"),
                    pair("account", Long.toString(resident.accountId())), pair(question.field(), question.answer(1)),
                    pair("_csrf", officerToken))));

            assertThat(responses).extracting(HttpResponse::statusCode).as("round %d", round).containsExactlyInAnyOrder(200, 409);
            assertThat(jdbc.sql("SELECT count(*) FROM voter_roll WHERE consultation_id = :c AND account_id = :a")
                .param("c", poll.id().value()).param("a", resident.accountId()).query(Long.class).single()).isEqualTo(1);
        }
        assertThat(count("ballot", poll.id())).isEqualTo(15);
        assertThat(count("voter_roll", poll.id())).isEqualTo(15);
    }

    static List<String> receipts(List<HttpResponse<String>> responses) {
        List<String> codes = new ArrayList<>();
        for (HttpResponse<String> response : responses) {
            if (response.statusCode() == 200) {
                Matcher matcher = RECEIPT.matcher(response.body());
                if (matcher.find()) {
                    codes.add(matcher.group(1));
                }
            }
        }
        return codes;
    }

    boolean holds(ConsultationId consultation, String code) {
        return jdbc.sql("SELECT count(*) FROM ballot WHERE consultation_id = :c AND receipt_hash = :h")
            .param("c", consultation.value()).param("h", new Receipt(code).hash(consultation)).query(Long.class).single() == 1;
    }

    long count(String table, ConsultationId consultation) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE consultation_id = :c").param("c", consultation.value())
            .query(Long.class).single();
    }

    static Map<Integer, Long> statuses(List<HttpResponse<String>> responses) {
        return responses.stream().collect(java.util.stream.Collectors.groupingBy(HttpResponse::statusCode,
            java.util.stream.Collectors.counting()));
    }
}
