package org.baraza.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.baraza.IntegrationTest;
import org.baraza.browser.Accessibility;
import org.baraza.browser.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The shell every page shares, in a real browser: language menu, right-to-left Arabic, the unknown-host page. */
@IntegrationTest
class ShellBrowserIT {

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

    @BeforeEach
    void forgetLanguage() {
        browser.driver().manage().deleteAllCookies();
    }

    @Test
    void homePageHasNoAccessibilityViolationsInAnyLanguage() {
        Accessibility axe = new Accessibility(browser);
        for (String lang : new String[] {"en", "fr", "es", "pt", "sw", "ar"}) {
            browser.open("/?lang=" + lang);
            assertThat(browser.status()).isEqualTo(200);
            assertThat(browser.htmlAttribute("lang")).isEqualTo(lang);
            axe.check("/ in " + lang);
        }
        axe.assertNone();
    }

    @Test
    void choosingArabicInTheLanguageMenuLaysThePageOutRightToLeftAndIsRemembered() {
        browser.open("/");
        assertThat(browser.htmlAttribute("dir")).isEqualTo("ltr");

        browser.click(By.cssSelector("footer a[hreflang=ar]"));

        assertThat(browser.htmlAttribute("lang")).isEqualTo("ar");
        assertThat(browser.htmlAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.heading()).containsPattern("\\p{IsArabic}");
        browser.open("/");
        assertThat(browser.htmlAttribute("dir")).as("the choice is remembered on the next page").isEqualTo("rtl");
        assertThat(browser.find(By.cssSelector("footer a[hreflang=ar]")).getAttribute("aria-current")).isEqualTo("true");
    }

    @Test
    void secondMunicipalityIsServedOnItsOwnHostInItsDefaultLanguage() {
        browser.openAt("hilltown.localhost", "/");

        assertThat(browser.status()).isEqualTo(200);
        assertThat(browser.htmlAttribute("lang")).isEqualTo("fr");
        assertThat(browser.find(By.cssSelector("header .brand")).getText()).contains("Hilltown");
        Accessibility.assertNoViolations(browser.driver());
    }

    @Test
    void unknownHostGetsAnAccessibleNotFoundPage() {
        browser.openAt("nowhere.localhost", "/");

        assertThat(browser.status()).isEqualTo(404);
        assertThat(browser.heading()).isNotBlank();
        Accessibility.assertNoViolations(browser.driver());
    }
}
