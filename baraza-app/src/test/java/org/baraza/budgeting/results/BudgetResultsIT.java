package org.baraza.budgeting.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.baraza.IntegrationTest;
import org.baraza.participation.testing.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Results: refused while voting is open; once closed, a preview, publication (audited) and the public page, CSV and
 * JSON with plain-words explanations and the comparison with greedy; withdrawal (audited).
 *
 * <p>The election is the textbook case where Equal Shares and greedy differ. Budget 100; A, B and C cost 50 each;
 * six voters approve A and B, four approve C; nobody approves D (cost 10). Greedy funds A and B (six votes each) and
 * leaves the four C voters with nothing. Equal Shares with add1 raises each voter's share from 10 to 13, where the
 * six A voters pay 50/6 each for A and the four C voters 12.50 each for C: A and C, and all ten voters have a funded
 * project they chose.
 */
@IntegrationTest
class BudgetResultsIT {

    static final String PASSWORD = "demo-password-2026";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    BudgetTestData data;

    @BeforeEach
    void setUp() {
        data = new BudgetTestData(jdbc);
    }

    record Textbook(long edition, long heading, long a, long b, long c, long d) {
    }

    Textbook textbook(boolean closed) {
        long edition = data.edition(data.process(closed), "APPROVAL", 3, "mes-add1");
        long heading = data.heading(edition, "City-wide", "100");
        long a = data.project(edition, heading, "Shaded benches", "50", -1.2833, 36.8167);
        long b = data.project(edition, heading, "Bike racks", "50", -1.2900, 36.8200);
        long c = data.project(edition, heading, "Youth football pitch", "50", -1.3000, 36.8000);
        long d = data.project(edition, heading, "Fountain repair", "10", null, null);
        data.ballots(edition, heading, 6, List.of(a, b));
        data.ballots(edition, heading, 4, List.of(c));
        data.votedOnline(edition, "resident@demo.city");
        return new Textbook(edition, heading, a, b, c, d);
    }

    WebClient admin() {
        WebClient admin = WebClient.demoCity(port);
        admin.signIn("admin@demo.city", PASSWORD);
        return admin;
    }

    @Test
    void whileVotingIsOpenNothingIsComputedPublishedOrExported() {
        Textbook t = textbook(false);
        WebClient admin = admin();
        String page = "/admin/budgets/" + t.edition() + "/results";

        HttpResponse<String> preview = admin.get(page);
        HttpResponse<String> publish = admin.submit(page, page + "/publish", List.of());
        HttpResponse<String> export = admin.get("/admin/budgets/" + t.edition() + "/export");

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Voting is open or still to come").doesNotContain("Shaded benches");
        assertThat(publish.statusCode()).isEqualTo(409);
        assertThat(publish.body()).contains("results can be published once it has closed");
        assertThat(export.statusCode()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT results_published_at IS NULL FROM budget_edition WHERE id = :id").param("id", t.edition())
            .query(Boolean.class).single()).isTrue();
        assertThat(data.audited("budget.results.published", t.edition())).isZero();
        WebClient visitor = WebClient.demoCity(port);
        assertThat(visitor.get("/budgets/" + t.edition() + "/results").statusCode()).isEqualTo(404);
        HttpResponse<String> api = visitor.get("/api/v1/budgets/" + t.edition() + "/results", "Accept-Language", "es");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(api.body()).contains("Los resultados de este presupuesto no están publicados.");
    }

    @Test
    void theAdminPreviewsThenPublishesAndResidentsReadWhyEachProjectWonOrLost() {
        Textbook t = textbook(true);
        WebClient admin = admin();
        String page = "/admin/budgets/" + t.edition() + "/results";
        WebClient visitor = WebClient.demoCity(port);
        assertThat(visitor.get("/budgets/" + t.edition() + "/results").statusCode()).as("before publication").isEqualTo(404);

        HttpResponse<String> preview = admin.get(page);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Preview, computed now").contains("Publish these results").contains("Shaded benches");

        HttpResponse<String> published = admin.submit(page, page + "/publish", List.of());
        assertThat(published.statusCode()).isEqualTo(302);
        assertThat(data.audited("budget.results.published", t.edition())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT array_to_string(selected, ',') FROM budget_heading_result WHERE edition_id = :e")
            .param("e", t.edition()).query(String.class).single()).isEqualTo(t.a() + "," + t.c());

        String results = visitor.get("/budgets/" + t.edition() + "/results").body();
        assertThat(results).containsPattern("<h1>Results: Test budget \\d+</h1>");
        // how the rule works, with the share raised by add1 beside the budget divided evenly (10 each)
        assertThat(results).contains("The budget of 100 shared equally between the 10 voters here comes to 10 each.")
            .contains("every share was then raised in equal steps for as long as the projects it funded still fitted"
                + " in the budget: each started with an equal share of 13.");
        // winners in selection order, with what their supporters paid of their equal share
        assertThat(results).containsSubsequence("Shaded benches", "Youth football pitch", "Projects not funded");
        assertThat(results).contains("6 residents supported it. Each started with an equal share of 13. They paid at most 8.33 each.");
        assertThat(results).contains("4 residents supported it. Each started with an equal share of 13. They paid at most 12.50 each.");
        // why the others were not funded
        assertThat(results).contains("The 6 residents who voted for it had 28 left together, less than its cost of 50.");
        assertThat(results).contains("Nobody voted for it.");
        // the comparison with greedy, counted
        assertThat(results).contains("Funded here, but not by counting votes only: Youth football pitch");
        assertThat(results).contains("Funded by counting votes only, but not here: Bike racks");
        assertThat(results).contains("10 voters have at least one project they voted for funded with the Method of Equal Shares. "
            + "By counting votes only, 6 voters would have.");
        // totals, turnout, the map and its text alternative
        assertThat(results).containsSubsequence("Budget", "100", "Spent on funded projects", "100", "Left over", "0");
        assertThat(results).containsSubsequence("Online", "1", "Total", "1");
        assertThat(results).contains("<svg").contains("role=\"img\"").contains("1. Shaded benches, whole city");

        HttpResponse<String> csv = visitor.get("/budgets/" + t.edition() + "/results.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith(BudgetResultsCsv.HEADER)
            .contains("project," + t.heading() + ",City-wide," + t.a() + ",Shaded benches,50.00,6,6,1,1,8.33,0,,1,")
            .contains("project," + t.heading() + ",City-wide," + t.b() + ",Bike racks,50.00,6,6,0,,,,supporters_money_short,1,28.00")
            .contains("voters_satisfied_rule," + t.heading() + ",City-wide,,,,10,")
            .contains("voters_satisfied_greedy," + t.heading() + ",City-wide,,,,6,");

        HttpResponse<String> json = visitor.get("/api/v1/budgets/" + t.edition() + "/results");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"equalSharePerVoter\":13").contains("\"onlyRule\":[" + t.c() + "]")
            .contains("\"onlyGreedy\":[" + t.b() + "]").contains("\"votersWithFundedChoiceUnderRule\":10")
            .contains("\"votersWithFundedChoiceUnderGreedy\":6").contains("\"reason\":\"NO_SUPPORTERS\"");

        HttpResponse<String> french = WebClient.demoCity(port).get("/budgets/" + t.edition() + "/results?lang=fr");
        assertThat(french.body()).contains("6 habitants l’ont soutenu.").contains("Personne n’a voté pour lui.")
            .contains("Le budget de 100 partagé à égalité entre les 10 votants ici donne 10 à chacun.");
    }

