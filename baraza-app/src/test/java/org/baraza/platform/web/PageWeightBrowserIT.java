package org.baraza.platform.web;

import org.assertj.core.api.SoftAssertions;
import org.baraza.IntegrationTest;
import org.baraza.browser.Browser;
import org.baraza.browser.PageWeight;
import org.baraza.browser.SitePages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page, loaded with an empty cache as on a first visit, transfers at most 60 KB of HTML, CSS
 * and scripts (issue 2, capability 7), measured by Chromium's own network log.
 */
@IntegrationTest
class PageWeightBrowserIT {

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
    void everyPageWeighsAtMostSixtyKilobytesTransferred() {
        SoftAssertions softly = new SoftAssertions();
        SitePages.tour(browser, SitePages.all(), (page, shown) -> {
            PageWeight weight = PageWeight.of(shown);
            softly.assertThat(weight.counted()).as("what %s loaded", page)
                .anyMatch(request -> request.type().equals("Document") && request.transferredBytes() > 0)
                .anyMatch(request -> request.type().equals("Stylesheet") && request.transferredBytes() > 0);
            softly.assertThat(weight.withinLimit()).as("%s weighs %s", page, weight).isTrue();
        });
        softly.assertAll();
    }
}
