package org.baraza.platform.accounts;

import java.util.Map;
import org.baraza.IntegrationTest;
import org.baraza.platform.OrganizationId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class PasswordIT {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;
    TestResidents residents;
    OrganizationId demoCity;

    @BeforeEach
    void setUp() {
        mvc = Browser.mockMvc(context);
        residents = TestResidents.of(context);
        demoCity = residents.demoCity();
    }

    @Test
    void forgottenPasswordIsResetWithTheCodeAndTheOldOneStopsWorking() {
        String email = TestResidents.uniqueEmail("forgetful");
        residents.confirmed(demoCity, email, "Forgetful");
        Browser browser = Browser.atDemoCity(mvc);

        MvcResult asked = browser.submit("/password/forgot", "/password/forgot", Map.of("login", email));
        assertThat(asked.getResponse().getRedirectedUrl()).isEqualTo("/password/reset");
        String code = residents.lastCodeSentTo(demoCity, email);
        MvcResult reset = browser.submit("/password/reset", "/password/reset",
            Map.of("login", email, "code", code, "password", "a brand new password"));
        assertThat(reset.getResponse().getRedirectedUrl()).isEqualTo("/login");

        assertThat(Browser.atDemoCity(mvc).signIn(email, TestResidents.PASSWORD).getResponse().getRedirectedUrl())
            .isEqualTo("/login?failed");
        assertThat(Browser.atDemoCity(mvc).signIn(email, "a brand new password").getResponse().getRedirectedUrl())
            .isEqualTo("/");
    }

    @Test
    void askingForAResetTellsNobodyWhetherTheLoginHasAnAccount() {
        String email = TestResidents.uniqueEmail("exists");
        residents.confirmed(demoCity, email, "Exists");
        String unknown = TestResidents.uniqueEmail("unknown");

        Browser first = Browser.atDemoCity(mvc);
        Browser second = Browser.atDemoCity(mvc);
        MvcResult forKnown = first.submit("/password/forgot", "/password/forgot", Map.of("login", email));
        MvcResult forUnknown = second.submit("/password/forgot", "/password/forgot", Map.of("login", unknown));

        assertThat(forKnown.getResponse().getStatus()).isEqualTo(forUnknown.getResponse().getStatus());
        assertThat(forKnown.getResponse().getRedirectedUrl()).isEqualTo(forUnknown.getResponse().getRedirectedUrl());
        String knownPage = Browser.body(first.follow(forKnown)).replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "")
            .replace(email, "LOGIN");
        String unknownPage = Browser.body(second.follow(forUnknown)).replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "")
            .replace(unknown, "LOGIN");
        assertThat(knownPage).isEqualTo(unknownPage);
        assertThat(residents.messagesTo(demoCity, email)).isEqualTo(1);

        MvcResult wrongForKnown = first.submit("/password/reset", "/password/reset",
            Map.of("login", email, "code", "000000", "password", "whatever password"));
        MvcResult wrongForUnknown = second.submit("/password/reset", "/password/reset",
            Map.of("login", unknown, "code", "000000", "password", "whatever password"));
        assertThat(wrongForKnown.getResponse().getStatus()).isEqualTo(400);
        assertThat(wrongForUnknown.getResponse().getStatus()).isEqualTo(400);
        assertThat(Browser.body(wrongForKnown)).contains("This code is not right");
        assertThat(Browser.body(wrongForUnknown)).contains("This code is not right");
    }

    @Test
    void aResetAlsoConfirmsAndUnlocksTheAccount() {
        String email = TestResidents.uniqueEmail("squatted");
        long account = residents.unconfirmed(demoCity, email, "Squatter");
        residents.jdbc().sql("UPDATE account SET locked_until = now() + interval '10 minutes' WHERE id = :id")
            .param("id", account).update();
        Browser browser = Browser.atDemoCity(mvc);

        browser.submit("/password/forgot", "/password/forgot", Map.of("login", email));
        browser.submit("/password/reset", "/password/reset",
            Map.of("login", email, "code", residents.lastCodeSentTo(demoCity, email), "password", "mine after all"));

        assertThat(browser.signIn(email, "mine after all").getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOne() {
        String email = TestResidents.uniqueEmail("changer");
        residents.confirmed(demoCity, email, "Changer");
        Browser browser = Browser.atDemoCity(mvc);
        browser.signIn(email, TestResidents.PASSWORD);

        MvcResult wrong = browser.submit("/account/password", "/account/password",
            Map.of("currentPassword", "not my password", "newPassword", "another long password"));
        assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
        assertThat(Browser.body(wrong)).contains("The password is not right");

        MvcResult tooShort = browser.submit("/account/password", "/account/password",
            Map.of("currentPassword", TestResidents.PASSWORD, "newPassword", "short"));
        assertThat(tooShort.getResponse().getStatus()).isEqualTo(400);
        assertThat(Browser.body(tooShort)).contains("10 to 128 characters");

        MvcResult changed = browser.submit("/account/password", "/account/password",
            Map.of("currentPassword", TestResidents.PASSWORD, "newPassword", "another long password"));
        assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/account");
        assertThat(Browser.atDemoCity(mvc).signIn(email, "another long password").getResponse().getRedirectedUrl())
            .isEqualTo("/");
        assertThat(Browser.atDemoCity(mvc).signIn(email, TestResidents.PASSWORD).getResponse().getRedirectedUrl())
            .isEqualTo("/login?failed");
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        String email = TestResidents.uniqueEmail("csrf");
        residents.confirmed(demoCity, email, "Csrf");
        Browser browser = Browser.atDemoCity(mvc);
        browser.signIn(email, TestResidents.PASSWORD);

        MvcResult forged = browser.post("/account/password",
            Map.of("currentPassword", TestResidents.PASSWORD, "newPassword", "chosen by an attacker"));

        assertThat(forged.getResponse().getStatus()).isEqualTo(403);
        assertThat(Browser.atDemoCity(mvc).signIn(email, TestResidents.PASSWORD).getResponse().getRedirectedUrl())
            .isEqualTo("/");
    }
}
