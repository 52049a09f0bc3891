package org.baraza.budgeting.ballots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.baraza.IntegrationTest;
import org.baraza.browser.Accessibility;
import org.baraza.browser.Browser;
import org.baraza.browser.PageWeight;
import org.baraza.participation.testing.Electorate;
import org.baraza.platform.OrganizationId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The budget ballot pages in a real Chromium: a resident votes with JavaScript switched off, and every page
 * (ballot forms of each kind, errors, receipt, change, receipts, booth, paper) has no axe-core violation and
 * stays light.
 */
@IntegrationTest
class BudgetBallotPagesBrowserIT {

    static Browser browser;
    static Browser withoutScripts;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void start(@LocalServerPort int port) {
        browser = Browser.start(port);
        withoutScripts = Browser.withoutJavaScript(port);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (withoutScripts != null) {
            withoutScripts.close();
        }
    }

    @Test
    void aResidentCastsAndReplacesABudgetBallotWithJavaScriptSwitchedOff() {
        Electorate electorate = new Electorate(jdbc);
        BudgetEditions editions = new BudgetEditions(jdbc);
        BudgetEditions.Made edition = editions.in(electorate.demoCity()).knapsack(0).create();
        Electorate.Resident resident = electorate.verified(electorate.demoCity(), "northgate");

        withoutScripts.signIn(resident.login(), Electorate.PASSWORD);
        withoutScripts.open(edition.ballot());
        withoutScripts.find(By.id("ballot-project-" + edition.project("library"))).click();
        withoutScripts.find(By.id("ballot-project-" + edition.project("bikes"))).click();
        withoutScripts.find(By.id("ballot-project-" + edition.project("trees"))).click();
        withoutScripts.submit();
        assertThat(withoutScripts.text()).contains("There is a problem", "more than the budget of");
        assertThat(withoutScripts.find(By.id("ballot-project-" + edition.project("bikes"))).isSelected())
            .as("the choices are kept after an error").isTrue();
        withoutScripts.find(By.id("ballot-project-" + edition.project("bikes"))).click();
        withoutScripts.find(By.id("ballot-keep")).click();
        withoutScripts.submit();

        assertThat(withoutScripts.heading()).isEqualTo("Your ballot was cast");
        String receipt = withoutScripts.find(By.cssSelector(".receipt-code code")).getText();
        withoutScripts.open(edition.change());
        assertThat(withoutScripts.find(By.id("ballot-receipt")).getAttribute("value")).as("prefilled from the cookie").isEqualTo(receipt);
        withoutScripts.find(By.id("ballot-project-" + edition.project("playground"))).click();
        withoutScripts.submit();

        assertThat(withoutScripts.heading()).isEqualTo("Your ballot was replaced");
        assertThat(editions.ballots(edition)).isEqualTo(1);
        assertThat(editions.choices(edition)).isEqualTo(1);
    }

    @Test
    void everyBallotPageIsAccessibleAndLight() {
        Electorate electorate = new Electorate(jdbc);
        BudgetEditions editions = new BudgetEditions(jdbc);
        OrganizationId demoCity = electorate.demoCity();
        BudgetEditions.Made approval = editions.in(demoCity).approval(2).create();
        BudgetEditions.Made cumulative = editions.in(demoCity).cumulative(10, 5).oneOfChoice().create();
        BudgetEditions.Made ranked = editions.in(demoCity).ranked(3).create();
        BudgetEditions.Made closed = editions.in(demoCity).approval(2).voting(BudgetEditions.Voting.CLOSED).create();
        Electorate.Resident resident = electorate.verified(demoCity, "northgate");
        Electorate.Resident boothVoter = electorate.verified(demoCity, "market");
        Accessibility axe = new Accessibility(browser);
        List<String> tooHeavy = new ArrayList<>();

        browser.signIn(resident.login(), Electorate.PASSWORD);
        check(axe, tooHeavy, approval.ballot());
        browser.find(By.id("ballot-project-" + approval.project("library"))).click();
        browser.find(By.id("ballot-project-" + approval.project("bikes"))).click();
        browser.find(By.id("ballot-project-" + approval.project("trees"))).click();
        browser.submit();
        assertThat(browser.text()).contains("There is a problem", "choose at most 2 projects");
        axe.check("approval ballot with errors");
        browser.find(By.id("ballot-project-" + approval.project("trees"))).click();
        browser.submit();
        assertThat(browser.heading()).isEqualTo("Your ballot was cast");
        axe.check("receipt");
        check(axe, tooHeavy, approval.ballot());
        assertThat(browser.text()).contains("You have voted online.");
        check(axe, tooHeavy, approval.change());
        browser.fill("receipt", "AAAA-AAAA-AAAA-AAAA-AAAA");
        browser.find(By.id("ballot-project-" + approval.project("trees"))).click();
        browser.submit();
        assertThat(browser.text()).contains("That receipt code is not the one of your current ballot.");
        axe.check("change with a wrong receipt");
        check(axe, tooHeavy, cumulative.ballot());
        browser.fill("points-" + cumulative.project("library"), "7");
        browser.fill("points-" + cumulative.project("bikes"), "6");
        browser.submit();
        assertThat(browser.text()).contains("There is a problem");
        axe.check("cumulative ballot with errors");
        check(axe, tooHeavy, cumulative.ballot() + "?lang=ar");
        assertThat(browser.htmlAttribute("dir")).isEqualTo("rtl");
        check(axe, tooHeavy, ranked.ballot() + "?lang=en");
        browser.choose("rank-" + ranked.project("library"), "2");
        browser.submit();
        axe.check("ranked ballot with errors");
        check(axe, tooHeavy, closed.receipts());
        browser.fill("code", "not a code").submit();
        axe.check("receipt check with an error");

        Electorate.Resident officer = electorate.unverified(demoCity);
        electorate.grant(officer, "OFFICER");
        browser.signOut();
        browser.signIn(officer.login(), Electorate.PASSWORD);
        check(axe, tooHeavy, "/officer/budgets");
        check(axe, tooHeavy, approval.booth() + "?booth=Market%20Hall");
        browser.fill("login", boothVoter.login()).submit();
        assertThat(browser.heading()).isEqualTo("The voter");
        axe.check("booth: the voter");
        browser.click(By.xpath("//main//button[contains(., 'Vote on this device')]"));
        axe.check("booth: the ballot");
        browser.submit();
        axe.check("booth: ballot with errors");
        check(axe, tooHeavy, closed.paper());
        browser.find(By.id("ballot-project-" + closed.project("library"))).click();
        browser.find(By.id("ballot-project-" + closed.project("playground"))).click();
        browser.submit();
        assertThat(browser.text()).contains("There is a problem");
        axe.check("paper sheet with errors");

        assertThat(axe.pagesChecked()).hasSizeGreaterThan(18);
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
