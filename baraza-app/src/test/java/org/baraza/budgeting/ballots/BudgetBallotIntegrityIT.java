package org.baraza.budgeting.ballots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baraza.participation.testing.WebClient.pair;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import javax.sql.DataSource;
import org.baraza.IntegrationTest;
import org.baraza.participation.testing.Electorate;
import org.baraza.participation.testing.Race;
import org.baraza.participation.testing.WebClient;
import org.baraza.platform.OrganizationId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "One verified person, one budget ballot" under real concurrency, through HTTP with real sessions and CSRF
 * tokens: the roll's primary key decides between racing casts, the roll's change key between racing
 * replacements, and the box always holds exactly as many ballots as the roll has online and booth voters.
 */
@IntegrationTest
class BudgetBallotIntegrityIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    Electorate electorate;
    BudgetEditions editions;
    OrganizationId demoCity;

    @BeforeEach
    void setUp() {
        electorate = new Electorate(jdbc);
        editions = new BudgetEditions(jdbc);
        demoCity = electorate.demoCity();
    }

    @Test
    void twoHundredConcurrentBallotsOfOneResidentCountOnce() throws Exception {
        BudgetEditions.Made edition = editions.in(demoCity).approval(2).create();
        WebClient client = signIn(electorate.verified(demoCity, "northgate"));
        String token = client.csrfToken(edition.ballot());

        List<HttpResponse<String>> responses = Race.of(200, i -> () -> client.post(edition.ballot(),
            List.of(pair("project", edition.project(i % 2 == 0 ? "library" : "bikes")), pair("_csrf", token))));

        assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.statusCode() != 200).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(409));
        assertThat(editions.ballots(edition)).isEqualTo(1);
        assertThat(editions.roll(edition)).isEqualTo(1);
        assertThat(editions.choices(edition)).isEqualTo(1);
    }

    @Test
    void threeHundredVotersAtOnceAreAllCounted() throws Exception {
        BudgetEditions.Made edition = editions.in(demoCity).approval(2).create();
        List<Electorate.Resident> residents = electorate.verified(demoCity, List.of("northgate", "market", "lakeview"), 300);
        List<WebClient> clients = Race.signedIn(port, residents);
        List<String> tokens = new ArrayList<>();
        for (WebClient client : clients) {
            tokens.add(client.csrfToken(edition.ballot()));
        }

        List<HttpResponse<String>> responses = Race.of(300, i -> () -> clients.get(i).post(edition.ballot(), List.of(
            pair("project", edition.project(i % 3 == 0 ? "library" : "trees")), pair("_csrf", tokens.get(i)))));

        List<String> receipts = receipts(responses);
        assertThat(receipts).as("every voter acknowledged").hasSize(300);
        assertThat(editions.ballots(edition)).isEqualTo(300);
        assertThat(editions.roll(edition)).isEqualTo(300);
        for (String code : receipts) {
            assertThat(jdbc.sql("SELECT count(*) FROM budget_ballot WHERE edition_id = :e AND receipt_hash = :h")
                .param("e", edition.id()).param("h", BudgetReceipt.typed(code).ballotHash(edition.id())).query(Long.class).single())
                .as("receipt %s in the box", code).isEqualTo(1);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM budget_ballot_choice WHERE edition_id = :e AND project_id = :p")
            .param("e", edition.id()).param("p", edition.projects().get("library")).query(Long.class).single()).isEqualTo(100);
        assertThat(jdbc.sql("SELECT count(*) FROM budget_ballot_heading WHERE edition_id = :e AND heading_id = :h")
            .param("e", edition.id()).param("h", edition.headings().get("north")).query(Long.class).single())
            .as("only the northgate residents take part in the northgate heading").isEqualTo(100);
    }

    @Test
    void twoReplacementsWithTheSameReceiptAtOnceLeaveOneBallot() throws Exception {
        BudgetEditions.Made edition = editions.in(demoCity).approval(2).create();
        WebClient client = signIn(electorate.verified(demoCity, "northgate"));
        String receipt = OnlineBudgetBallotIT.receipt(client.submit(edition.ballot(), edition.ballot(),
            List.of(pair("project", edition.project("library")))));
        String token = client.csrfToken(edition.change());

        for (int round = 0; round < 10; round++) {
            String current = receipt;
            List<HttpResponse<String>> responses = Race.of(2, i -> () -> client.post(edition.change(), List.of(
                pair("receipt", current), pair("project", edition.project(i == 0 ? "bikes" : "trees")), pair("_csrf", token))));

            assertThat(responses).extracting(HttpResponse::statusCode).as("round %d", round).containsExactlyInAnyOrder(200, 400);
            assertThat(editions.ballots(edition)).as("round %d", round).isEqualTo(1);
            assertThat(editions.choices(edition)).as("round %d", round).isEqualTo(1);
            receipt = receipts(responses).get(0);
        }
        assertThat(editions.roll(edition)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM budget_ballot WHERE edition_id = :e AND receipt_hash = :h")
            .param("e", edition.id()).param("h", BudgetReceipt.typed(receipt).ballotHash(edition.id())).query(Long.class).single())
            .as("the last receipt is the ballot's").isEqualTo(1);
    }

    @Test
    void boothAndOnlineRacingForTheSamePersonCountOnce() throws Exception {
        BudgetEditions.Made edition = editions.in(demoCity).approval(2).create();
        Electorate.Resident officerAccount = electorate.unverified(demoCity);
        electorate.grant(officerAccount, "OFFICER");
        WebClient officer = signIn(officerAccount);
        String officerToken = officer.csrfToken(edition.booth() + "?booth=Hall");

        for (int round = 0; round < 15; round++) {
            Electorate.Resident resident = electorate.verified(demoCity, "riverside");
            WebClient online = signIn(resident);
            String onlineToken = online.csrfToken(edition.ballot());
            List<HttpResponse<String>> responses = Race.of(2, i -> () -> i == 0
                ? online.post(edition.ballot(), List.of(pair("project", edition.project("library")), pair("_csrf", onlineToken)))
                : officer.post(edition.booth() + "/ballot", List.of(pair("booth", "Hall"),
                    pair("account", Long.toString(resident.accountId())), pair("project", edition.project("bikes")),
                    pair("_csrf", officerToken))));

            assertThat(responses).extracting(HttpResponse::statusCode).as("round %d", round).containsExactlyInAnyOrder(200, 409);
            assertThat(jdbc.sql("SELECT count(*) FROM budget_voter_roll WHERE edition_id = :e AND account_id = :a")
                .param("e", edition.id()).param("a", resident.accountId()).query(Long.class).single()).isEqualTo(1);
        }
        assertThat(editions.ballots(edition)).isEqualTo(15);
        assertThat(editions.roll(edition)).isEqualTo(15);
    }

    @Test
    void aBallotSentWhileAnAdminEndsVotingWaitsAndIsRefusedOnceTheEndIsCommitted() throws Exception {
        BudgetEditions.Made edition = editions.in(demoCity).approval(2).create();
        WebClient resident = signIn(electorate.verified(demoCity, "market"));
        String token = resident.csrfToken(edition.ballot());
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (Connection admin = dataSource.getConnection()) {
            // what ending a phase does (ProcessAdministration): lock the process for update, then move the phase's end
            admin.setAutoCommit(false);
            try (Statement statement = admin.createStatement()) {
                statement.execute("SELECT id FROM participatory_process WHERE id = " + edition.process() + " FOR UPDATE");
                statement.executeUpdate("UPDATE process_phase SET ends_at = now() - interval '1 second', ends_on = current_date"
                    + " WHERE process_id = " + edition.process());
            }
            Future<HttpResponse<String>> ballot = thread.submit(() -> resident.post(edition.ballot(),
                List.of(pair("project", edition.project("library")), pair("_csrf", token))));
            Thread.sleep(1_000);
            assertThat(ballot).as("the ballot waits for the change of phases to finish").isNotDone();
            admin.commit();

            HttpResponse<String> answer = ballot.get(1, TimeUnit.MINUTES);
            assertThat(answer.statusCode()).isEqualTo(409);
            assertThat(answer.body()).contains("Voting in this budget is not open now.");
        } finally {
            thread.shutdownNow();
        }
        assertThat(editions.ballots(edition) + editions.roll(edition)).isZero();
    }

    WebClient signIn(Electorate.Resident resident) {
        WebClient client = WebClient.demoCity(port);
        client.signIn(resident.login(), Electorate.PASSWORD);
        return client;
    }

    static List<String> receipts(List<HttpResponse<String>> responses) {
        List<String> codes = new ArrayList<>();
        for (HttpResponse<String> response : responses) {
            if (response.statusCode() == 200) {
                Matcher matcher = OnlineBudgetBallotIT.RECEIPT.matcher(response.body());
                if (matcher.find()) {
                    codes.add(matcher.group(1));
                }
            }
        }
        return codes;
    }
}
