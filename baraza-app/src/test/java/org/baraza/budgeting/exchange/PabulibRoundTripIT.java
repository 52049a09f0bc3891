package org.baraza.budgeting.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baraza.participation.testing.WebClient.pair;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baraza.IntegrationTest;
import org.baraza.budgeting.results.BallotProject;
import org.baraza.budgeting.results.BudgetTestData;
import org.baraza.budgeting.results.ComputeResults;
import org.baraza.budgeting.results.Edition;
import org.baraza.budgeting.results.EditionReader;
import org.baraza.budgeting.results.Heading;
import org.baraza.budgeting.results.HeadingResult;
import org.baraza.participation.testing.WebClient;
import org.baraza.pb.Ballot;
import org.baraza.pb.Election;
import org.baraza.pb.PabulibReader;
import org.baraza.pb.Project;
import org.baraza.pb.Rules;
import org.baraza.pb.TieBreak;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Real pabulib elections imported through the admin's upload form: the results Baraza computes from its own ballot
 * box equal what the engine computes on the file itself (and, for a greedy city, what the city really funded);
 * the export reads back as the same projects and the same ballots.
 */
@IntegrationTest
class PabulibRoundTripIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EditionReader editions;

    @Autowired
    ComputeResults results;

    BudgetTestData data;
    WebClient admin;

    @BeforeEach
    void setUp() {
        data = new BudgetTestData(jdbc);
        admin = WebClient.demoCity(port);
        admin.signIn("admin@demo.city", "demo-password-2026");
    }

    long importFile(Path file, long process) throws Exception {
        HttpResponse<String> response = admin.upload("/admin/budgets/import", "/admin/budgets/import",
            List.of(pair("process", Long.toString(process))), "file", file.getFileName().toString(), "text/plain",
            Files.readAllBytes(file));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.replaceAll(".*/admin/budgets/(\\d+)/results.*", "$1"));
    }

    @Test
    void swiecieImportedComputesWhatTheEngineComputesOnTheFileAndExportsTheSameBallots() throws Exception {
        Path file = PabulibFiles.file("Poland_Swiecie_2023.pb");
        Election original = PabulibReader.read(file);
        long process = data.emptyProcess();

        long id = importFile(file, process);

        Edition edition = editions.edition(data.city(), id).orElseThrow();
        assertThat(edition.ballotKind()).isEqualTo("APPROVAL");
        assertThat(edition.rule()).as("META rule equalshares/add1").isEqualTo("mes-add1");
        List<Heading> headings = editions.headings(data.city(), id);
        assertThat(headings).hasSize(1);
        assertThat(headings.get(0).budget()).isEqualByComparingTo(original.budget());
        assertThat(jdbc.sql("SELECT count(*) FROM budget_ballot WHERE edition_id = :e AND receipt_hash IS NULL").param("e", id)
            .query(Long.class).single()).isEqualTo(original.ballots().size());
        assertThat(jdbc.sql("SELECT count(*) FROM budget_voter_roll WHERE edition_id = :e").param("e", id)
            .query(Long.class).single()).as("anonymous voters: no roll rows").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'budget.edition.imported' AND target = :t")
            .param("t", "budget_edition:" + id).query(Long.class).single()).isEqualTo(1);

        for (String rule : List.of("mes-add1", "greedy")) {
            for (String tieBreak : List.of("cost-then-votes", "lexicographic")) {
                Edition withRule = new Edition(edition.id(), edition.organization(), edition.process(), edition.title(),
                    edition.ballotKind(), edition.maxProjects(), edition.pointsPerVoter(), rule, tieBreak,
                    edition.resultsPublishedAt(), edition.createdAt());
                HeadingResult result = results.computeHeading(withRule, headings.get(0));
                List<String> computed = result.winners().stream().map(w -> w.project().exchangeId()).toList();
                List<String> engine = Rules.named(rule).apply(original, TieBreak.named(tieBreak), List.of()).selected();
                assertThat(computed).as(rule + " with " + tieBreak).isEqualTo(engine);
                assertThat(result.ballots()).isEqualTo(original.ballots().size());
            }
        }

        HttpResponse<String> export = admin.get("/admin/budgets/" + id + "/export?heading=" + headings.get(0).id());
        assertThat(export.statusCode()).isEqualTo(200);
        Election exported = PabulibReader.read(new StringReader(export.body()), "export.pb");
        assertThat(exported.projects().stream().map(p -> p.id() + "=" + p.cost().stripTrailingZeros()).sorted().toList())
            .isEqualTo(original.projects().stream().map(p -> p.id() + "=" + p.cost().stripTrailingZeros()).sorted().toList());
        assertThat(ballots(exported)).isEqualTo(ballots(original));
        assertThat(exported.budget()).isEqualByComparingTo(original.budget());
        assertThat(exported.meta("vote_type")).isEqualTo("approval");
        assertThat(exported.meta("rule")).isEqualTo("equalshares/add1");
        assertThat(exported.meta("unit")).isEqualTo("Demo City");
        // voter ids drawn afresh for each export: two exports cannot be joined ballot by ballot
        Election again = PabulibReader.read(new StringReader(admin.get("/admin/budgets/" + id + "/export?heading="
            + headings.get(0).id()).body()), "again.pb");
        Set<String> firstIds = new HashSet<>(exported.ballots().stream().map(Ballot::voterId).toList());
        assertThat(again.ballots().stream().map(Ballot::voterId).filter(firstIds::contains).count()).isZero();
        assertThat(export.body()).doesNotContain("voter_id;vote;age").doesNotContain(";sex");
    }

    @Test
    void goclawImportedUnderGreedyFundsWhatWarsawReallyFunded() throws Exception {
        Path file = PabulibFiles.file("Poland_Warszawa_2019_Goclaw.pb");
        Election original = PabulibReader.read(file);
        Set<String> reality = new HashSet<>();
        for (Project project : original.projects()) {
            if ("1".equals(project.attribute("selected"))) {
                reality.add(project.id());
            }
        }
        assertThat(reality).as("the file's selected column").isNotEmpty();

        long id = importFile(file, data.emptyProcess());

        Edition edition = editions.edition(data.city(), id).orElseThrow();
        assertThat(edition.rule()).isEqualTo("greedy");
        Heading heading = editions.headings(data.city(), id).get(0);
        HeadingResult result = results.computeHeading(edition, heading);
        assertThat(result.winners().stream().map(w -> w.project().exchangeId()).toList())
            .isEqualTo(Rules.named("greedy").apply(original, TieBreak.named(edition.tieBreak()), List.of()).selected());
        assertThat(new HashSet<>(result.winners().stream().map(w -> w.project().exchangeId()).toList())).isEqualTo(reality);
        assertThat(result.notFunded()).allSatisfy(n -> assertThat(n.reason()).isIn(HeadingResult.Reason.BUDGET_EXHAUSTED,
            HeadingResult.Reason.NO_SUPPORTERS));
        assertThat(editions.ballotProjects(data.city(), id, heading.id())).extracting(BallotProject::externalId)
            .containsExactlyInAnyOrderElementsOf(original.projects().stream().map(Project::id).toList());
    }

    @Test
    void rankedAndCumulativeBallotsKeepTheirOrderAndPoints() throws Exception {
        for (String name : List.of("Switzerland_Zurich_S5R.pb", "Switzerland_Zurich_D10.pb")) {
            Path file = PabulibFiles.file(name);
            Election original = PabulibReader.read(file);

            long id = importFile(file, data.emptyProcess());

            Edition edition = editions.edition(data.city(), id).orElseThrow();
            assertThat(edition.ballotKind()).isEqualTo(name.contains("S5R") ? "RANKED" : "CUMULATIVE");
            Heading heading = editions.headings(data.city(), id).get(0);
            HeadingResult result = results.computeHeading(edition, heading);
            assertThat(result.winners().stream().map(w -> w.project().exchangeId()).toList()).as(name)
                .isEqualTo(Rules.named(edition.rule()).apply(original, TieBreak.named(edition.tieBreak()), List.of()).selected());
            Election exported = PabulibReader.read(new StringReader(
                admin.get("/admin/budgets/" + id + "/export?heading=" + heading.id()).body()), "export.pb");
            assertThat(exported.kind()).isEqualTo(original.kind());
            assertThat(asWritten(exported)).as(name + ": ballots in order, with points").isEqualTo(asWritten(original));
        }
    }

    /** Ballots as a multiset of (projects in the voter's order, points): order and points matter here. */
    static Map<String, Long> asWritten(Election election) {
        Map<String, Long> counts = new java.util.HashMap<>();
        for (Ballot ballot : election.ballots()) {
            List<String> cells = new ArrayList<>();
            for (String project : ballot.projects()) {
                long points = ballot.pointsFor(project);
                if (points > 0) {
                    cells.add(project + (election.kind().hasPoints() ? ":" + points : ""));
                }
            }
            if (!election.kind().equals(org.baraza.pb.BallotKind.ORDINAL)) {
                cells.sort(null);
            }
            counts.merge(String.join(",", cells), 1L, Long::sum);
        }
        return counts;
    }

    /** Ballots as a multiset of sorted project lists (voter ids and order set aside). */
    static Map<List<String>, Long> ballots(Election election) {
        Map<List<String>, Long> counts = new java.util.HashMap<>();
        for (Ballot ballot : election.ballots()) {
            List<String> projects = new ArrayList<>(ballot.projects());
            projects.sort(null);
            counts.merge(projects, 1L, Long::sum);
        }
        return counts;
    }
}
