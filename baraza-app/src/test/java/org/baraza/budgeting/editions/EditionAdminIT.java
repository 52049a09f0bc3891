package org.baraza.budgeting.editions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baraza.participation.testing.WebClient.pair;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.baraza.IntegrationTest;
import org.baraza.participation.testing.WebClient;
import org.baraza.platform.Role;
import org.baraza.platform.tenancy.MunicipalityDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The admin's work on editions and headings, through HTTP as a browser without JavaScript does it. */
@IntegrationTest
class EditionAdminIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MunicipalityDirectory directory;

    BudgetCity city;
    WebClient admin;

    @BeforeEach
    void city() {
        city = BudgetCity.create(jdbc, directory, port);
        admin = city.client(city.account(Role.ADMIN));
    }

    private HttpResponse<String> create(String process, String title) {
        return admin.submit("/admin/budgets", "/admin/budgets", List.of(pair("process", process), pair("title", title)));
    }

    private long editions() {
        return city.count("SELECT count(*) FROM budget_edition WHERE organization_id = ?", city.id.value());
    }

    @Test
    void adminCreatesAnEditionForAProcessWithoutOneAndItIsAudited() {
        long process = city.process("CREATE_PROPOSALS");
        HttpResponse<String> created = create(Long.toString(process), "Participatory budget 2030");
        assertThat(created.statusCode()).isEqualTo(302);
        long edition = city.count("SELECT id FROM budget_edition WHERE organization_id = ? AND process_id = ?", city.id.value(), process);
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/admin/budgets/" + edition);
        assertThat(city.audited("budget.edition.created")).isEqualTo(1);
        assertThat(admin.get("/admin/budgets/" + edition).body()).contains("Participatory budget 2030", "Approval");
        assertThat(admin.get("/budgets").body()).contains("Participatory budget 2030");
        assertThat(admin.get("/admin/budgets").body()).contains("/admin/processes");
    }

    @Test
    void aSecondEditionForTheSameProcessOrAnUnknownProcessIsRefused() {
        long process = city.process("CREATE_PROPOSALS");
        city.edition(process);
        HttpResponse<String> again = create(Long.toString(process), "Again");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("This process already has a participatory budget.");
        HttpResponse<String> unknown = create("999999999", "Nowhere");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("There is no published process with this number.");
        HttpResponse<String> garbage = create("twelve", "Nowhere");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("Choose one of the published processes.");
        assertThat(editions()).isEqualTo(1);
    }

    @Test
    void concurrentCreationsForOneProcessMakeOneEditionAndNoError() throws Exception {
        long process = city.process("CREATE_PROPOSALS");
        String token = admin.csrfToken("/admin/budgets");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> admin.post("/admin/budgets", List.of(pair("process", Long.toString(process)),
                    pair("title", "Twice"), pair("_csrf", token))).statusCode()));
            }
            int created = 0;
            for (java.util.concurrent.Future<Integer> answer : answers) {
                int status = answer.get();
                assertThat(status).isIn(302, 400);
                created += status == 302 ? 1 : 0;
            }
            assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(editions()).isEqualTo(1);
        assertThat(city.audited("budget.edition.created")).isEqualTo(1);
    }

    @Test
    void aProcessOfAnotherMunicipalityIsUnknownHere() {
        BudgetCity other = BudgetCity.create(jdbc, directory, port);
        long foreign = other.process("CREATE_PROPOSALS");
        HttpResponse<String> refused = create(Long.toString(foreign), "Stolen");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(editions()).isZero();
    }

    @Test
    void settingsAreSavedAndAudited() {
        long edition = city.edition(city.process("CREATE_PROPOSALS"));
        HttpResponse<String> saved = admin.submit("/admin/budgets/" + edition, "/admin/budgets/" + edition, List.of(
            pair("title", "Knapsack budget"), pair("ballotKind", "KNAPSACK"), pair("minSpendPercent", "50"),
            pair("headingChoice", "ONE_OF_CHOICE"), pair("rule", "phragmen"), pair("tieBreak", "lexicographic"),
            pair("minimumAge", "16")));
        assertThat(saved.statusCode()).isEqualTo(302);
        var row = jdbc.sql("SELECT ballot_kind, min_spend_percent, heading_choice, rule, tie_break, minimum_age, title FROM budget_edition WHERE id = :id")
            .param("id", edition).query().singleRow();
        assertThat(row).containsEntry("ballot_kind", "KNAPSACK").containsEntry("heading_choice", "ONE_OF_CHOICE")
            .containsEntry("rule", "phragmen").containsEntry("tie_break", "lexicographic").containsEntry("title", "Knapsack budget");
        assertThat(((Number) row.get("min_spend_percent")).intValue()).isEqualTo(50);
        assertThat(((Number) row.get("minimum_age")).intValue()).isEqualTo(16);
        assertThat(city.audited("budget.edition.settings")).isEqualTo(1);
    }

    @Test
    void badSettingsAreRefusedWithMessagesAndNothingStored() {
        long edition = city.edition(city.process("CREATE_PROPOSALS"));
        HttpResponse<String> refused = admin.submit("/admin/budgets/" + edition, "/admin/budgets/" + edition, List.of(
            pair("title", ""), pair("ballotKind", "CUMULATIVE"), pair("pointsPerVoter", "10"), pair("maxPointsPerProject", "20"),
            pair("headingChoice", "OWN_DISTRICT_AND_CITY"), pair("rule", "dictator"), pair("tieBreak", "cost-then-votes")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("There is a problem", "Fill this in.",
            "A project cannot get more points than a voter has.", "Choose one of the options.");
        assertThat(city.count("SELECT count(*) FROM budget_edition WHERE id = ? AND ballot_kind = 'APPROVAL' AND rule = 'mes-add1'", edition))
            .isEqualTo(1);
        assertThat(city.audited("budget.edition.settings")).isZero();
    }

    private HttpResponse<String> addHeading(long edition, String name, String district, String budget) {
        return admin.submit("/admin/budgets/" + edition, "/admin/budgets/" + edition + "/headings",
            List.of(pair("name", name), pair("district", district), pair("budget", budget)));
    }

    private long headings(long edition) {
        return city.count("SELECT count(*) FROM budget_heading WHERE edition_id = ?", edition);
    }

    @Test
    void headingsAreAddedChangedAndDeletedAndAudited() {
        long edition = city.edition(city.process("CREATE_PROPOSALS"));
        assertThat(addHeading(edition, "Whole city", "", "1500000").statusCode()).isEqualTo(302);
        assertThat(addHeading(edition, "North", "north", "250000.50").statusCode()).isEqualTo(302);
        assertThat(city.count("SELECT count(*) FROM budget_heading WHERE edition_id = ? AND district_code = 'north' AND budget = 250000.50", edition))
            .isEqualTo(1);
        long north = city.count("SELECT id FROM budget_heading WHERE edition_id = ? AND district_code = 'north'", edition);
        HttpResponse<String> changed = admin.submit("/admin/budgets/" + edition + "/headings/" + north,
            "/admin/budgets/" + edition + "/headings/" + north,
            List.of(pair("name", "North Side"), pair("district", "north"), pair("budget", "300000")));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(city.count("SELECT count(*) FROM budget_heading WHERE id = ? AND budget = 300000 AND name = 'North Side'", north)).isEqualTo(1);
        city.project(edition, north, null, "Bench", "1000");
        HttpResponse<String> inUse = admin.submit("/admin/budgets/" + edition + "/headings/" + north,
            "/admin/budgets/" + edition + "/headings/" + north + "/delete", List.of());
        assertThat(inUse.statusCode()).isEqualTo(409);
        assertThat(inUse.body()).contains("This heading has projects");
        long city2 = city.count("SELECT id FROM budget_heading WHERE edition_id = ? AND district_code IS NULL", edition);
        assertThat(admin.submit("/admin/budgets/" + edition + "/headings/" + city2,
            "/admin/budgets/" + edition + "/headings/" + city2 + "/delete", List.of()).statusCode()).isEqualTo(302);
        assertThat(headings(edition)).isEqualTo(1);
        assertThat(city.audited("budget.heading.added")).isEqualTo(2);
        assertThat(city.audited("budget.heading.changed")).isEqualTo(1);
        assertThat(city.audited("budget.heading.deleted")).isEqualTo(1);
    }

    @Test
    void badBudgetsAreRefusedWithTheirReasonAndNothingStored() {
        long edition = city.edition(city.process("CREATE_PROPOSALS"));
        assertThat(addHeading(edition, "Zero", "", "0").body()).contains("The amount must be more than zero.");
        assertThat(addHeading(edition, "Negative", "", "-5").body()).contains("The amount must be more than zero.");
        assertThat(addHeading(edition, "Words", "", "a lot").body()).contains("Enter an amount in figures");
        assertThat(addHeading(edition, "Cents", "", "10.125").body()).contains("Use at most two decimals.");
        assertThat(addHeading(edition, "Absurd", "", "100000000000000").body()).contains("This amount is too large.");
        assertThat(addHeading(edition, "Foreign", "atlantis", "100").body()).contains("Choose one of the options.");
        assertThat(addHeading(edition, "x".repeat(121), "", "100").body()).contains("Use at most 120 characters.");
        HttpResponse<String> refused = addHeading(edition, "Zero", "", "0");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(headings(edition)).isZero();
        assertThat(addHeading(edition, "Just below", "", "99999999999999.99").statusCode()).isEqualTo(302);
        assertThat(addHeading(edition, "just below", "south", "5").body()).contains("Another heading has this name");
        assertThat(headings(edition)).isEqualTo(1);
    }

    @Test
    void scriptInAHeadingNameIsShownAsText() {
        long edition = city.edition(city.process("CREATE_PROPOSALS"));
        addHeading(edition, "<script>alert(1)</script>", "", "100");
        String page = city.client(null).get("/budgets/" + edition).body();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    }

    @Test
    void onceBallotingHasStartedTheRulesAreFrozenAndNothingChanges() {
        long process = city.process(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(3)), "VOTE");
        long edition = city.edition(process);
        long heading = city.heading(edition, "Whole city", null, "1000");
        HttpResponse<String> settings = admin.submit("/admin/budgets/" + edition, "/admin/budgets/" + edition, List.of(
            pair("title", "Budget"), pair("ballotKind", "APPROVAL"), pair("maxProjects", "4"),
            pair("headingChoice", "OWN_DISTRICT_AND_CITY"), pair("rule", "mes-add1"), pair("tieBreak", "cost-then-votes")));
        assertThat(settings.statusCode()).isEqualTo(409);
        assertThat(settings.body()).contains("Voting has started");
        assertThat(city.count("SELECT max_projects FROM budget_edition WHERE id = ?", edition)).isEqualTo(3);
        assertThat(addHeading(edition, "More", "north", "10").statusCode()).isEqualTo(409);
        HttpResponse<String> budget = admin.submit("/admin/budgets/" + edition + "/headings/" + heading,
            "/admin/budgets/" + edition + "/headings/" + heading,
            List.of(pair("name", "Whole city"), pair("district", ""), pair("budget", "5000")));
        assertThat(budget.statusCode()).isEqualTo(409);
        assertThat(city.count("SELECT count(*) FROM budget_heading WHERE id = ? AND budget = 1000", heading)).isEqualTo(1);
        assertThat(headings(edition)).isEqualTo(1);
        assertThat(city.audited("budget.heading.added") + city.audited("budget.heading.changed")
            + city.audited("budget.edition.settings")).isZero();
        // the title decides nothing: it may still change
        HttpResponse<String> renamed = admin.submit("/admin/budgets/" + edition, "/admin/budgets/" + edition, List.of(
            pair("title", "Renamed"), pair("ballotKind", "APPROVAL"), pair("maxProjects", "3"),
            pair("headingChoice", "OWN_DISTRICT_AND_CITY"), pair("rule", "mes-add1"), pair("tieBreak", "cost-then-votes")));
        assertThat(renamed.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/budgets/" + edition).body()).contains("Renamed", "Voting has started");
    }

    @Test
    void ballotsInTheBoxFreezeAnEditionEvenWithoutAVotingPhase() {
        long edition = city.edition(city.process("CREATE_PROPOSALS"));
        long heading = city.heading(edition, "Whole city", null, "1000");
        // an imported edition's ballots: in the box, no voter roll
        jdbc.sql("INSERT INTO budget_ballot (organization_id, edition_id) VALUES (:org, :edition)")
            .param("org", city.id.value()).param("edition", edition).update();
        assertThat(addHeading(edition, "North", "north", "10").statusCode()).isEqualTo(409);
        HttpResponse<String> delete = admin.submit("/admin/budgets/" + edition + "/headings/" + heading,
            "/admin/budgets/" + edition + "/headings/" + heading + "/delete", List.of());
        assertThat(delete.statusCode()).isEqualTo(409);
        assertThat(headings(edition)).isEqualTo(1);
    }

    @Test
    void aVotingPhaseStillToComeDoesNotFreeze() {
        long process = city.process("CREATE_PROPOSALS");
        city.phase(process, Instant.now().plus(Duration.ofDays(5)), Instant.now().plus(Duration.ofDays(9)), "VOTE");
        long edition = city.edition(process);
        assertThat(addHeading(edition, "Whole city", "", "1000").statusCode()).isEqualTo(302);
    }

    @Test
    void residentsAndOtherMunicipalitiesCannotReachTheAdminPages() {
        long edition = city.edition(city.process("CREATE_PROPOSALS"));
        WebClient resident = city.client(city.verifiedResident());
        assertThat(resident.get("/admin/budgets").statusCode()).isEqualTo(403);
        assertThat(resident.get("/admin/budgets/" + edition).statusCode()).isEqualTo(403);
        BudgetCity other = BudgetCity.create(jdbc, directory, port);
        WebClient otherAdmin = other.client(other.account(Role.ADMIN));
        assertThat(otherAdmin.get("/admin/budgets/" + edition).statusCode()).isEqualTo(404);
        assertThat(otherAdmin.get("/admin/budgets/nonsense").statusCode()).isEqualTo(404);
        assertThat(city.client(null).get("/budgets/" + edition + "0").statusCode()).isEqualTo(404);
    }
}
