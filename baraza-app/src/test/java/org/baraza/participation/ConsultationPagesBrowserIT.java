package org.baraza.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.baraza.IntegrationTest;
import org.baraza.browser.Accessibility;
import org.baraza.browser.Browser;
import org.baraza.browser.PageWeight;
import org.baraza.participation.testing.Electorate;
import org.baraza.participation.testing.Polls;
import org.baraza.platform.OrganizationId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every page of processes and consultations in a real Chromium: axe-core finds no WCAG 2.x A/AA violation
 * and each weighs at most 60 KB transferred; and a resident votes with JavaScript switched off.
 */
@IntegrationTest
class ConsultationPagesBrowserIT {

    static Browser browser;
    static Browser withoutScripts;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.baraza.participation.consultations.ConsultationCatalogue catalogue;

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
    void aResidentVotesWithJavaScriptSwitchedOff() {
        Electorate electorate = new Electorate(jdbc);
        Polls.Poll poll = new Polls(jdbc, catalogue::forget).open(electorate.demoCity()).single("Which park?", "North", "South")
            .ranked(2, "Rank", "A", "B", "C").create();
        Electorate.Resident resident = electorate.verified(electorate.demoCity(), "lakeview");

        withoutScripts.signIn(resident.login(), Electorate.PASSWORD);
        withoutScripts.open(poll.page());
        withoutScripts.find(By.id("ballot-" + poll.question(0).field())).click();
        withoutScripts.choose(poll.question(1).field() + "a" + poll.question(1).answers().get(2), "1");
        withoutScripts.submit();

        assertThat(withoutScripts.heading()).isEqualTo("Your ballot was cast");
        assertThat(jdbc.sql("SELECT count(*) FROM ballot WHERE consultation_id = :c").param("c", poll.id().value())
            .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void everyPageIsAccessibleAndLight() {
        Electorate electorate = new Electorate(jdbc);
        Polls polls = new Polls(jdbc, catalogue::forget);
        OrganizationId demoCity = electorate.demoCity();
        Polls.Poll open = polls.open(demoCity).single("Which park first?", "North park", "River park")
            .multiple(2, "Which services?", "Water", "Light", "Benches")
            .ranked(2, "Rank the projects", "Library", "Clinic", "School")
            .yesNo("Close Main Street to cars on Sundays?").create();
        Polls.Poll closed = polls.in(demoCity, open.process()).single("Which bus line?", "Line 1", "Line 2")
            .ranked(2, "Rank the stops", "Market", "Station", "Hospital").create();
        Electorate.Resident resident = electorate.verified(demoCity, "riverside");
        Electorate.Resident otherResident = electorate.verified(demoCity, "riverside");
        Accessibility axe = new Accessibility(browser);
        List<String> tooHeavy = new ArrayList<>();

        // a resident, then the pages they see
        browser.signIn(resident.login(), Electorate.PASSWORD);
        check(axe, tooHeavy, "/processes");
        check(axe, tooHeavy, "/processes/" + open.process().value());
        check(axe, tooHeavy, "/processes/" + open.process().value() + "?lang=ar");
        assertThat(browser.htmlAttribute("dir")).isEqualTo("rtl");
        check(axe, tooHeavy, open.page() + "?lang=en");
        // an error summary: too many services
        browser.find(By.id("ballot-" + open.question(1).field())).click();
        browser.findAll(By.name(open.question(1).field())).get(1).click();
        browser.findAll(By.name(open.question(1).field())).get(2).click();
        browser.submit();
        assertThat(browser.text()).contains("There is a problem", "Choose at most 2 answers.");
        axe.check("ballot with errors");
        // a complete ballot, cast without JavaScript
        browser.find(By.id("ballot-" + open.question(0).field())).click();
        browser.findAll(By.name(open.question(1).field())).get(2).click();
        browser.choose(open.question(2).field() + "a" + open.question(2).answers().get(1), "1");
        browser.find(By.id("ballot-" + open.question(3).field())).click();
        browser.submit();
        assertThat(browser.heading()).isEqualTo("Your ballot was cast");
        axe.check("receipt");
        check(axe, tooHeavy, open.page());
        assertThat(browser.text()).contains("You have voted online.");

        // results and receipts of a closed consultation
        browser.signOut();
        browser.signIn(otherResident.login(), Electorate.PASSWORD);
        browser.open(closed.page());
        polls.pastClosingDate(closed.id());
        check(axe, tooHeavy, closed.page());
        check(axe, tooHeavy, closed.page() + "/results");
        check(axe, tooHeavy, closed.page() + "/results?lang=ar");
        check(axe, tooHeavy, closed.page() + "/receipts?lang=en");
        browser.fill("code", "not a code").submit();
        axe.check("receipt check with an error");

        // an admin
        Electorate.Resident admin = electorate.unverified(demoCity);
        electorate.grant(admin, "ADMIN");
        electorate.grant(admin, "OFFICER");
        browser.signOut();
        browser.signIn(admin.login(), Electorate.PASSWORD);
        String process = "/admin/processes/" + open.process().value();
        check(axe, tooHeavy, "/admin/processes");
        check(axe, tooHeavy, "/admin/processes/new");
        browser.submit();
        axe.check("new process with errors");
        check(axe, tooHeavy, process);
        long phase = jdbc.sql("SELECT id FROM process_phase WHERE process_id = :p").param("p", open.process().value())
            .query(Long.class).single();
        check(axe, tooHeavy, process + "/phases/" + phase);
        check(axe, tooHeavy, process + "/consultations/new");
        browser.submit();
        axe.check("new consultation with errors");
        check(axe, tooHeavy, process + "/consultations/" + open.id().value());
        Polls.Poll upcoming = polls.in(demoCity, open.process()).opens(java.time.Instant.now().plusSeconds(7200))
            .multiple(2, "Which benches?", "Wood", "Stone", "Metal").create();
        check(axe, tooHeavy, process + "/consultations/" + upcoming.id().value());
        check(axe, tooHeavy, process + "/consultations/" + upcoming.id().value() + "/questions/" + upcoming.question(0).id());

        // the officer's booth and paper sheets
        check(axe, tooHeavy, "/officer/booth");
        check(axe, tooHeavy, "/officer/booth/" + open.id().value() + "?booth=Market%20Hall");
        browser.fill("login", otherResident.login()).submit();
        assertThat(browser.heading()).isEqualTo("The voter");
        axe.check("booth: the voter");
        browser.click(By.xpath("//main//button[contains(., 'Vote on this device')]"));
        axe.check("booth: the ballot");
        check(axe, tooHeavy, "/officer/paper");
        check(axe, tooHeavy, "/officer/paper/" + closed.id().value());
        browser.submit();
        axe.check("paper sheet with errors");

        assertThat(axe.pagesChecked()).hasSizeGreaterThan(25);
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
