package org.baraza.platform.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import org.baraza.IntegrationTest;
import org.baraza.browser.Accessibility;
import org.baraza.browser.Browser;
import org.baraza.browser.DemoAccount;
import org.baraza.browser.DemoOutbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The resident's way in, end to end in a real browser (issue 2, "Tests that must exist"): register
 * with an e-mail address, read the code in the demo outbox, confirm, sign in, verify against the
 * census the administrator uploaded, switch to Arabic, sign out. axe-core checks every page shown.
 */
@IntegrationTest
class ResidentJourneyBrowserIT {

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
    void residentRegistersConfirmsSignsInVerifiesSwitchesToArabicAndSignsOut(@TempDir Path files)
        throws IOException {
        Accessibility axe = new Accessibility(browser);
        String email = "journey-" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999) + "@example.org";
        String password = "a long enough passphrase 2026";
        String documentNumber = "JR" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);

        // the administrator adds this resident's census record
        browser.signIn(DemoAccount.ADMIN);
        axe.check("home as admin");
        browser.open("/admin/census");
        axe.check("census upload");
        Path census = files.resolve("census.csv");
        Files.writeString(census, "document_number,birth_date,district\n" + documentNumber + ",1990-04-25,riverside\n",
            StandardCharsets.UTF_8);
        browser.find(By.id("census-file")).sendKeys(census.toString());
        browser.find(By.id("mode-add")).click();
        browser.submit();
        assertThat(browser.find(By.cssSelector("main .notice")).getText()).isNotBlank();
        axe.check("census uploaded");
        browser.signOutWithButton();
        axe.check("signed out (admin)");

        // the resident registers and is asked for the code
        browser.open("/register");
        axe.check("register");
        browser.fill("login", email).fill("password", password).fill("displayName", "Journey Tester");
        browser.submit();
        assertThat(browser.currentPath()).startsWith("/confirm");
        axe.check("confirm");

        String code = DemoOutbox.codeSentTo(browser, email);
        axe.check("outbox");

        browser.open("/confirm");
        browser.fill("login", email).fill("code", code);
        browser.submit();
        assertThat(browser.currentPath()).startsWith("/login");
        assertThat(browser.find(By.cssSelector("main .notice")).getText()).isNotBlank();
        axe.check("login after confirming");

        browser.signIn(email, password);
        assertThat(browser.findAll(By.cssSelector("header form[action$='/logout']"))).as("signed in").hasSize(1);
        axe.check("signed in");

        // verification against the census
        browser.open("/account/verify");
        axe.check("verify");
        browser.fill("documentNumber", documentNumber).fillDate("birthDate", "1990-04-25").choose("district", "riverside");
        browser.submit();
        assertThat(browser.find(By.cssSelector("main .notice")).getText()).isNotBlank();
        assertThat(browser.findAll(By.cssSelector("main form[action$='/account/verify']"))).as("verified: no form").isEmpty();
        axe.check("verified");

        // Arabic, right to left, through the language menu
        browser.click(By.cssSelector("footer a[hreflang=ar]"));
        assertThat(browser.htmlAttribute("lang")).isEqualTo("ar");
        assertThat(browser.htmlAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.heading()).containsPattern("\\p{IsArabic}");
        axe.check("verify in Arabic");
        browser.open("/account");
        assertThat(browser.htmlAttribute("dir")).as("Arabic is remembered").isEqualTo("rtl");
        axe.check("account in Arabic");

        browser.signOutWithButton();
        assertThat(browser.findAll(By.cssSelector("header form[action$='/logout']"))).as("signed out").isEmpty();
        axe.check("signed out, in Arabic");

        axe.assertNone();
    }
}
