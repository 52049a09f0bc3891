package org.baraza.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.SoftAssertions;
import org.baraza.IntegrationTest;
import org.baraza.browser.Browser;
import org.baraza.browser.SitePages;
import org.baraza.browser.ThirdParties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * No page makes a resident's browser talk to anyone but the municipality's own site: no CDN, no web
 * fonts, no analytics (issue 2, capability 7).
 */
@IntegrationTest
class NoThirdPartyRequestsBrowserIT {

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
    void noPageLoadsAnythingFromAnotherOrigin() {
        SoftAssertions softly = new SoftAssertions();
        SitePages.tour(browser, SitePages.all(),
            (page, shown) -> softly.assertThat(ThirdParties.of(shown)).as("third parties of %s", page).isEmpty());
        softly.assertAll();
    }

    @Test
    void aResourceFromAnotherOriginIsCaught() {
        browser.open("/");
        browser.driver().executeScript("""
            const image = document.createElement('img');
            image.src = 'https://cdn.example.net/pixel.png';
            image.alt = '';
            document.body.appendChild(image);""");

        assertThat(ThirdParties.of(browser)).contains("points to https://cdn.example.net/pixel.png");
    }
}
