package org.baraza.participation.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.baraza.IntegrationTest;
import org.baraza.participation.PhaseChanged;
import org.baraza.participation.ProcessId;
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

/** The processes' JSON API (paginated, problem+json errors, drafts hidden) and the announcement of phase changes. */
@IntegrationTest
@RecordApplicationEvents
class ProcessApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PhaseWatch watch;

    @Autowired
    ApplicationEvents events;

    Polls polls;
    OrganizationId demoCity;

    @BeforeEach
    void setUp() {
        polls = new Polls(jdbc);
        demoCity = new Electorate(jdbc).demoCity();
    }

    @Test
    void processesArePagedAndDraftsAreNotPublished() {
        ProcessId first = polls.votingProcess(demoCity);
        ProcessId second = polls.votingProcess(demoCity);
        long draft = jdbc.sql("""
                INSERT INTO participatory_process (organization_id, title, description, created_at, updated_at)
                VALUES (:org, 'A secret draft', '', now(), now()) RETURNING id""").param("org", demoCity.value()).query(Long.class).single();
        WebClient visitor = WebClient.demoCity(port);

        HttpResponse<String> page = visitor.get("/api/v1/processes?size=1");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(page.body()).contains("\"size\":1", "\"next\":\"/api/v1/processes?page=2&size=1\"", "\"previous\":null",
            "\"id\":" + second.value()).doesNotContain("A secret draft");
        assertThat(visitor.get("/api/v1/processes?page=2&size=1").body()).contains("\"id\":" + first.value(),
            "\"previous\":\"/api/v1/processes?page=1&size=1\"");
        assertThat(visitor.get("/api/v1/processes?page=abc&size=-5").statusCode()).isEqualTo(200);

        HttpResponse<String> hidden = visitor.get("/api/v1/processes/" + draft, "Accept-Language", "fr");
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(visitor.get("/api/v1/processes/not-a-number").statusCode()).isEqualTo(404);
        assertThat(visitor.get("/processes/" + draft).statusCode()).isEqualTo(404);
        assertThat(visitor.get("/api/v1/processes/" + first.value()).body()).contains("\"phases\":[", "\"VOTE\"",
            "\"consultations\":[]");
    }

    @Test
    void aPhaseChangeIsAnnouncedOnce() {
        ProcessId process = polls.process(demoCity, "{SUPPORT}");
        LocalDate today = LocalDate.now(polls.zone(demoCity));
        polls.phase(demoCity, process, "Later", today.plusDays(31), today.plusDays(40), "{VOTE}");

        watch.watch();
        watch.watch();

        assertThat(events.stream(PhaseChanged.class).filter(event -> event.process().equals(process))).singleElement()
            .satisfies(event -> {
                assertThat(event.previous()).isNull();
                assertThat(event.current().title()).isEqualTo("Voting");
                assertThat(event.current().allows(org.baraza.participation.PhaseAction.SUPPORT)).isTrue();
            });
    }
}
