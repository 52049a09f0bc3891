package org.baraza.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.baraza.IntegrationTest;
import org.baraza.browser.Accessibility;
import org.baraza.browser.Browser;
import org.baraza.browser.SitePage;
import org.baraza.browser.SitePages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page in Arabic: laid out right to left, its own words (headings, labels, buttons) in
 * Arabic, and as accessible as in English (issue 2, capability 6).
 */
@IntegrationTest
class ArabicPagesBrowserIT {

    /**
     * The page's own words. Data (district names, e-mail addresses) may stay in Latin script, and so
     * may words marked as another language (a language's own name, lang="fr"); a page about one item
     * (a district, a department) has the item's name as its title, so its h1 is data too.
     */
    private static final String INTERFACE_TEXT = "main h2, main h3, main label, main legend, main button, main th, "
        + "header nav a, header nav button";

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
    void everyPageInArabicIsRightToLeftTranslatedAndAccessible() {
        Accessibility axe = new Accessibility(browser);
        SoftAssertions softly = new SoftAssertions();
        List<SitePage> inArabic = SitePages.all().stream()
            .filter(page -> !page.host().equals("hilltown.localhost") && !page.host().equals("nowhere.localhost"))
            .map(page -> page.in("ar"))
            .toList();
        SitePages.tour(browser, inArabic, (page, shown) -> {
            softly.assertThat(shown.htmlAttribute("lang")).as("lang of %s", page).isEqualTo("ar");
            softly.assertThat(shown.htmlAttribute("dir")).as("dir of %s", page).isEqualTo("rtl");
            String selector = page.linkPrefix() == null ? "main h1, " + INTERFACE_TEXT : INTERFACE_TEXT;
            for (WebElement element : shown.findAll(By.cssSelector(selector))) {
                String text = element.getText().strip();
                String language = element.findElement(By.xpath("ancestor-or-self::*[@lang][1]")).getDomAttribute("lang");
                if (!text.isEmpty() && "ar".equals(language)) {
                    softly.assertThat(text).as("%s on %s", element.getTagName(), page).containsPattern("\\p{IsArabic}");
                }
            }
            axe.check(page.toString());
        });
        softly.check(axe::assertNone);
        softly.assertAll();
    }

    @Test
    void unknownHostPageSpeaksArabicToABrowserAskingForIt() {
        // no municipality, so no default language: the page follows the browser's Accept-Language
        ChromeDriver driver = browser.driver();
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Accept-Language", "ar")));
        try {
            browser.openAt("nowhere.localhost", "/");

            assertThat(browser.htmlAttribute("dir")).isEqualTo("rtl");
            assertThat(browser.heading()).containsPattern("\\p{IsArabic}");
            Accessibility.assertNoViolations(driver);
        } finally {
            driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
        }
    }
}
