package org.baraza.budgeting.ballots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baraza.participation.testing.WebClient.pair;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baraza.IntegrationTest;
import org.baraza.participation.testing.Electorate;
import org.baraza.participation.testing.WebClient;
import org.baraza.platform.OrganizationId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The claims of docs/ballot-secrecy.md ("Budget ballots"), checked on the real schema and real ballots: the
 * box has no column that could name a voter or a time, nothing in a dump joins the roll to the box, and
 * replacing a ballot leaves exactly one, under a new receipt, with the old one gone.
 */
@IntegrationTest
class BudgetBallotSecrecyIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BudgetBallotMixing mixing;

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
    void noColumnOfTheBallotBoxCanNameAVoterOrATime() {
        Map<String, Set<String>> allowed = Map.of(
            "budget_ballot", Set.of("id", "organization_id", "edition_id", "receipt_hash", "mixed"),
            "budget_ballot_heading", Set.of("ballot_id", "organization_id", "edition_id", "heading_id", "choices", "points"),
            "budget_ballot_choice", Set.of("ballot_id", "organization_id", "edition_id", "heading_id", "project_id", "points", "rank"));
        allowed.forEach((table, columns) -> {
            List<String> actual = jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_name = :t")
                .param("t", table).query(String.class).list();
            assertThat(actual).as(table).containsExactlyInAnyOrderElementsOf(columns);
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM information_schema.columns WHERE table_name = :t
                    AND (data_type LIKE 'timestamp%' OR data_type = 'date' OR column_default LIKE 'nextval%')""")
                .param("t", table).query(Long.class).single()).as("%s: no time, no sequence", table).isZero();
        });
    }

    @Test
    void aDatabaseDumpCannotJoinTheRollToTheBox() {
        BudgetEditions.Made edition = editions.in(demoCity).approval(2).create();
        for (int i = 0; i < 12; i++) {
            WebClient client = signIn(electorate.verified(demoCity, i % 2 == 0 ? "northgate" : "market"));
            assertThat(client.submit(edition.ballot(), edition.ballot(), List.of(pair("project",
                edition.project(i % 3 == 0 ? "library" : "trees")))).statusCode()).isEqualTo(200);
        }

        assertThat(jdbc.sql("""
                SELECT count(*) FROM budget_voter_roll r JOIN budget_ballot b
                  ON b.receipt_hash = r.change_key OR b.id::text = r.account_id::text
                WHERE r.edition_id = :e""").param("e", edition.id()).query(Long.class).single())
            .as("no value of a roll entry is found in the box").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM budget_voter_roll WHERE edition_id = :e AND change_key IS NOT NULL")
            .param("e", edition.id()).query(Long.class).single()).as("every online voter holds a change key").isEqualTo(12);
        assertThat(jdbc.sql("SELECT count(DISTINCT substr(id::text, 15, 1)) FROM budget_ballot WHERE edition_id = :e")
            .param("e", edition.id()).query(Long.class).single()).as("ballot keys are random (version 4) UUIDs").isEqualTo(1);
        assertThat(jdbc.sql("SELECT min(substr(id::text, 15, 1)) FROM budget_ballot WHERE edition_id = :e")
            .param("e", edition.id()).query(String.class).single()).isEqualTo("4");
        // the roll says who voted and how; it has no column that points into the box
        assertThat(jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_name = 'budget_voter_roll'")
            .query(String.class).list()).doesNotContain("ballot_id", "receipt_hash");
    }

    @Test
    void replacingLeavesExactlyOneBallotUnderANewReceiptAndTheOldOneGone() {
        BudgetEditions.Made edition = editions.in(demoCity).approval(2).create();
        Electorate.Resident resident = electorate.verified(demoCity, "northgate");
        WebClient client = signIn(resident);
        String first = OnlineBudgetBallotIT.receipt(client.submit(edition.ballot(), edition.ballot(),
            List.of(pair("project", edition.project("library")))));
        byte[] firstKey = changeKey(edition, resident);

        String second = OnlineBudgetBallotIT.receipt(client.submit(edition.change(), edition.change(),
            List.of(pair("receipt", first), pair("project", edition.project("trees")))));

        assertThat(editions.ballots(edition)).isEqualTo(1);
        assertThat(holds(edition, first)).isZero();
        assertThat(holds(edition, second)).isEqualTo(1);
        assertThat(changeKey(edition, resident)).isNotEqualTo(firstKey)
            .isEqualTo(BudgetReceipt.typed(second).changeKey(edition.id(), resident.accountId()));
        assertThat(firstKey).isEqualTo(BudgetReceipt.typed(first).changeKey(edition.id(), resident.accountId()));
    }

    @Test
    void mixingBreaksTheTransactionLinkAndSealingRewritesBoxAndRollOnceVotingHasClosed() {
        BudgetEditions.Made open = editions.in(demoCity).approval(2).create();
        for (int i = 0; i < 4; i++) {
            WebClient client = signIn(electorate.verified(demoCity, "market"));
            assertThat(client.submit(open.ballot(), open.ballot(), List.of(pair("project", open.project("trees")))).statusCode())
                .isEqualTo(200);
        }
        mixing.mix(open.id());
        assertThat(sharedXmin(open)).as("no ballot shares a transaction with a roll entry once mixed").isZero();
        assertThat(editions.ballots(open)).isEqualTo(4);
        assertThat(editions.headingChoices(open)).as("choices move with their ballot")
            .containsOnly(List.of(open.projects().get("trees"))).hasSize(4);
        assertThat(editions.headingsOutOfStepWithChoices(open)).isZero();

        BudgetEditions.Made closed = editions.in(demoCity).approval(2).voting(BudgetEditions.Voting.CLOSED).create();
        for (int i = 0; i < 5; i++) {
            Electorate.Resident voter = electorate.verified(demoCity, "market");
            jdbc.sql("""
                    INSERT INTO budget_voter_roll (organization_id, edition_id, account_id, channel, voted_on)
                    VALUES (:org, :e, :a, 'ONLINE', current_date)""")
                .param("org", demoCity.value()).param("e", closed.id()).param("a", voter.accountId()).update();
            jdbc.sql("INSERT INTO budget_ballot (organization_id, edition_id, receipt_hash) VALUES (:org, :e, :h)")
                .param("org", demoCity.value()).param("e", closed.id()).param("h", BudgetReceipt.issue().ballotHash(closed.id())).update();
        }
        assertThat(mixing.seal(closed.id())).isEqualTo(5);

        assertThat(jdbc.sql("SELECT count(DISTINCT xmin::text) FROM budget_ballot WHERE edition_id = :e").param("e", closed.id())
            .query(Long.class).single()).as("one transaction for the whole box").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(DISTINCT xmin::text) FROM budget_voter_roll WHERE edition_id = :e").param("e", closed.id())
            .query(Long.class).single()).as("one transaction for the whole roll").isEqualTo(1);
        assertThat(editions.ballots(closed)).isEqualTo(5);
        assertThat(editions.roll(closed)).isEqualTo(5);
        assertThat(jdbc.sql("SELECT count(*) FROM budget_ballot_seal WHERE edition_id = :e").param("e", closed.id())
            .query(Long.class).single()).isEqualTo(1);
    }

    private long sharedXmin(BudgetEditions.Made edition) {
        return jdbc.sql("""
                SELECT count(*) FROM budget_ballot b WHERE b.edition_id = :e
                AND b.xmin::text IN (SELECT r.xmin::text FROM budget_voter_roll r WHERE r.edition_id = :e)""")
            .param("e", edition.id()).query(Long.class).single();
    }

    private byte[] changeKey(BudgetEditions.Made edition, Electorate.Resident resident) {
        return jdbc.sql("SELECT change_key FROM budget_voter_roll WHERE edition_id = :e AND account_id = :a")
            .param("e", edition.id()).param("a", resident.accountId()).query(byte[].class).single();
    }

    private long holds(BudgetEditions.Made edition, String code) {
        return jdbc.sql("SELECT count(*) FROM budget_ballot WHERE edition_id = :e AND receipt_hash = :h")
            .param("e", edition.id()).param("h", BudgetReceipt.typed(code).ballotHash(edition.id())).query(Long.class).single();
    }

    WebClient signIn(Electorate.Resident resident) {
        WebClient client = WebClient.demoCity(port);
        client.signIn(resident.login(), Electorate.PASSWORD);
        return client;
    }
}
