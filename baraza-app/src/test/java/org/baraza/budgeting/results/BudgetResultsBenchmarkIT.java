package org.baraza.budgeting.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.baraza.IntegrationTest;
import org.baraza.participation.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark of bench/budget-results/RESULTS.md: one heading with 400,000 ballots (50 projects, one to five
 * approvals each, skewed popularity), inserted with generate_series; then the results computed on demand (the
 * edition's rule, Equal Shares with add1, and plain greedy beside it) and the pages fetched over HTTP. Opt-in
 * ({@code -Dbaraza.bench.budgetResults=true}, see bench/budget-results/run.sh): it takes a minute.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "baraza.bench.budgetResults", matches = "true")
class BudgetResultsBenchmarkIT {

    static final int BALLOTS = Integer.getInteger("baraza.bench.ballots", 400_000);
    static final int PROJECTS = 50;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EditionReader editions;

    @Autowired
    BallotBoxReader box;

    @Autowired
    ComputeResults results;

    @Test
    void resultsOf400000BallotsOnDemand() {
        BudgetTestData data = new BudgetTestData(jdbc);
        long edition = data.edition(data.process(true), "APPROVAL", 5, "mes-add1");
        long heading = data.heading(edition, "City-wide", "10000000");
        for (int i = 0; i < PROJECTS; i++) {
            // costs from 60,000 to 1,040,000: about 15 projects fit the budget
            data.project(edition, heading, "Project " + (i + 1), Integer.toString(60_000 + (i * 7919) % 50 * 20_000),
                -1.28 + (i % 7) * 0.01, 36.8 + (i / 7) * 0.01);
        }
        long insertStarted = System.nanoTime();
        long o = data.city().value();
        jdbc.sql("""
                INSERT INTO budget_ballot (id, organization_id, edition_id, mixed)
                SELECT gen_random_uuid(), :o, :e, true FROM generate_series(1, :n)""")
            .param("o", o).param("e", edition).param("n", BALLOTS).update();
        jdbc.sql("""
                INSERT INTO budget_ballot_heading (ballot_id, organization_id, edition_id, heading_id)
                SELECT id, :o, :e, :h FROM budget_ballot WHERE edition_id = :e""")
            .param("o", o).param("e", edition).param("h", heading).update();
        jdbc.sql("""
                INSERT INTO budget_ballot_choice (ballot_id, organization_id, edition_id, heading_id, project_id)
                SELECT b.id, :o, :e, :h, p.id
                FROM budget_ballot b
                CROSS JOIN LATERAL (
                    SELECT DISTINCT floor(:projects * power(random(), 2))::int AS idx
                    FROM generate_series(1, 1 + (abs(hashtext(b.id::text)) % 5)) AS k
                    WHERE b.id IS NOT NULL) AS chosen
                JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS idx FROM budget_project WHERE edition_id = :e) AS p
                  ON p.idx = chosen.idx
                WHERE b.edition_id = :e""")
            .param("o", o).param("e", edition).param("h", heading).param("projects", PROJECTS).update();
        jdbc.sql("ANALYZE budget_ballot_heading").update();
        jdbc.sql("ANALYZE budget_ballot_choice").update();
        long insertMillis = (System.nanoTime() - insertStarted) / 1_000_000;
        long choices = jdbc.sql("SELECT count(*) FROM budget_ballot_choice WHERE edition_id = :e").param("e", edition)
            .query(Long.class).single();

        Edition found = editions.edition(data.city(), edition).orElseThrow();
        Heading h = editions.headings(data.city(), edition).get(0);
        List<Long> read = new ArrayList<>();
        List<Long> sql = new ArrayList<>();
        List<Long> rule = new ArrayList<>();
        List<Long> explain = new ArrayList<>();
        List<Long> computeGreedy = new ArrayList<>();
        List<Long> computeMes = new ArrayList<>();
        HeadingResult result = null;
        for (int run = 0; run < 5; run++) {
            long started = System.nanoTime();
            HeadingElection election = box.read(found, h, BallotProject::engineId, Map.of());
            read.add((System.nanoTime() - started) / 1_000_000);
            started = System.nanoTime();
            org.baraza.pb.Rules.named("mes-add1").apply(election.election(), org.baraza.pb.TieBreak.named(found.tieBreak()), List.of());
            rule.add((System.nanoTime() - started) / 1_000_000);
            started = System.nanoTime();
            org.baraza.pb.Explanations.explain("mes-add1", election.election(), org.baraza.pb.TieBreak.named(found.tieBreak()),
                List.of());
            explain.add((System.nanoTime() - started) / 1_000_000);
            // the grouping alone, in the server: nothing crosses the connection but one count (EXPLAIN ANALYZE's
            // per-row timing would double it)
            started = System.nanoTime();
            jdbc.sql("""
                    SELECT count(*) FROM (SELECT choices, count(*) AS voters FROM budget_ballot_heading
                                          WHERE organization_id = :o AND edition_id = :e AND heading_id = :h
                                          GROUP BY choices) AS distinct_ballots""")
                .param("o", o).param("e", edition).param("h", heading).query(Long.class).single();
            sql.add((System.nanoTime() - started) / 1_000_000);
            started = System.nanoTime();
            result = results.computeHeading(found, h);
            computeMes.add((System.nanoTime() - started) / 1_000_000);
            Edition greedy = new Edition(found.id(), found.organization(), found.process(), found.title(), found.ballotKind(),
                found.maxProjects(), found.pointsPerVoter(), "greedy", found.tieBreak(), null, found.createdAt());
            started = System.nanoTime();
            results.computeHeading(greedy, h);
            computeGreedy.add((System.nanoTime() - started) / 1_000_000);
        }
        assertThat(result.ballots()).isEqualTo(BALLOTS);

        WebClient admin = WebClient.demoCity(port);
        admin.signIn("admin@demo.city", "demo-password-2026");
        String page = "/admin/budgets/" + edition + "/results";
        List<Long> preview = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            long started = System.nanoTime();
            HttpResponse<String> response = admin.get(page);
            preview.add((System.nanoTime() - started) / 1_000_000);
            assertThat(response.statusCode()).isEqualTo(200);
        }
        assertThat(admin.submit(page, page + "/publish", List.of()).statusCode()).isEqualTo(302);
        WebClient visitor = WebClient.demoCity(port);
        List<Long> publicPage = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            long started = System.nanoTime();
            HttpResponse<String> response = visitor.get("/budgets/" + edition + "/results");
            publicPage.add((System.nanoTime() - started) / 1_000_000);
            assertThat(response.statusCode()).isEqualTo(200);
        }
        long started = System.nanoTime();
        assertThat(visitor.get("/api/v1/budgets/" + edition + "/results").statusCode()).isEqualTo(200);
        long api = (System.nanoTime() - started) / 1_000_000;

        long distinct = jdbc.sql("SELECT count(*) FROM (SELECT DISTINCT choices FROM budget_ballot_heading WHERE edition_id = :e) d")
            .param("e", edition).query(Long.class).single();
        System.out.println("BENCH budget-results ballots=" + BALLOTS + " choices=" + choices + " distinct=" + distinct + " projects=" + PROJECTS
            + " winners=" + result.winners().size() + " insertMs=" + insertMillis);
        System.out.println("BENCH read box into election ms (5 runs): " + read + " median " + median(read));
        System.out.println("BENCH of which: SQL grouping of the box in the server ms: " + sql + " median "
            + median(sql));
        System.out.println("BENCH engine mes-add1 rule alone ms: " + rule + " median " + median(rule));
        System.out.println("BENCH engine mes-add1 explanation (rule + replay of payments) ms: " + explain + " median "
            + median(explain));
        System.out.println("BENCH compute heading mes-add1 + greedy comparison ms (5 runs): " + computeMes + " median "
            + median(computeMes));
        System.out.println("BENCH compute heading greedy (+ greedy comparison) ms (5 runs): " + computeGreedy + " median "
            + median(computeGreedy));
        System.out.println("BENCH HTTP admin preview (computes every time) ms (3 runs): " + preview + " median " + median(preview));
        System.out.println("BENCH HTTP public page after publication ms (5 runs, cached after publication): " + publicPage
            + " median " + median(publicPage));
        System.out.println("BENCH HTTP JSON API ms: " + api);
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
