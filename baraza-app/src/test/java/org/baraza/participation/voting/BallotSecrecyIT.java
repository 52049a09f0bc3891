package org.baraza.participation.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baraza.participation.testing.WebClient.pair;

import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.baraza.IntegrationTest;
import org.baraza.participation.consultations.Consultation;
import org.baraza.participation.consultations.ConsultationCatalogue;
import org.baraza.participation.testing.Electorate;
import org.baraza.participation.testing.Polls;
import org.baraza.participation.testing.WebClient;
import org.baraza.platform.Municipality;
import org.baraza.platform.OrganizationId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The claims of docs/ballot-secrecy.md, tested: the ballot box holds nothing that points at a person, nothing
 * an admin can see or download puts a person next to a choice, and mixing breaks the physical links
 * (transaction ids, row order) between the voter roll and the box.
 */
@IntegrationTest
class BallotSecrecyIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CastBallot castBallot;

    @Autowired
    BallotMixing mixing;

    @Autowired
    ConsultationCatalogue catalogue;

    @Autowired
    javax.sql.DataSource dataSource;

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
    void theBallotTablesHaveNoAccountNoTimeAndNoSequence() {
        for (String table : List.of("ballot", "ballot_choice")) {
            List<Map<String, Object>> columns = jdbc.sql("""
                    SELECT column_name, data_type, column_default, is_identity FROM information_schema.columns
                    WHERE table_name = :t""").param("t", table).query().listOfRows();
            assertThat(columns).isNotEmpty();
            for (Map<String, Object> column : columns) {
                String name = (String) column.get("column_name");
                assertThat(name).as(table).doesNotContain("account", "voter", "user", "person", "officer", "booth", "channel",
                    "time", "date", "day", "_at", "_on", "seq", "serial");
                assertThat((String) column.get("data_type")).as(table + "." + name)
                    .doesNotContain("timestamp", "date", "time", "interval");
                assertThat(String.valueOf(column.get("column_default"))).as(table + "." + name).doesNotContain("nextval", "now(");
                assertThat(column.get("is_identity")).as(table + "." + name).isEqualTo("NO");
            }
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM pg_constraint WHERE conrelid = CAST(:t AS regclass) AND contype = 'f'
                    AND confrelid IN ('account'::regclass, 'voter_roll'::regclass, 'audit_entry'::regclass)""")
                .param("t", table).query(Long.class).single()).as(table + " references a person").isZero();
        }
        assertThat(jdbc.sql("SELECT data_type FROM information_schema.columns WHERE table_name = 'ballot' AND column_name = 'id'")
            .query(String.class).single()).isEqualTo("uuid");
        assertThat(jdbc.sql("SELECT count(*) FROM pg_class WHERE relkind = 'S' AND relname LIKE 'ballot%'").query(Long.class).single())
            .isZero();
    }

    @Test
    void nothingAnAdminSeesOrDownloadsPutsAPersonNextToAChoice() {
        Polls.Poll poll = polls.open(demoCity).single("Which park?", "North", "South").create();
        Polls.Q question = poll.question(0);
        List<Electorate.Resident> voters = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Electorate.Resident resident = electorate.verified(demoCity, "northgate");
            voters.add(resident);
            WebClient client = WebClient.demoCity(port);
            client.signIn(resident.login(), Electorate.PASSWORD);
            assertThat(client.submit(poll.page(), poll.ballot(), List.of(pair(question.field(), question.answer(i % 2))))
                .statusCode()).isEqualTo(200);
        }
        polls.pastClosingDate(poll.id());
        Electorate.Resident adminAccount = electorate.unverified(demoCity);
        electorate.grant(adminAccount, "ADMIN");
        WebClient admin = WebClient.demoCity(port);
        admin.signIn(adminAccount.login(), Electorate.PASSWORD);

        List<String> seen = new ArrayList<>();
        for (String path : List.of("/admin/processes/" + poll.process().value() + "/consultations/" + poll.id().value(),
            poll.page(), poll.page() + "/results", poll.page() + "/results.csv", poll.page() + "/receipts",
            "/api/v1/consultations/" + poll.id().value(), "/api/v1/consultations/" + poll.id().value() + "/results",
            "/api/v1/consultations/" + poll.id().value() + "/receipts")) {
            HttpResponse<String> response = admin.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            seen.add(response.body());
        }
        for (Electorate.Resident voter : voters) {
            String displayName = jdbc.sql("SELECT display_name FROM account WHERE id = :id").param("id", voter.accountId())
                .query(String.class).single();
            for (String body : seen) {
                assertThat(body).doesNotContain(voter.login(), displayName, "account=" + voter.accountId(),
                    "\"account\":" + voter.accountId());
            }
        }
        // online votes are not audited at all; nothing of a ballot is ever in the audit trail
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE target = :t AND action LIKE '%voter%'")
            .param("t", "consultation:" + poll.id().value()).query(Long.class).single()).isZero();
        // (scoped to this poll: other modules' entries hold other numbers that may equal an answer's id)
        for (Long answer : question.answers()) {
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM audit_entry
                    WHERE target = :t AND details LIKE :a""")
                .param("t", "consultation:" + poll.id().value()).param("a", "%\"" + answer + "\"%")
                .query(Long.class).single()).isZero();
        }
    }

    @Test
    void mixingBreaksTheTransactionAndOrderLinksBetweenRollAndBox() throws java.sql.SQLException {
        Polls.Poll poll = polls.open(demoCity).single("Which square?", "Market", "Station", "Harbour").create();
        Consultation consultation = catalogue.any(demoCity, poll.id()).orElseThrow();
        Municipality municipality = new Municipality(demoCity, "demo-city", "Demo City", "en", List.of("en"),
            ZoneId.of("Africa/Nairobi"), "#1d5f8a", false);
        List<String> castOrder = new ArrayList<>();
        // the scheduled mixer must not move these ballots before the test has looked at them
        java.sql.Connection holder = dataSource.getConnection();
        holder.createStatement().execute("SELECT pg_advisory_lock(" + 0x4d495845 + ", " + poll.id().value() + ")");
        for (int i = 0; i < 30; i++) {
            Electorate.Resident voter = electorate.verified(demoCity, "market");
            BallotPaper ballot = new BallotPaper(List.of(new BallotPaper.Choice(poll.question(0).id(),
                poll.question(0).answers().get(i % 3), null)));
            CastBallot.Outcome outcome = castBallot.online(municipality, consultation, voter.accountId(), ballot);
            assertThat(outcome).isInstanceOf(CastBallot.Cast.class);
            castOrder.add(java.util.HexFormat.of().formatHex(((CastBallot.Cast) outcome).receipt().hash(poll.id())));
        }
        assertThat(ballotXmins(poll)).as("before mixing, each ballot shares its voter's transaction")
            .isSubsetOf(rollXmins(poll));
        List<Long> before = counts(poll);
        holder.createStatement().execute("SELECT pg_advisory_unlock(" + 0x4d495845 + ", " + poll.id().value() + ")");
        holder.close();

        assertThat(mixing.mix(poll.id().value())).isEqualTo(30);

        assertThat(ballotXmins(poll)).doesNotContainAnyElementsOf(rollXmins(poll));
        assertThat(jdbc.sql("SELECT count(*) FROM ballot WHERE consultation_id = :c AND NOT mixed").param("c", poll.id().value())
            .query(Long.class).single()).isZero();
        assertThat(receiptsInPhysicalOrder(poll)).as("rows no longer lie in the order people voted").isNotEqualTo(castOrder)
            .containsExactlyInAnyOrderElementsOf(castOrder);

        polls.pastClosingDate(poll.id());
        catalogue.published(demoCity, poll.id());
        assertThat(mixing.seal(poll.id().value())).isEqualTo(30);

        assertThat(ballotXmins(poll)).hasSize(1);
        assertThat(rollXmins(poll)).hasSize(1);
        assertThat(receiptsInPhysicalOrder(poll)).isNotEqualTo(castOrder).containsExactlyInAnyOrderElementsOf(castOrder);
        assertThat(counts(poll)).as("mixing changes no count").isEqualTo(before);
        assertThat(jdbc.sql("SELECT sealed_at IS NOT NULL FROM consultation WHERE id = :c").param("c", poll.id().value())
            .query(Boolean.class).single()).isTrue();
    }

    private List<String> ballotXmins(Polls.Poll poll) {
        return jdbc.sql("SELECT DISTINCT xmin::text FROM ballot WHERE consultation_id = :c").param("c", poll.id().value())
            .query(String.class).list();
    }

    private List<String> rollXmins(Polls.Poll poll) {
        return jdbc.sql("SELECT DISTINCT xmin::text FROM voter_roll WHERE consultation_id = :c").param("c", poll.id().value())
            .query(String.class).list();
    }

    private List<String> receiptsInPhysicalOrder(Polls.Poll poll) {
        return jdbc.sql("SELECT encode(receipt_hash, 'hex') FROM ballot WHERE consultation_id = :c ORDER BY ctid")
            .param("c", poll.id().value()).query(String.class).list();
    }

    private List<Long> counts(Polls.Poll poll) {
        return jdbc.sql("SELECT count(*) FROM ballot_choice WHERE consultation_id = :c GROUP BY answer_id ORDER BY answer_id")
            .param("c", poll.id().value()).query(Long.class).list();
    }
}
