package org.baraza.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.SoftAssertions;
import org.baraza.IntegrationTest;
import org.baraza.browser.Accessibility;
import org.baraza.browser.Browser;
import org.baraza.browser.SitePages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** axe-core on every page of the site, each seen by the role it is for: WCAG 2.x A and AA, zero violations. */
@IntegrationTest
class AccessibilityBrowserIT {

    static Browser browser;

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
    void everyPageHasNoAccessibilityViolations() {
        Accessibility axe = new Accessibility(browser);
        SoftAssertions softly = new SoftAssertions();
        SitePages.tour(browser, SitePages.all(), (page, shown) -> {
            softly.assertThat(shown.status()).as("status of %s", page).isEqualTo(page.status());
            axe.check(page.toString());
        });
        assertThat(axe.pagesChecked()).hasSameSizeAs(SitePages.all());
        softly.check(axe::assertNone);
        softly.assertAll();
    }
}
