package org.baraza.participation.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.baraza.IntegrationTest;
import org.baraza.participation.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Demo City's "Green streets 2026" process, as the demo seeds it at start-up (the test profile runs the demo). */
@IntegrationTest
class DemoParticipationIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoParticipation demo;

    private long process() {
        return jdbc.sql("""
                SELECT p.id FROM participatory_process p JOIN organization o ON o.id = p.organization_id
                WHERE o.slug = 'demo-city' AND p.title = 'Green streets 2026'""").query(Long.class).single();
    }

    private long count(String sql, long process) {
        return jdbc.sql(sql).param("process", process).query(Long.class).single();
    }

    @Test
    void demoCityHasAPublishedProcessWithProposalsDebatesAndConsultations() {
        long process = process();
        assertThat(count("SELECT count(*) FROM proposal WHERE process_id = :process", process)).isEqualTo(15);
        assertThat(count("SELECT count(*) FROM proposal WHERE process_id = :process AND supports > 0", process)).isGreaterThan(5);
        assertThat(count("SELECT count(*) FROM proposal WHERE process_id = :process AND qualified_at IS NOT NULL", process)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM proposal WHERE process_id = :process AND author_account_id IS NULL", process)).isPositive();
        // supports are rows of real demo accounts, kept in step with the counter
        assertThat(count("""
                SELECT count(*) FROM proposal p WHERE p.process_id = :process
                   AND p.supports <> (SELECT count(*) FROM proposal_support s WHERE s.proposal_id = p.id)""", process)).isZero();
        assertThat(count("SELECT count(*) FROM debate WHERE process_id = :process", process)).isEqualTo(3);
        assertThat(count("""
                SELECT count(*) FROM comment c JOIN debate d ON c.target_type = 'debate' AND c.target_id = d.id
                WHERE d.process_id = :process AND c.parent_id IS NOT NULL""", process)).isGreaterThanOrEqualTo(3);

        WebClient visitor = WebClient.demoCity(port);
        HttpResponse<String> page = visitor.get("/processes/" + process);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Green streets 2026").contains("Proposals and supports");
        assertThat(visitor.get("/processes/" + process + "/proposals").body()).contains("Shade trees along Market Street");
        assertThat(visitor.get("/api/v1/processes/" + process + "/proposals").statusCode()).isEqualTo(200);
    }

    @Test
    void theOpenConsultationTakesVotesAndCommentsAndTheClosedOneShowsItsPaperResults() {
        long process = process();
        long open = count("SELECT id FROM consultation WHERE process_id = :process AND closed_at IS NULL", process);
        long closed = count("SELECT id FROM consultation WHERE process_id = :process AND closed_at IS NOT NULL", process);
        WebClient resident = WebClient.demoCity(port);
        resident.signIn("resident@demo.city", "demo-password-2026");
        String openPage = resident.get("/consultations/" + open).body();
        assertThat(openPage).contains("Where should Green streets start?").contains("Voting is open until")
            .contains("name=\"target\" value=\"consultation:" + open + "\"");

        HttpResponse<String> results = WebClient.demoCity(port).get("/consultations/" + closed + "/results");
        assertThat(results.statusCode()).isEqualTo(200);
        // Market Hall 131 + Northgate Library 80 said yes; 359 paper ballots in all
        assertThat(results.body()).contains("211").contains("359");
        assertThat(count("SELECT count(*) FROM ballot WHERE consultation_id = :process", closed)).isZero();
        assertThat(count("SELECT count(*) FROM voter_roll WHERE consultation_id = :process", closed)).isZero();
    }

    @Test
    void seedingAgainAddsNothing() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM proposal").query(Long.class).single();
        demo.run(null);
        assertThat(jdbc.sql("SELECT count(*) FROM proposal").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM participatory_process WHERE title = 'Green streets 2026'").query(Long.class)
            .single()).isEqualTo(1);
    }
}
