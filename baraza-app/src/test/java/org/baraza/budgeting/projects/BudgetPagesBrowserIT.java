package org.baraza.budgeting.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.baraza.IntegrationTest;
import org.baraza.browser.Accessibility;
import org.baraza.browser.Browser;
import org.baraza.budgeting.editions.BudgetCity;
import org.baraza.platform.Role;
import org.baraza.platform.tenancy.MunicipalityDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The budgeting pages in Chromium: axe-core finds nothing on any of them (residents', admin's and
 * valuator's, in English and in Arabic, right to left, with and without errors), and without JavaScript a
 * resident proposes a project and supports one.
 */
@IntegrationTest
class BudgetPagesBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MunicipalityDirectory directory;

    BudgetCity city;
    long edition;
    long heading;
    long project;
    String base;

    @BeforeEach
    void city() {
        city = BudgetCity.create(jdbc, directory, port);
        edition = city.edition(city.process("CREATE_PROPOSALS", "SUPPORT"));
        heading = city.heading(edition, "Whole city", null, "1500000");
        city.heading(edition, "North Side", "north", "250000");
        project = city.project(edition, heading, null, "Bike lanes on the ring road", "650000");
        long other = city.project(edition, heading, null, "Cable car", "900000");
        jdbc.sql("UPDATE budget_project SET feasibility = 'UNFEASIBLE', valuation_explanation = 'Far over budget.' WHERE id = :id")
            .param("id", other).update();
        base = "/budgets/" + edition;
    }

    /** Signs in at the test city's own host (Browser.signIn signs in at Demo City's). */
    private void signIn(Browser browser, String login) {
        browser.openAt(city.host, "/login");
        WebElement form = browser.find(By.cssSelector("main form"));
        form.findElement(By.cssSelector("input:not([type=hidden]):not([type=password]):not([type=checkbox]):not([type=submit])"))
            .sendKeys(login);
        form.findElement(By.cssSelector("input[type=password]")).sendKeys(BudgetCity.PASSWORD);
        browser.click(By.cssSelector("main form button[type=submit]"));
        assertThat(URI.create(browser.driver().getCurrentUrl()).getPath()).isNotEqualTo("/login");
    }

    @Test
    void budgetPagesHaveNoAccessibilityViolations() {
        try (Browser browser = Browser.start(port)) {
            Accessibility axe = new Accessibility(browser);
            for (String page : List.of("/budgets", base, base + "?sort=supports&heading=" + heading, base + "/projects/" + project,
                base + "/map", "/budgets?lang=ar", base + "?lang=ar", base + "/map?lang=ar", base + "/projects/" + project + "?lang=ar", base + "?lang=en")) {
                browser.openAt(city.host, page);
                assertThat(browser.status()).as(page).isEqualTo(200);
                axe.check("anonymous " + page);
            }

            signIn(browser, city.verifiedResident());
            browser.openAt(city.host, base + "/projects/new");
            axe.check("the project form");
            browser.submit();
            assertThat(browser.status()).isEqualTo(400);
            assertThat(browser.find(By.cssSelector(".error-summary")).getText()).contains("Fill this in.");
            axe.check("the project form with errors");
            browser.openAt(city.host, base + "/projects/" + project);
            axe.check("a project a resident may support");

            String valuator = city.account(Role.VALUATOR);
            city.assign(project, valuator);
            browser.signOut();
            signIn(browser, valuator);
            for (String page : List.of("/valuation/budgets", "/valuation/budgets/" + project)) {
                browser.openAt(city.host, page);
                assertThat(browser.status()).as(page).isEqualTo(200);
                axe.check("valuator " + page);
            }
            browser.submit();
            assertThat(browser.status()).isEqualTo(400);
            axe.check("the verdict form with errors");

            browser.signOut();
            signIn(browser, city.account(Role.ADMIN));
            for (String page : List.of("/admin/budgets", "/admin/budgets/" + edition, "/admin/budgets/" + edition + "/headings/" + heading,
                "/admin/budgets/" + edition + "/projects", "/admin/budgets/" + edition + "/projects/" + project,
                "/admin/budgets/" + edition + "/projects/new", "/admin/budgets/" + edition + "?lang=ar")) {
                browser.openAt(city.host, page);
                assertThat(browser.status()).as(page).isEqualTo(200);
                axe.check("admin " + page);
            }
            city.process("CREATE_PROPOSALS"); // a published process without a budget: the form offers it
            browser.openAt(city.host, "/admin/budgets?lang=en");
            browser.click(By.cssSelector("main form[action$='/admin/budgets'] button[type=submit]")); // no title
            assertThat(browser.status()).as(browser.text()).isEqualTo(400);
            axe.check("the new edition form with errors");
            axe.assertNone();
        }
    }

    @Test
    void withoutJavaScriptAResidentProposesAndSupports() {
        try (Browser browser = Browser.withoutJavaScript(port)) {
            signIn(browser, city.verifiedResident());
            browser.openAt(city.host, base + "/projects/new");
            browser.fill("title", "Shade trees on Market Street");
            browser.fill("description", "Twenty native trees.");
            browser.choose("heading", Long.toString(heading));
            browser.choose("district", "north");
            browser.fill("latitude", "-0,43");
            browser.fill("longitude", "36,96");
            browser.fill("estimatedCost", "24000");
            browser.submit();
            assertThat(browser.heading()).isEqualTo("Shade trees on Market Street");
            assertThat(browser.text()).contains("Your project is published.", "24,000.00", "latitude -0.43, longitude 36.96");

            browser.openAt(city.host, base + "/projects/" + project);
            browser.click(By.cssSelector("form[action$='/support'] button"));
            assertThat(browser.text()).contains("You support this project.", "Take back my support");
            assertThat(city.count("SELECT supports FROM budget_project WHERE id = ?", project)).isEqualTo(1);

            browser.openAt(city.host, base);
            browser.choose("sort", "supports");
            browser.submit();
            assertThat(browser.currentPath()).contains("sort=supports");
            assertThat(browser.find(By.cssSelector("main ul.proposal-list li h3")).getText()).isEqualTo("Bike lanes on the ring road");
        }
    }
}
