package org.baraza.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.baraza.IntegrationTest;
import org.baraza.browser.Accessibility;
import org.baraza.browser.Browser;
import org.baraza.browser.DemoAccount;
import org.baraza.browser.SitePage;
import org.baraza.browser.SitePages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page in Arabic: laid out right to left, its own words (headings, labels, buttons) in
 * Arabic; and a sample of them as accessible as in English (issue 2, capabilities 6 and 7).
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

    /** The visible text of each element the selector finds, unless it is marked as another language than Arabic. */
    private static final String ARABIC_TEXTS = """
        return Array.from(document.querySelectorAll(arguments[0]))
            .filter(element => element.closest('[lang]').getAttribute('lang') === 'ar')
            .map(element => [element.tagName.toLowerCase(), element.innerText.trim()])
            .filter(([tag, text]) => text.length > 0);
        """;

    private static final Pattern ARABIC_LETTER = Pattern.compile("\\p{IsArabic}");

    static Browser browser;

    @BeforeAll
    static void start(@LocalServerPort int port) {
        browser = Browser.start(port);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** Signed-in visits in Arabic are remembered in the demo accounts: give them back their English. */
    @org.junit.jupiter.api.AfterEach
    void demoAccountsSpeakEnglishAgain() {
        jdbc.sql("UPDATE account SET language = 'en' WHERE login LIKE '%@demo.city'").update();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void everyPageInArabicIsRightToLeftAndTranslatedAndTheSampleIsAccessible() {
        Accessibility axe = new Accessibility(browser);
        SoftAssertions softly = new SoftAssertions();
        List<SitePage> inArabic = SitePages.all().stream()
            .filter(page -> !page.host().equals("hilltown.localhost") && !page.host().equals("nowhere.localhost"))
            .map(page -> page.in("ar"))
            .toList();
        SitePages.tour(browser, inArabic, (page, shown) -> {
            softly.assertThat(shown.htmlAttribute("lang")).as("lang of %s", page).isEqualTo("ar");
            softly.assertThat(shown.htmlAttribute("dir")).as("dir of %s", page).isEqualTo("rtl");
            // nothing sticks out sideways: in right-to-left, what overflows to the left makes the page scroll
            softly.assertThat(((Number) shown.driver().executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue())
                .as("width beyond the window on %s", page).isLessThanOrEqualTo(0);
            softly.assertThat(untranslated(shown, page)).as("words not in Arabic on %s", page).isEmpty();
            if (inAxeSample(page)) {
                axe.check(page.toString());
            }
        });
        softly.check(axe::assertNone);
        softly.assertAll();
    }

    @Test
    void wordsLeftInEnglishAreCaught() {
        SitePage home = SitePage.of(DemoAccount.VISITOR, "/").in("ar");
        browser.open(home.path());
        browser.driver().executeScript("document.querySelector('main h1').insertAdjacentHTML('afterend', "
            + "'<label>Untranslated label</label><label lang=\"fr\">Français</label>')");

        assertThat(untranslated(browser, home)).containsExactly("label: Untranslated label");
    }

    /** The page's own words that hold no Arabic letter, as "tag: text". */
    private static List<String> untranslated(Browser browser, SitePage page) {
        String selector = page.linkPrefix() == null ? "main h1, " + INTERFACE_TEXT : INTERFACE_TEXT;
        @SuppressWarnings("unchecked")
        List<List<String>> texts = (List<List<String>>) browser.driver().executeScript(ARABIC_TEXTS, selector);
        return texts.stream()
            .filter(text -> !ARABIC_LETTER.matcher(text.get(1)).find())
            .map(text -> text.get(0) + ": " + text.get(1))
            .toList();
    }

    /**
     * axe in Arabic on the pages residents use and on each role's home page (its header): layout
     * direction rarely changes what axe sees, and the English walk checks every page in full.
     */
    private static boolean inAxeSample(SitePage page) {
        return page.account() == DemoAccount.VISITOR || page.account() == DemoAccount.RESIDENT
            || page.path().startsWith("/?");
    }

    @Test
    void unknownHostPageSpeaksArabicToABrowserAskingForIt() {
        // no municipality, so no default language: the page follows the browser's Accept-Language
        browser.sendHeaders(Map.of("Accept-Language", "ar"));
        try {
            browser.openAt("nowhere.localhost", "/");

            assertThat(browser.htmlAttribute("dir")).isEqualTo("rtl");
            assertThat(browser.heading()).containsPattern("\\p{IsArabic}");
            Accessibility.assertNoViolations(browser.driver());
        } finally {
            browser.sendHeaders(Map.of());
        }
    }
}
