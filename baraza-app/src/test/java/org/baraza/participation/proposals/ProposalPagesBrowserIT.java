package org.baraza.participation.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.baraza.IntegrationTest;
import org.baraza.browser.Accessibility;
import org.baraza.browser.Browser;
import org.baraza.browser.PageWeight;
import org.baraza.platform.Role;
import org.baraza.platform.tenancy.MunicipalityDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The proposals pages in Chromium: axe-core finds nothing on any of them (in English and in Arabic, right to
 * left), the map draws from Baraza's own data and files only, and without JavaScript everything still works.
 */
@IntegrationTest
class ProposalPagesBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MunicipalityDirectory directory;

    TestCity city;
    long process;
    String base;
    String resident;
    long located;

    @BeforeEach
    void city() {
        city = TestCity.create(jdbc, directory);
        process = city.process("CREATE_PROPOSALS", "SUPPORT");
        base = "/processes/" + process + "/proposals";
        resident = city.verifiedResident();
        long parks = city.category("Parks");
        city.category("Roads");
        located = city.proposal(process, resident, "Shade trees on Market Street", "Twenty trees for a hot street.",
            "The street is **too hot**.\n\n- trees\n- benches", parks, "north", -0.42, 36.95);
        city.proposal(process, resident, "حديقة جديدة للأطفال", "مكان آمن للعب.", "نريد حديقة.", parks, "south", -0.47, 36.97);
        city.proposal(process, resident, "Bus shelter", "Shelter from the rain.", "Near the market.", null, null, null, null);
    }

    private void signIn(Browser browser, String login) {
        browser.openAt(city.host, "/login");
        WebElement form = browser.find(By.cssSelector("main form"));
        WebElement field = form.findElement(By.cssSelector(
            "input:not([type=hidden]):not([type=password]):not([type=checkbox]):not([type=submit])"));
        field.sendKeys(login);
        form.findElement(By.cssSelector("input[type=password]")).sendKeys(TestCity.PASSWORD);
        browser.click(By.cssSelector("main form button[type=submit]"));
        assertThat(URI.create(browser.driver().getCurrentUrl()).getPath()).isNotEqualTo("/login");
    }

    @Test
    void proposalPagesHaveNoAccessibilityViolations() {
        try (Browser browser = Browser.start(port)) {
            Accessibility axe = new Accessibility(browser);
            for (String page : List.of(base, base + "?q=nothing+at+all", base + "/" + located, base + "/map", base + "?lang=ar",
                base + "/" + located + "?lang=ar")) {
                browser.openAt(city.host, page);
                assertThat(browser.status()).as(page).isEqualTo(200);
                axe.check("anonymous " + page);
            }
            assertThat(browser.htmlAttribute("dir")).isEqualTo("rtl");

            signIn(browser, resident);
            browser.openAt(city.host, base + "/new?lang=en");
            axe.check("the form");
            browser.submit();
            assertThat(browser.status()).isEqualTo(400);
            assertThat(browser.find(By.cssSelector(".error-summary")).getText()).contains("Enter the title.");
            axe.check("the form with errors");
            browser.openAt(city.host, base + "/new?lang=ar");
            browser.submit();
            axe.check("the form with errors, ar");
            browser.openAt(city.host, base + "/new?lang=en");
            browser.fill("title", "Clean the river bank");
            browser.fill("summary", "Once a month, with the neighbours.");
            browser.fill("body", "Bags and gloves from the city.");
            browser.choose("category", Long.toString(jdbc.sql("SELECT min(id) FROM proposal_category WHERE organization_id = :org")
                .param("org", city.id.value()).query(Long.class).single()));
            browser.submit();
            assertThat(browser.heading()).isEqualTo("Clean the river bank");
            axe.check("own proposal with edit and withdraw");
            browser.click(By.linkText("Change your proposal"));
            axe.check("the edit form");

            signIn(browser, city.account(Role.ADMIN));
            long category = jdbc.sql("SELECT min(id) FROM proposal_category WHERE organization_id = :org")
                .param("org", city.id.value()).query(Long.class).single();
            for (String page : List.of("/admin/categories", "/admin/categories/" + category,
                "/admin/processes/" + process + "/proposals", "/admin/categories?lang=ar")) {
                browser.openAt(city.host, page);
                assertThat(browser.status()).as(page).isEqualTo(200);
                axe.check("admin " + page);
            }
            axe.assertNone();
        }
    }

    @Test
    void mapDrawsDistrictsAndProposalsFromBarazaAlone() {
        try (Browser browser = Browser.start(port)) {
            // Leaflet's files are public once "/vendor/**" is (requested of SecurityConfiguration); signed in, they load now
            signIn(browser, resident);
            browser.openAt(city.host, base + "/map");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(driver ->
                driver.findElements(By.cssSelector("#proposals-map path.leaflet-interactive")).size() >= 4);
            // two districts and two located proposals
            assertThat(browser.findAll(By.cssSelector("#proposals-map path.leaflet-interactive"))).hasSize(4);
            assertThat(browser.find(By.id("proposals-map")).isDisplayed()).isTrue();
            String origin = "http://" + city.host + ":" + port;
            assertThat(browser.requests()).extracting(Browser.Request::url).allMatch(url -> url.startsWith(origin)
                || url.startsWith("data:"));
            assertThat(browser.findAll(By.cssSelector("#proposals-map img.leaflet-tile"))).as("no tiles configured").isEmpty();
            new Accessibility(browser).check("map drawn").assertNone();
        }
    }

    /**
     * Leaflet is 42 KB gzipped, 148 KB not: the map page stays under 60 KB only if the server compresses
     * JavaScript, which it does once server.compression.mime-types lists text/javascript (the type Spring
     * serves .js files with; requested of application.properties' owner).
     */
    @Test
    void mapPageWeighsUnderTheBudget() {
        try (Browser browser = Browser.start(port)) {
            signIn(browser, resident);
            browser.openAt(city.host, base + "/map");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(driver ->
                driver.findElements(By.cssSelector("#proposals-map path.leaflet-interactive")).size() >= 4);
            PageWeight weight = PageWeight.of(browser);
            assertThat(weight.withinLimit()).as(weight.toString()).isTrue();
        }
    }

    @Test
    void withoutJavaScriptTheMapIsAListAndProposingWorks() {
        try (Browser browser = Browser.withoutJavaScript(port)) {
            browser.openAt(city.host, base + "/map");
            assertThat(browser.find(By.id("proposals-map")).isDisplayed()).isFalse();
            assertThat(browser.findAll(By.cssSelector("main table tbody tr"))).hasSize(2);
            assertThat(browser.text()).contains("Shade trees on Market Street", "-0.42", "36.95");
            for (String page : List.of(base, base + "/" + located)) {
                browser.openAt(city.host, page);
                PageWeight weight = PageWeight.of(browser);
                assertThat(weight.withinLimit()).as(page + " " + weight).isTrue();
            }

            browser.openAt(city.host, base + "?sort=newest");
            browser.choose("sort", "supports");
            browser.submit();
            assertThat(browser.currentPath()).contains("sort=supports");

            signIn(browser, resident);
            browser.openAt(city.host, base + "/new");
            browser.fill("title", "Water fountain in the park");
            browser.fill("summary", "Drinking water for everyone.");
            browser.fill("body", "Near the playground.");
            browser.choose("category", Long.toString(jdbc.sql("SELECT min(id) FROM proposal_category WHERE organization_id = :org")
                .param("org", city.id.value()).query(Long.class).single()));
            browser.fill("latitude", "-0,43");
            browser.fill("longitude", "36,96");
            browser.submit();
            assertThat(browser.heading()).isEqualTo("Water fountain in the park");
            assertThat(browser.text()).contains("Your proposal is published.", "latitude -0.43, longitude 36.96");
            browser.click(By.cssSelector("form[action$='/follow'] button, form[action$='/unfollow'] button"));
            assertThat(browser.text()).contains("You no longer follow this proposal.");

            signIn(browser, city.verifiedResident());
            browser.openAt(city.host, base + "/" + located);
            browser.click(By.cssSelector("form[action$='/support'] button"));
            assertThat(browser.text()).contains("Thank you: your support is counted.", "Supports: 1", "You support this proposal.");
        }
    }
}