    @Test
    void withdrawnResultsDisappearAndTheWithdrawalIsAudited() {
        Textbook t = textbook(true);
        WebClient admin = admin();
        String page = "/admin/budgets/" + t.edition() + "/results";
        admin.submit(page, page + "/publish", List.of());
        assertThat(WebClient.demoCity(port).get("/budgets/" + t.edition() + "/results").statusCode()).isEqualTo(200);

        HttpResponse<String> again = admin.submit(page, page + "/publish", List.of());
        HttpResponse<String> withdrawn = admin.submit(page, page + "/unpublish", List.of());

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(withdrawn.statusCode()).isEqualTo(302);
        assertThat(data.audited("budget.results.unpublished", t.edition())).isEqualTo(1);
        assertThat(WebClient.demoCity(port).get("/budgets/" + t.edition() + "/results").statusCode()).isEqualTo(404);
        assertThat(WebClient.demoCity(port).get("/budgets/" + t.edition() + "/results/ballots").statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM budget_heading_result WHERE edition_id = :e").param("e", t.edition())
            .query(Long.class).single()).isZero();
    }

    @Test
    void incompatibleProjectsNeverWinTogetherAndTheLoserSaysWhy() {
        Textbook t = textbook(true);
        data.incompatible(t.edition(), t.a(), t.c());
        WebClient admin = admin();

        String preview = admin.get("/admin/budgets/" + t.edition() + "/results").body();

        assertThat(preview).contains("It cannot be carried out together with a funded project, so only one of the two could win.");
        String winners = preview.substring(preview.indexOf("Funded projects in City-wide"), preview.indexOf("Map of the projects"));
        assertThat(winners).contains("Shaded benches").contains("Bike racks").doesNotContain("Youth football pitch");
    }

    @Test
    void aHeadingNobodyVotedInFundsNothingAndSaysSo() {
        Textbook t = textbook(true);
        long quiet = data.heading(t.edition(), "Riverside", "500");
        data.project(t.edition(), quiet, "River steps", "100", null, null);
        long empty = data.heading(t.edition(), "Hillside", "500");
        WebClient admin = admin();
        String page = "/admin/budgets/" + t.edition() + "/results";

        HttpResponse<String> published = admin.submit(page, page + "/publish", List.of());

        assertThat(published.statusCode()).isEqualTo(302);
        String results = WebClient.demoCity(port).get("/budgets/" + t.edition() + "/results").body();
        String riverside = results.substring(results.indexOf("id=\"heading-" + quiet + "\""));
        assertThat(riverside).containsSubsequence("No project was funded.", "River steps", "Nobody voted for it.");
        assertThat(results).contains("id=\"heading-" + empty + "\"");
        assertThat(jdbc.sql("SELECT count(*) FROM budget_heading_result WHERE edition_id = :e").param("e", t.edition())
            .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void unknownOrForeignIdsAreNotFoundAndResidentsMayNotPublish() {
        Textbook t = textbook(true);
        WebClient visitor = WebClient.demoCity(port);
        WebClient resident = WebClient.demoCity(port);
        resident.signIn("resident@demo.city", PASSWORD);
        WebClient admin = admin();

        assertThat(visitor.get("/budgets/999999999/results").statusCode()).isEqualTo(404);
        assertThat(visitor.get("/budgets/abc/results").statusCode()).isEqualTo(404);
        assertThat(visitor.get("/api/v1/budgets/-1/results").statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/budgets/999999999/results").statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/budgets/" + t.edition() + "/export?heading=999999999").statusCode()).isEqualTo(404);
        String page = "/budgets/" + t.edition() + "/results";
        HttpResponse<String> refused = resident.post("/admin/budgets/" + t.edition() + "/results/publish",
            List.of(WebClient.pair("_csrf", resident.csrfToken("/account"))));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(visitor.get(page).statusCode()).isEqualTo(404);
    }
}
