package org.baraza.participation.debates;

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
 * The debates, comments, flag, notifications and moderation pages in a real Chromium (no page script needed):
 * axe-core finds no WCAG 2.x A/AA violation and each weighs at most 60 KB transferred.
 */
@IntegrationTest
class DiscussionPagesBrowserIT {

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
    void everyPageIsAccessibleAndLight() {
        Accessibility axe = new Accessibility(browser);
        List<String> tooHeavy = new ArrayList<>();
        browser.signIn("resident@demo.city", DiscussionCity.PASSWORD);

        // demo accounts remember the last language chosen, perhaps by another test: start in English
        check(axe, tooHeavy, "/debates?lang=en");
        check(axe, tooHeavy, "/debates/new");
        browser.submit();
        assertThat(browser.text()).contains("There is a problem", "Enter some text.");
        axe.check("debate form with errors");
        browser.fill("title", "Should the market open on Sundays?");
        browser.fill("body", "**Yes** or no? Tell us why.");
        browser.submit();
        assertThat(browser.heading()).isEqualTo("Should the market open on Sundays?");
        String debatePath = browser.currentPath();
        browser.fill("body", "I think *yes*.");
        browser.click(By.cssSelector("form[action='/comments'] button[type=submit]"));
        assertThat(browser.text()).contains("I think yes.");
        check(axe, tooHeavy, debatePath);
        check(axe, tooHeavy, debatePath + "?lang=ar");
        assertThat(browser.htmlAttribute("dir")).isEqualTo("rtl");
        long comment = jdbc.sql("SELECT max(id) FROM comment WHERE target_type = 'debate' AND target_id = :id")
            .param("id", Long.parseLong(debatePath.replaceAll("\\D", ""))).query(Long.class).single();
        check(axe, tooHeavy, "/comments/" + comment + "/reply?lang=en");
        check(axe, tooHeavy, "/comments/" + comment + "/edit");
        check(axe, tooHeavy, "/flags/new?type=comment&id=" + comment);
        browser.submit();
        assertThat(browser.text()).contains("Choose why you are reporting it.");
        axe.check("flag form with errors");
        browser.find(By.id("reason-spam")).click();
        browser.submit();
        assertThat(browser.text()).contains("Moderators will look at it.");
        axe.check("flag sent");
        check(axe, tooHeavy, "/account/notifications");
        browser.signOut();

        browser.signIn("moderator@demo.city", DiscussionCity.PASSWORD);
        check(axe, tooHeavy, "/moderation?lang=en");
        assertThat(browser.text()).contains("I think *yes*.", "Reported");

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
