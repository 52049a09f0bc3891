package org.baraza.budgeting.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.baraza.IntegrationTest;
import org.baraza.participation.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Demo City's two participatory budgets: there once, with balloting open in 2027's and every phase past in 2026's. */
@IntegrationTest
class DemoBudgetsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoBudgets demo;

    private long edition(String title) {
        return jdbc.sql("""
                SELECT e.id FROM budget_edition e JOIN organization o ON o.id = e.organization_id
                WHERE o.slug = 'demo-city' AND e.title = :title""").param("title", title).query(Long.class).single();
    }

    @Test
    void demoCityHasTheTwoEditionsOnceWithTheirProjects() {
        ApplicationArguments none = new DefaultApplicationArguments();
        long started = System.nanoTime();
        demo.run(none);
        assertThat((System.nanoTime() - started) / 1_000_000).as("a second run, which finds both").isLessThan(1000);
        long current = edition("Participatory budget 2027");
        long past = edition("Participatory budget 2026");
        for (long edition : new long[] {current, past}) {
            assertThat(jdbc.sql("SELECT count(*) FROM budget_heading WHERE edition_id = :e").param("e", edition)
                .query(Long.class).single()).isEqualTo(7);
            assertThat(jdbc.sql("SELECT count(*) FROM budget_project WHERE edition_id = :e AND feasibility = 'FEASIBLE'")
                .param("e", edition).query(Long.class).single()).isGreaterThanOrEqualTo(20);
            assertThat(jdbc.sql("SELECT count(*) FROM budget_project WHERE edition_id = :e AND feasibility = 'UNFEASIBLE'")
                .param("e", edition).query(Long.class).single()).isBetween(2L, 6L);
            assertThat(jdbc.sql("SELECT count(*) FROM budget_incompatibility WHERE edition_id = :e").param("e", edition)
                .query(Long.class).single()).isEqualTo(1);
            // every project's count of supports is its number of support rows
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM budget_project p WHERE p.edition_id = :e
                    AND p.supports <> (SELECT count(*) FROM budget_project_support s WHERE s.project_id = p.id)""")
                .param("e", edition).query(Long.class).single()).isZero();
        }
        WebClient visitor = WebClient.demoCity(port);
        String page = visitor.get("/budgets/" + current + "?sort=supports").body();
        assertThat(page).contains("Participatory budget 2027", "Now: Balloting", "/budgets/" + current + "/ballot",
            "Protected bike lanes on the ring road");
        assertThat(visitor.get("/budgets/" + past).body()).contains("Participatory budget 2026", "No phase is running now.")
            .doesNotContain("/budgets/" + past + "/ballot");
        assertThat(visitor.get("/budgets").body()).contains("Participatory budget 2027", "You can vote now.");
    }
}
