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
class RegistrationIT {

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
    void residentRegistersConfirmsWithTheCodeFromTheOutboxAndSignsIn() {
        Browser browser = Browser.atDemoCity(mvc);
        String email = TestResidents.uniqueEmail("Amina");

        MvcResult registered = browser.submit("/register", "/register", Map.of("login", email.toUpperCase(),
            "password", "a long enough password", "displayName", "Amina K", "legalName", "Amina Kamau", "language", "fr"));
        assertThat(registered.getResponse().getStatus()).isEqualTo(302);
        assertThat(registered.getResponse().getRedirectedUrl()).isEqualTo("/confirm");
        String confirmPage = Browser.body(browser.follow(registered));
        assertThat(confirmPage).contains("value=\"" + email + "\"");

        assertThat(browser.signIn(email, "a long enough password").getResponse().getRedirectedUrl())
            .as("an unconfirmed account cannot sign in").isEqualTo("/login?unconfirmed");

        String outbox = Browser.body(browser.get("/outbox"));
        String code = residents.lastCodeSentTo(demoCity, email);
        assertThat(outbox).contains(code);
        MvcResult confirmed = browser.submit("/confirm", "/confirm", Map.of("login", email, "code", code));
        assertThat(confirmed.getResponse().getRedirectedUrl()).isEqualTo("/login");

        MvcResult signedIn = browser.signIn(email, "a long enough password");
        assertThat(signedIn.getResponse().getStatus()).isEqualTo(302);
        assertThat(signedIn.getResponse().getRedirectedUrl()).doesNotContain("/login");
        assertThat(signedIn.getResponse().getCookie("baraza-lang").getValue())
            .as("the account's language becomes the page language").isEqualTo("fr");
        String account = Browser.body(browser.get("/account"));
        assertThat(account).contains("Amina K").contains("Amina Kamau");
    }
}
