package org.baraza.platform.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.baraza.IntegrationTest;
import org.baraza.platform.AccountDeleted;
import org.baraza.platform.OrganizationId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AccountPageIT {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;
    TestResidents residents;
    OrganizationId demoCity;
    final List<AccountDeleted> deletions = new ArrayList<>();
    final ApplicationListener<PayloadApplicationEvent<?>> listener = event -> {
        if (event.getPayload() instanceof AccountDeleted deleted) {
            deletions.add(deleted);
        }
    };

    @BeforeEach
    void setUp() {
        mvc = Browser.mockMvc(context);
        residents = TestResidents.of(context);
        demoCity = residents.demoCity();
        ((ConfigurableApplicationContext) context).addApplicationListener(listener);
    }

    @AfterEach
    void tearDown() {
        context.getBean(ApplicationEventMulticaster.class).removeApplicationListener(listener);
    }

    @Test
    void theDownloadHoldsMyDataAndNobodyElses() {
        String mine = TestResidents.uniqueEmail("mine");
        String theirs = TestResidents.uniqueEmail("theirs");
        Browser me = registered(mine, "Zawadi", "Zawadi Wanjiru");
        Browser them = registered(theirs, "Otieno", "Otieno Odhiambo");
        answerDemographics(me, "25-34", "woman", firstDistrict());
        answerDemographics(them, "65-plus", "man", "");

        MvcResult download = me.get("/account/data");

        assertThat(download.getResponse().getStatus()).isEqualTo(200);
        assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment").contains(".json");
        assertThat(download.getResponse().getHeader("Cache-Control")).contains("no-store");
        String json = Browser.body(download);
        assertThat(json).contains(mine).contains("Zawadi Wanjiru").contains("25-34").contains("woman")
            .contains("confirmation code");
        assertThat(json).doesNotContain(theirs).doesNotContain("Otieno").doesNotContain("65-plus");
    }

    @Test
    void deletingTheAccountAnonymisesItEndsTheSessionAndTellsOtherModules() {
        String email = TestResidents.uniqueEmail("leaver");
        Browser browser = registered(email, "Leaver", "Lea Ver");
        answerDemographics(browser, "18-24", "", "");
        long account = residents.account(demoCity, email).orElseThrow().id();

        MvcResult wrong = browser.submit("/account/delete", "/account/delete", Map.of("password", "not my password"));
        assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
        assertThat(residents.account(demoCity, email)).isPresent();

        MvcResult deleted = browser.submit("/account/delete", "/account/delete", Map.of("password", "a long enough password"));
        assertThat(deleted.getResponse().getRedirectedUrl()).isEqualTo("/account-deleted");
        assertThat(browser.get("/account-deleted").getResponse().getStatus()).isEqualTo(200);

        Map<String, Object> row = residents.jdbc().sql("""
                SELECT login, password_hash, legal_name, display_name, deleted_at FROM account WHERE id = :id""")
            .param("id", account).query().singleRow();
        assertThat(row.get("login")).isNull();
        assertThat(row.get("password_hash")).isNull();
        assertThat(row.get("legal_name")).isNull();
        assertThat(row.get("display_name")).isEqualTo("Former resident");
        assertThat(row.get("deleted_at")).isNotNull();
        assertThat(count("resident_demographics", account)).isZero();
        assertThat(count("outbox_message", account)).isZero();
        assertThat(count("account_code", account)).isZero();
        assertThat(deletions).containsExactly(new AccountDeleted(demoCity, account));

        assertThat(browser.signedIn()).isFalse();
        assertThat(Browser.atDemoCity(mvc).signIn(email, "a long enough password").getResponse().getRedirectedUrl())
            .isEqualTo("/login?failed");
        assertThat(Browser.atDemoCity(mvc).submit("/register", "/register",
            RegistrationIT.form(email, "Back Again", "", "en")).getResponse().getStatus())
            .as("the login is free again").isEqualTo(302);
    }

    @Test
    void demographicsAreVoluntaryAndCanBeRemoved() {
        String email = TestResidents.uniqueEmail("counted");
        Browser browser = registered(email, "Counted", "");
        long account = residents.account(demoCity, email).orElseThrow().id();

        answerDemographics(browser, "", "another", "");
        assertThat(count("resident_demographics", account)).isEqualTo(1);
        answerDemographics(browser, "", "", "");
        assertThat(count("resident_demographics", account)).as("all blank keeps nothing").isZero();

        answerDemographics(browser, "45-54", "", firstDistrict());
        browser.submit("/account", "/account/demographics/remove", Map.of());
        assertThat(count("resident_demographics", account)).isZero();
    }

    @Test
    void forgedDemographicAnswersAreRefused() {
        String email = TestResidents.uniqueEmail("forger");
        Browser browser = registered(email, "Forger", "");
        long account = residents.account(demoCity, email).orElseThrow().id();
        String hilltownDistrict = residents.jdbc().sql("SELECT min(id) FROM district WHERE organization_id = :org")
            .param("org", residents.hilltown().value()).query(Long.class).single().toString();

        for (Map<String, String> forged : List.of(
            Map.of("ageBand", "17", "gender", "", "district", ""),
            Map.of("ageBand", "", "gender", "<script>", "district", ""),
            Map.of("ageBand", "", "gender", "", "district", hilltownDistrict),
            Map.of("ageBand", "", "gender", "", "district", "1 OR 1=1"),
            Map.of("ageBand", "x".repeat(10_000), "gender", "", "district", ""))) {
            MvcResult refused = browser.submit("/account", "/account/demographics", forged);
            assertThat(refused.getResponse().getStatus()).as(forged.toString()).isEqualTo(400);
            assertThat(Browser.body(refused)).contains("Choose one of the options");
        }
        assertThat(count("resident_demographics", account)).isZero();
    }

    @Test
    void theProfileIsEditedAndHostileNamesAreRefused() {
        String email = TestResidents.uniqueEmail("editor");
        Browser browser = registered(email, "Editor", "");

        MvcResult saved = browser.submit("/account", "/account/profile",
            Map.of("displayName", "Mhariri", "legalName", "Ana-María O’Neil", "language", "es"));
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/account");
        StoredAccount account = residents.account(demoCity, email).orElseThrow();
        assertThat(account.displayName()).isEqualTo("Mhariri");
        assertThat(account.legalName()).isEqualTo("Ana-María O’Neil");
        assertThat(account.language()).isEqualTo("es");

        MvcResult hostile = browser.submit("/account", "/account/profile",
            Map.of("displayName", "<img src=x onerror=alert(1)>", "legalName", "", "language", "en"));
        assertThat(hostile.getResponse().getStatus()).isEqualTo(400);
        assertThat(Browser.body(hostile)).contains("class=\"error-summary\"").doesNotContain("<img src=x");
        assertThat(residents.account(demoCity, email).orElseThrow().displayName()).isEqualTo("Mhariri");
    }

    @Test
    void theAccountPagesNeedASignedInResident() {
        Browser anonymous = Browser.atDemoCity(mvc);
        for (String path : List.of("/account", "/account/password", "/account/data", "/account/delete")) {
            MvcResult result = anonymous.get(path);
            assertThat(result.getResponse().getStatus()).as(path).isEqualTo(302);
            assertThat(result.getResponse().getRedirectedUrl()).as(path).endsWith("/login");
        }
    }

    private Browser registered(String email, String displayName, String legalName) {
        Browser browser = Browser.atDemoCity(mvc);
        browser.submit("/register", "/register", RegistrationIT.form(email, displayName, legalName, "en"));
        browser.submit("/confirm", "/confirm", Map.of("login", email, "code", residents.lastCodeSentTo(demoCity, email)));
        assertThat(browser.signIn(email, "a long enough password").getResponse().getRedirectedUrl()).isEqualTo("/");
        return browser;
    }

    private void answerDemographics(Browser browser, String ageBand, String gender, String district) {
        MvcResult result = browser.submit("/account", "/account/demographics",
            Map.of("ageBand", ageBand, "gender", gender, "district", district));
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/account");
    }

    private String firstDistrict() {
        return residents.jdbc().sql("SELECT min(id) FROM district WHERE organization_id = :org")
            .param("org", demoCity.value()).query(Long.class).single().toString();
    }

    private long count(String table, long account) {
        return residents.jdbc().sql("SELECT count(*) FROM " + table + " WHERE account_id = :id")
            .param("id", account).query(Long.class).single();
    }
}
