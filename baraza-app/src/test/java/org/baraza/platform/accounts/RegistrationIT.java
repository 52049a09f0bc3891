package org.baraza.platform.accounts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.baraza.IntegrationTest;
import org.baraza.platform.OrganizationId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
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
        String email = TestResidents.uniqueEmail("amina");

        MvcResult registered = browser.submit("/register", "/register", form(email.toUpperCase(), "Amina K", "Amina Kamau", "fr"));
        assertThat(registered.getResponse().getStatus()).isEqualTo(302);
        assertThat(registered.getResponse().getRedirectedUrl()).isEqualTo("/confirm");
        assertThat(Browser.body(browser.follow(registered))).contains("value=\"" + email + "\"");

        assertThat(browser.signIn(email, "a long enough password").getResponse().getRedirectedUrl())
            .as("an unconfirmed account cannot sign in").isEqualTo("/login?unconfirmed");

        String code = residents.lastCodeSentTo(demoCity, email);
        assertThat(Browser.body(browser.get("/outbox"))).as("the demo outbox shows the code").contains(code);
        MvcResult confirmed = browser.submit("/confirm", "/confirm", Map.of("login", email, "code", code));
        assertThat(confirmed.getResponse().getRedirectedUrl()).isEqualTo("/login");

        MvcResult signedIn = browser.signIn(email, "a long enough password");
        assertThat(signedIn.getResponse().getStatus()).isEqualTo(302);
        assertThat(signedIn.getResponse().getRedirectedUrl()).doesNotContain("/login");
        assertThat(signedIn.getResponse().getCookie("baraza-lang").getValue())
            .as("the account's language becomes the page language").isEqualTo("fr");
        assertThat(Browser.body(browser.get("/account"))).contains("Amina K").contains("Amina Kamau");
    }

    @Test
    void residentMayRegisterWithAMobileNumberInAnyUsualSpelling() {
        Browser browser = Browser.atDemoCity(mvc);
        String digits = String.valueOf(700_000_000L + System.nanoTime() % 99_999_999L);
        MvcResult registered = browser.submit("/register", "/register",
            form("00254 " + digits.substring(0, 3) + " " + digits.substring(3), "Baraka", "", "sw"));
        assertThat(registered.getResponse().getStatus()).isEqualTo(302);
        assertThat(residents.count(demoCity, "+254" + digits)).isEqualTo(1);
        assertThat(residents.lastCodeSentTo(demoCity, "+254" + digits)).hasSize(6);
    }

    @Test
    void secondRegistrationWithTheSameLoginIsRefusedWithAMessage() {
        String email = TestResidents.uniqueEmail("twice");
        residents.confirmed(demoCity, email, "First");
        Browser browser = Browser.atDemoCity(mvc);

        MvcResult again = browser.submit("/register", "/register", form(" " + email.toUpperCase() + " ", "Second", "", "en"));

        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(Browser.body(again)).contains("already has an account here").contains("class=\"error-summary\"");
        assertThat(residents.count(demoCity, email)).isEqualTo(1);
    }

    @Test
    void theSameLoginIsAnUnrelatedAccountInAnotherMunicipality() {
        String email = TestResidents.uniqueEmail("both");
        residents.confirmed(demoCity, email, "In Demo City");
        Browser atHilltown = Browser.at(mvc, "hilltown.localhost");

        MvcResult registered = atHilltown.submit("/register", "/register", form(email, "À Hilltown", "", "fr"));

        assertThat(registered.getResponse().getStatus()).isEqualTo(302);
        assertThat(residents.count(residents.hilltown(), email)).isEqualTo(1);
        assertThat(residents.count(demoCity, email)).isEqualTo(1);
    }

    static Stream<Arguments> hostileRegistrations() {
        String email = "hostile@example.org";
        return Stream.of(
            Arguments.of("everything empty", Map.of("login", "", "password", "", "displayName", "", "language", "en"), "Enter your e-mail"),
            Arguments.of("no fields at all", Map.of(), "Enter your e-mail"),
            Arguments.of("script in the display name", form(email, "<script>alert(1)</script>", "", "en"), "Use at least 2 letters"),
            Arguments.of("markup in the legal name", form(email, "Nice Name", "<b onmouseover=x>Bob</b>", "en"), "Use letters, spaces"),
            Arguments.of("SQL in the display name", form(email, "x'); DROP TABLE account;--", "", "en"), "Use at least 2 letters"),
            Arguments.of("SQL as the login", form("' OR 1=1 --", "Nice Name", "", "en"), "Enter an e-mail address like"),
            Arguments.of("10 KB display name", form(email, "a".repeat(10_240), "", "en"), "at most 40 characters"),
            Arguments.of("10 KB login", form("a".repeat(10_240) + "@example.org", "Nice Name", "", "en"), "Enter an e-mail address like"),
            Arguments.of("10 KB password", withPassword(form(email, "Nice Name", "", "en"), "p".repeat(10_240)), "10 to 128 characters"),
            Arguments.of("short password", withPassword(form(email, "Nice Name", "", "en"), "short"), "10 to 128 characters"),
            Arguments.of("control character", form(email, "Nice\u0007Name", "", "en"), "Use at least 2 letters"),
            Arguments.of("control character in the password", withPassword(form(email, "Nice Name", "", "en"), "good password\u0000"), "cannot be used"),
            Arguments.of("broken encoding", form(email, "Nice\uFFFDName", "", "en"), "Use at least 2 letters"),
            Arguments.of("phone without country code", form("0712 345 678", "Nice Name", "", "en"), "country code"),
            Arguments.of("language the city does not offer", form(email, "Nice Name", "", "zz"), "Choose one of the languages"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRegistrations")
    void hostileOrBrokenInputGetsAMessageAndStoresNothing(String what, Map<String, String> fields, String message) {
        long before = residents.accountRows();
        MvcResult result = Browser.atDemoCity(mvc).submit("/register", "/register", fields);

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        String page = Browser.body(result);
        assertThat(page).contains("class=\"error-summary\"").contains(message).doesNotContain("<script>alert");
        assertThat(residents.accountRows()).isEqualTo(before);
    }

    @Test
    void bytesThatAreNotUtf8GetAMessageAndStoreNothing() throws Exception {
        long before = residents.accountRows();
        Browser browser = Browser.atDemoCity(mvc);
        String token = Browser.body(browser.get("/register")).replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        // %C3%28 is an invalid two-byte UTF-8 sequence
        byte[] body = ("_csrf=" + token + "&login=bytes%40example.org&password=a+long+enough+password"
            + "&displayName=Ba%C3%28d&language=en").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        MvcResult result = mvc.perform(MockMvcRequestBuilders.post("/register").header("Host", "localhost")
            .contentType("application/x-www-form-urlencoded").content(body)
            .cookie(browser.cookies())).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(residents.accountRows()).isEqualTo(before);
    }

    @Test
    void twoHundredConcurrentRegistrationsOfOneLoginMakeExactlyOneAccount() throws Exception {
        String email = TestResidents.uniqueEmail("race");
        int visitors = 200;
        List<Browser> browsers = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < visitors; i++) {
            Browser browser = Browser.atDemoCity(mvc);
            tokens.add(Browser.body(browser.get("/register")).replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1"));
            browsers.add(browser);
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(visitors);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < visitors; i++) {
                Browser browser = browsers.get(i);
                Map<String, String> fields = new LinkedHashMap<>(form(email, "Racer " + i, "", "en"));
                fields.put("_csrf", tokens.get(i));
                statuses.add(pool.submit(() -> {
                    start.await();
                    return browser.post("/register", fields).getResponse().getStatus();
                }));
            }
            start.countDown();
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answers.add(status.get());
            }
            assertThat(answers).containsOnly(302, 409);
            assertThat(answers.stream().filter(status -> status == 302)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(residents.count(demoCity, email)).isEqualTo(1);
    }

    static Map<String, String> form(String login, String displayName, String legalName, String language) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("login", login);
        fields.put("password", "a long enough password");
        fields.put("displayName", displayName);
        fields.put("legalName", legalName);
        fields.put("language", language);
        return fields;
    }

    private static Map<String, String> withPassword(Map<String, String> fields, String password) {
        Map<String, String> copy = new LinkedHashMap<>(fields);
        copy.put("password", password);
        return copy;
    }
}
