package org.baraza.platform.accounts;

import org.baraza.IntegrationTest;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.Role;
import org.baraza.platform.RoleAssignments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SignInIT {

    @Autowired
    WebApplicationContext context;

    @Autowired
    RoleAssignments roles;

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
    void fiveWrongPasswordsLockTheAccountForFifteenMinutes() {
        String email = TestResidents.uniqueEmail("locked");
        long account = residents.confirmed(demoCity, email, "Locked Out");
        Browser browser = Browser.atDemoCity(mvc);

        for (int attempt = 1; attempt < AccountSignIn.FAILURES_BEFORE_LOCK; attempt++) {
            assertThat(browser.signIn(email, "wrong password " + attempt).getResponse().getRedirectedUrl())
                .isEqualTo("/login?failed");
        }
        assertThat(browser.signIn(email, "wrong password 5").getResponse().getRedirectedUrl()).isEqualTo("/login?locked");
        assertThat(browser.signIn(email, TestResidents.PASSWORD).getResponse().getRedirectedUrl())
            .as("even the right password waits out the lock").isEqualTo("/login?locked");
        assertThat(Browser.body(browser.get("/login?locked"))).contains("locked for 15 minutes");
        assertThat(residents.jdbc().sql("SELECT locked_until > now() + interval '14 minutes' FROM account WHERE id = :id")
            .param("id", account).query(Boolean.class).single()).isTrue();

        residents.jdbc().sql("UPDATE account SET locked_until = now() - interval '1 second' WHERE id = :id")
            .param("id", account).update();
        assertThat(browser.signIn(email, TestResidents.PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void anUnknownLoginAndAWrongPasswordGetTheSameAnswer() {
        String email = TestResidents.uniqueEmail("known");
        residents.confirmed(demoCity, email, "Known");
        MvcResult wrongPassword = Browser.atDemoCity(mvc).signIn(email, "not the password");
        MvcResult unknown = Browser.atDemoCity(mvc).signIn(TestResidents.uniqueEmail("unknown"), "not the password");
        assertThat(wrongPassword.getResponse().getRedirectedUrl()).isEqualTo("/login?failed");
        assertThat(unknown.getResponse().getRedirectedUrl()).isEqualTo("/login?failed");
    }

    @Test
    void aSessionOpenedAtDemoCityIsAnonymousAtHilltownsHost() {
        String email = TestResidents.uniqueEmail("traveller");
        residents.confirmed(demoCity, email, "Traveller");
        Browser atDemoCity = Browser.atDemoCity(mvc);
        assertThat(atDemoCity.signIn(email, TestResidents.PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(atDemoCity.signedIn()).isTrue();

        Browser carried = atDemoCity.carriedTo("hilltown.localhost");
        MvcResult account = carried.get("/account");
        assertThat(account.getResponse().getStatus()).isEqualTo(302);
        assertThat(account.getResponse().getRedirectedUrl()).contains("/login");
        assertThat(Browser.body(carried.get("/"))).doesNotContain("Traveller").contains("href=\"/login\"");

        assertThat(atDemoCity.signedIn()).as("still signed in at Demo City").isTrue();
    }

    @Test
    void demoCityCredentialsDoNotSignInAtHilltown() {
        String email = TestResidents.uniqueEmail("local");
        residents.confirmed(demoCity, email, "Local");
        assertThat(Browser.at(mvc, "hilltown.localhost").signIn(email, TestResidents.PASSWORD).getResponse()
            .getRedirectedUrl()).isEqualTo("/login?failed");
    }

    @Test
    void aClientWithTwentyFailuresInFiveMinutesGetsTooManyRequests() {
        Browser browser = Browser.atDemoCity(mvc);
        for (int attempt = 0; attempt < 20; attempt++) {
            assertThat(browser.signIn(TestResidents.uniqueEmail("stuffing"), "guess " + attempt).getResponse().getStatus())
                .isEqualTo(302);
        }
        MvcResult stopped = browser.signIn(TestResidents.uniqueEmail("stuffing"), "one more");
        assertThat(stopped.getResponse().getStatus()).isEqualTo(429);
        assertThat(stopped.getResponse().getHeader("Retry-After")).matches("[0-9]+");

        assertThat(Browser.atDemoCity(mvc).signIn(TestResidents.uniqueEmail("other"), "guess").getResponse().getStatus())
            .as("another client is not stopped").isEqualTo(302);
    }

    @Test
    void aRoleGrantedOrRevokedTakesEffectOnTheNextRequest() {
        String email = TestResidents.uniqueEmail("promoted");
        long account = residents.confirmed(demoCity, email, "Promoted");
        long admin = residents.account(demoCity, "admin@demo.city").orElseThrow().id();
        Browser browser = Browser.atDemoCity(mvc);
        browser.signIn(email, TestResidents.PASSWORD);
        assertThat(Browser.body(browser.get("/"))).doesNotContain("href=\"/officer\"");

        roles.grant(demoCity, account, Role.OFFICER, null, admin);
        assertThat(Browser.body(browser.get("/"))).contains("href=\"/officer\"");

        roles.revoke(demoCity, account, Role.OFFICER, admin);
        assertThat(Browser.body(browser.get("/"))).doesNotContain("href=\"/officer\"");
    }

    @Test
    void choosingALanguageWhileSignedInIsKeptInTheAccount() {
        String email = TestResidents.uniqueEmail("polyglot");
        residents.confirmed(demoCity, email, "Polyglot");
        Browser browser = Browser.atDemoCity(mvc);
        browser.signIn(email, TestResidents.PASSWORD);

        browser.get("/?lang=sw");
        assertThat(residents.account(demoCity, email).orElseThrow().language()).isEqualTo("sw");

        Browser elsewhere = Browser.atDemoCity(mvc);
        MvcResult signedIn = elsewhere.signIn(email, TestResidents.PASSWORD);
        assertThat(signedIn.getResponse().getCookie("baraza-lang").getValue()).isEqualTo("sw");
    }

    @Test
    void signingOutEndsTheSession() {
        String email = TestResidents.uniqueEmail("leaving");
        residents.confirmed(demoCity, email, "Leaving");
        Browser browser = Browser.atDemoCity(mvc);
        browser.signIn(email, TestResidents.PASSWORD);
        assertThat(browser.signedIn()).isTrue();

        browser.submit("/account", "/logout", java.util.Map.of());

        assertThat(browser.signedIn()).isFalse();
    }
}
