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
class ConfirmationIT {

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
    void wrongCodesAreRefusedAndAfterFiveEvenTheRightCodeIsDead() {
        Browser browser = Browser.atDemoCity(mvc);
        String email = register(browser, "guesser");
        String code = residents.lastCodeSentTo(demoCity, email);
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int attempt = 1; attempt <= OneTimeCodes.MAX_ATTEMPTS; attempt++) {
            MvcResult refused = browser.submit("/confirm", "/confirm", Map.of("login", email, "code", wrong));
            assertThat(refused.getResponse().getStatus()).isEqualTo(400);
            assertThat(Browser.body(refused)).contains("This code is not right");
        }
        MvcResult tooLate = browser.submit("/confirm", "/confirm", Map.of("login", email, "code", code));
        assertThat(tooLate.getResponse().getStatus()).isEqualTo(400);
        assertThat(Browser.body(tooLate)).contains("expired or was tried too many times");
        assertThat(residents.account(demoCity, email).orElseThrow().confirmed()).isFalse();

        MvcResult resent = browser.submit("/confirm", "/confirm/resend", Map.of("login", email));
        assertThat(resent.getResponse().getRedirectedUrl()).isEqualTo("/confirm");
        String fresh = residents.lastCodeSentTo(demoCity, email);
        MvcResult confirmed = browser.submit("/confirm", "/confirm", Map.of("login", email, "code", fresh.substring(0, 3) + " " + fresh.substring(3)));
        assertThat(confirmed.getResponse().getRedirectedUrl()).isEqualTo("/login");
        assertThat(residents.account(demoCity, email).orElseThrow().confirmed()).isTrue();
    }

    @Test
    void aCodeExpiresAfterThirtyMinutes() {
        Browser browser = Browser.atDemoCity(mvc);
        String email = register(browser, "slow");
        String code = residents.lastCodeSentTo(demoCity, email);
        long account = residents.account(demoCity, email).orElseThrow().id();
        residents.jdbc().sql("UPDATE account_code SET expires_at = now() - interval '1 second' WHERE account_id = :id")
            .param("id", account).update();

        MvcResult late = browser.submit("/confirm", "/confirm", Map.of("login", email, "code", code));

        assertThat(late.getResponse().getStatus()).isEqualTo(400);
        assertThat(Browser.body(late)).contains("expired");
    }

    @Test
    void codesAreKeptOnlyAsSaltedHashes() {
        Browser browser = Browser.atDemoCity(mvc);
        String email = register(browser, "hashed");
        String code = residents.lastCodeSentTo(demoCity, email);
        long account = residents.account(demoCity, email).orElseThrow().id();

        String stored = residents.jdbc().sql("SELECT code_hash FROM account_code WHERE account_id = :id")
            .param("id", account).query(String.class).single();

        assertThat(stored).doesNotContain(code).matches("[0-9a-f]{32}:[0-9a-f]{64}");
    }

    @Test
    void newCodesAreLimitedPerHour() {
        Browser browser = Browser.atDemoCity(mvc);
        String email = register(browser, "spammer");
        for (int i = 0; i < OneTimeCodes.MAX_CODES_PER_HOUR + 3; i++) {
            browser.submit("/confirm", "/confirm/resend", Map.of("login", email));
        }
        assertThat(residents.messagesTo(demoCity, email)).isEqualTo(OneTimeCodes.MAX_CODES_PER_HOUR);
    }

    @Test
    void anUnknownLoginGetsTheSameAnswerAsAWrongCode() {
        MvcResult unknown = Browser.atDemoCity(mvc).submit("/confirm", "/confirm",
            Map.of("login", TestResidents.uniqueEmail("nobody"), "code", "123456"));
        assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
        assertThat(Browser.body(unknown)).contains("This code is not right");

        MvcResult resent = Browser.atDemoCity(mvc).submit("/confirm", "/confirm/resend",
            Map.of("login", TestResidents.uniqueEmail("nobody")));
        assertThat(resent.getResponse().getRedirectedUrl()).isEqualTo("/confirm");
    }

    @Test
    void aCodeThatIsNotSixDigitsIsAFormErrorNotAnAttempt() {
        Browser browser = Browser.atDemoCity(mvc);
        String email = register(browser, "typo");
        for (String typed : new String[] {"12345", "abcdef", "1234567", "<script>", "1".repeat(10_000)}) {
            MvcResult refused = browser.submit("/confirm", "/confirm", Map.of("login", email, "code", typed));
            assertThat(refused.getResponse().getStatus()).isEqualTo(400);
            assertThat(Browser.body(refused)).contains("class=\"error-summary\"");
        }
        long account = residents.account(demoCity, email).orElseThrow().id();
        assertThat(residents.jdbc().sql("SELECT attempts FROM account_code WHERE account_id = :id")
            .param("id", account).query(Integer.class).single()).isZero();
    }

    private String register(Browser browser, String who) {
        String email = TestResidents.uniqueEmail(who);
        MvcResult registered = browser.submit("/register", "/register", RegistrationIT.form(email, "Someone", "", "en"));
        assertThat(registered.getResponse().getStatus()).isEqualTo(302);
        return email;
    }
}
