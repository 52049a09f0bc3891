package org.baraza.platform.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;
import org.baraza.IntegrationTest;
import org.baraza.browser.Browser;
import org.baraza.browser.DemoOutbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With JavaScript switched off, a resident can still register, confirm, sign in and out (issue 2, capability 7). */
@IntegrationTest
class WithoutJavaScriptBrowserIT {

    static Browser browser;

    @BeforeAll
    static void start(@LocalServerPort int port) {
        browser = Browser.withoutJavaScript(port);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void residentRegistersConfirmsAndSignsInWithoutJavaScript() {
        String email = "no-script-" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999) + "@example.org";
        String password = "works without scripts 2026";

        browser.open("/register");
        browser.fill("login", email).fill("password", password).fill("displayName", "No Script");
        browser.submit();
        assertThat(browser.currentPath()).startsWith("/confirm");

        String code = DemoOutbox.codeSentTo(browser, email);
        browser.open("/confirm");
        browser.fill("login", email).fill("code", code);
        browser.submit();
        assertThat(browser.currentPath()).startsWith("/login");

        browser.signIn(email, password);
        assertThat(browser.findAll(By.cssSelector("header form[action$='/logout']"))).as("signed in").hasSize(1);
        browser.open("/account");
        assertThat(browser.status()).isEqualTo(200);

        browser.signOutWithButton();
        assertThat(browser.findAll(By.cssSelector("header form[action$='/logout']"))).as("signed out").isEmpty();
    }

    @Test
    void pagesScriptsReallyDoNotRunInThisBrowser() {
        browser.driver().get("data:text/html,<p id=state>off</p><script>document.getElementById('state').textContent='on'</script>");

        assertThat(browser.find(By.id("state")).getText()).isEqualTo("off");
    }
}
