package org.baraza.budgeting.ballots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baraza.participation.testing.WebClient.pair;

import java.net.http.HttpResponse;
import java.util.List;
import org.baraza.IntegrationTest;
import org.baraza.participation.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Who may reach the ballot pages, and unknown editions: always a 4xx or a sign-in redirect, never a 5xx. */
@IntegrationTest
class BallotAccessIT {

    static final String DEMO_PASSWORD = "demo-password-2026";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    WebClient as(String login) {
        WebClient client = WebClient.demoCity(port);
        if (login != null) {
            client.signIn(login, DEMO_PASSWORD);
        }
        return client;
    }

    long demoEdition(String title) {
        return jdbc.sql("SELECT id FROM budget_edition WHERE title = :t ORDER BY id LIMIT 1").param("t", title).query(Long.class).single();
    }

    @Test
    void theDemoResidentSeesTheOpenDemoBallotAndOfficersTheirDesk() {
        long open = demoEdition("Participatory budget 2027");
        long past = demoEdition("Participatory budget 2026");

        HttpResponse<String> ballot = as("resident@demo.city").get("/budgets/" + open + "/ballot");
        assertThat(ballot.statusCode()).isEqualTo(200);
        assertThat(ballot.body()).contains("Your budget ballot", "Participatory budget 2027");
        assertThat(as(null).get("/budgets/" + past + "/receipts").body()).contains("paper sheets entered by officers have no receipt");
        WebClient officer = as("officer@demo.city");
        assertThat(officer.get("/officer/budgets").body()).contains("Participatory budget 2027", "Participatory budget 2026");
        assertThat(officer.get("/officer/budgets/" + open + "/booth").statusCode()).isEqualTo(200);
        assertThat(officer.get("/officer/budgets/" + past + "/paper").body()).contains("2,000 sheets have been entered");
    }

    @Test
    void everyoneElseIsTurnedAwayAndUnknownEditionsAreNotFound() {
        long open = demoEdition("Participatory budget 2027");

        assertThat(as(null).get("/budgets/" + open + "/ballot").statusCode()).isEqualTo(302);
        assertThat(as(null).get("/budgets/" + open + "/ballot/change").statusCode()).isEqualTo(302);
        for (String role : List.of("resident@demo.city", "moderator@demo.city", "staff@demo.city", "valuator@demo.city",
            "admin@demo.city")) {
            WebClient client = as(role);
            assertThat(client.get("/officer/budgets").statusCode()).as(role).isEqualTo(403);
            assertThat(client.get("/officer/budgets/" + open + "/booth").statusCode()).as(role).isEqualTo(403);
            assertThat(client.get("/officer/budgets/" + open + "/paper").statusCode()).as(role).isEqualTo(403);
            assertThat(client.post("/officer/budgets/" + open + "/paper", List.of(pair("_csrf", client.csrfToken("/budgets/" + open
                + "/receipts")))).statusCode()).as(role).isEqualTo(403);
        }
        WebClient officer = as("officer@demo.city");
        for (String path : List.of("/officer/budgets/999999/booth", "/officer/budgets/999999/paper", "/officer/budgets/abc/booth")) {
            assertThat(officer.get(path).statusCode()).as(path).isEqualTo(404);
        }
        WebClient resident = as("resident@demo.city");
        for (String path : List.of("/budgets/999999/ballot", "/budgets/999999/ballot/change", "/budgets/999999/receipts",
            "/budgets/-1/ballot", "/api/v1/budgets/999999/receipts")) {
            assertThat(resident.get(path).statusCode()).as(path).isEqualTo(404);
        }
        String token = resident.csrfToken("/budgets/" + open + "/ballot");
        for (String path : List.of("/budgets/999999/ballot", "/budgets/999999/ballot/change", "/budgets/999999/receipts",
            "/budgets/999999/ballot/forget")) {
            assertThat(resident.post(path, List.of(pair("_csrf", token))).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(officer.post("/officer/budgets/" + open + "/booth/ballot", List.of(pair("_csrf",
            officer.csrfToken("/officer/budgets/" + open + "/booth")), pair("booth", "Hall"), pair("account", "999999999")))
            .statusCode()).isEqualTo(400);
    }
}
