package org.baraza.budgeting.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.baraza.IntegrationTest;
import org.baraza.browser.Accessibility;
import org.baraza.browser.Browser;
import org.baraza.browser.PageWeight;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The results pages in a real Chromium: the admin previews and publishes, residents read the results in English
 * and in Arabic (right to left), and the import page with its error summary; axe-core finds no WCAG 2.x A/AA
 * violation on any of them and each weighs at most 60 KB.
 */
@IntegrationTest
class BudgetResultsBrowserIT {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void start(@LocalServerPort int port) {
        browser = Browser.start(port);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theResultsPagesAreAccessibleAndLight() {
        BudgetTestData data = new BudgetTestData(jdbc);
        long edition = data.edition(data.process(true), "APPROVAL", 3, "mes-add1");
        long heading = data.heading(edition, "City-wide", "100");
        long a = data.project(edition, heading, "Shaded benches", "50", -1.2833, 36.8167);
        long b = data.project(edition, heading, "Bike racks", "50", -1.2900, 36.8200);
        long c = data.project(edition, heading, "Youth football pitch", "50", -1.3000, 36.8000);
        data.project(edition, heading, "Fountain repair", "10", null, null);
        data.ballots(edition, heading, 6, List.of(a, b));
        data.ballots(edition, heading, 4, List.of(c));
        Accessibility axe = new Accessibility(browser);
        List<String> tooHeavy = new ArrayList<>();

        browser.signIn("admin@demo.city", "demo-password-2026");
        check(axe, tooHeavy, "/admin/budgets/" + edition + "/results");
        browser.click(By.xpath("//main//button[contains(., 'Publish these results')]"));
        assertThat(browser.text()).contains("The results are published.");
        axe.check("results published");
        check(axe, tooHeavy, "/admin/budgets/import");
        browser.submit();
        assertThat(browser.text()).contains("Nothing was imported", "Choose a .pb file.");
        axe.check("import with errors");
        browser.signOut();

        check(axe, tooHeavy, "/budgets/" + edition + "/results");
        assertThat(browser.text()).contains("6 residents supported it. Each started with an equal share of 13.");
        check(axe, tooHeavy, "/budgets/" + edition + "/results?lang=ar");
        assertThat(browser.htmlAttribute("dir")).isEqualTo("rtl");
        check(axe, tooHeavy, "/budgets/" + edition + "/results?lang=en");
        // the demo's 2026 budget (2,000 ballots, a city-wide and district headings), published at start-up
        Long demo = jdbc.sql("""
                SELECT id FROM budget_edition WHERE title = 'Participatory budget 2026' AND results_published_at IS NOT NULL
                ORDER BY id LIMIT 1""").query(Long.class).optional().orElse(null);
        assertThat(demo).as("the demo's 2026 results, published at start-up").isNotNull();
        check(axe, tooHeavy, "/budgets/" + demo + "/results");
        assertThat(browser.text()).contains("Some ballots were imported from a file");
        assertThat(browser.text()).contains("Funded projects", "Compared with counting votes only");

        axe.assertNone();
        assertThat(tooHeavy).isEmpty();
    }

    private static void check(Accessibility axe, List<String> tooHeavy, String path) {
        browser.open(path);
        assertThat(browser.status()).as(path).isEqualTo(200);
        PageWeight weight = PageWeight.of(browser);
        if (!weight.withinLimit()) {
            tooHeavy.add(path + ": " + weight);
        }
        axe.check(path);
    }
}
