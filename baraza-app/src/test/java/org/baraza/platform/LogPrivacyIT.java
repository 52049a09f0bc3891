package org.baraza.platform;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baraza.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logs leave the application (to a collector, to an operator's screen), so they carry no personal
 * data. Residents with recognisable e-mail, phone and names go through every account action, then
 * the captured log output is searched for any trace of them.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyIT {

    private static final String PASSWORD = "privacy-probe-pass-2026";
    private static final Pattern CODE = Pattern.compile("\\b(\\d{4,10})\\b");

    @LocalServerPort
    int port;

    @Test
    void accountActionsLogNoEmailPhoneOrName(CapturedOutput output) {
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1000, 9999));
        String localPart = "ottoline.vexprobe" + suffix;
        String email = localPart + "@leakprobe.example";
        String phoneDigits = "7123" + suffix.substring(0, 2) + "8" + suffix.substring(2);
        String phone = "+254" + phoneDigits;
        // names take letters only: the digits of the suffix become letters
        String tag = suffix.chars().mapToObj(digit -> String.valueOf((char) ('k' + digit - '0'))).reduce("", String::concat);
        String displayName = "Zebulon Quixleak" + tag;
        String legalName = "Ottoline Vexprobe Marwick" + tag;
        LoggerFactory.getLogger(LogPrivacyIT.class).info("log capture canary {}", suffix);

        liveThroughEveryAccountAction(email, displayName, legalName);
        liveThroughEveryAccountAction(phone.substring(0, 4) + " " + phoneDigits.substring(0, 3) + " "
            + phoneDigits.substring(3, 6) + " " + phoneDigits.substring(6), displayName + "p", legalName + "p");

        String racedEmail = "raced." + email;
        registerTwiceAtOnce(racedEmail, displayName + "r", legalName + "r");

        String logs = output.getAll();
        assertThat(logs).as("the capture sees the application's log output").contains("log capture canary " + suffix);
        for (String personal : List.of(email, localPart, racedEmail, phone, phoneDigits, displayName, legalName, "Vexprobe", "Quixleak")) {
            assertThat(logs).as("logs must not contain %s", personal).doesNotContainIgnoringCase(personal);
        }
    }

    /** Registers, gets refused, confirms, signs in wrongly then rightly, edits, exports, resets, deletes. */
    private void liveThroughEveryAccountAction(String login, String displayName, String legalName) {
        Visitor resident = Visitor.ofDemoCity(port);
        Map<String, String> registration = Map.of("login", login, "password", PASSWORD,
            "displayName", displayName, "legalName", legalName, "language", "en");

        HttpResponse<String> registered = resident.submit("/register", "/register", registration);
        assertThat(registered.statusCode()).as("registration of %s", login).isEqualTo(302);
        assertThat(resident.submit("/register", "/register", registration).statusCode())
            .as("the same login a second time is refused").isBetween(200, 499);

        HttpResponse<String> wrongCode = resident.submit("/confirm", "/confirm", Map.of("login", login, "code", "000000"));
        assertThat(wrongCode.statusCode()).isEqualTo(400);
        HttpResponse<String> confirmed = resident.submit("/confirm", "/confirm", Map.of("login", login, "code", latestCode(resident, login)));
        assertThat(confirmed.statusCode()).as("confirmation").isEqualTo(302);

        resident.signIn(login, "not-the-password-2026");
        HttpResponse<String> signedIn = resident.signIn(login, PASSWORD);
        assertThat(signedIn.headers().firstValue("Location")).as("sign-in")
            .hasValueSatisfying(location -> assertThat(location).doesNotContain("error").doesNotContain("/login"));
        HttpResponse<String> account = resident.get("/account");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains(displayName);

        resident.submit("/account", "/account/profile", Map.of("displayName", displayName + "x", "legalName", legalName + "x", "language", "en"));
        assertThat(resident.get("/account/data").statusCode()).as("data export").isEqualTo(200);
        resident.submit("/account/password", "/account/password",
            Map.of("currentPassword", "wrong-current-2026", "newPassword", PASSWORD + "-new"));
        resident.submit("/account", "/logout", Map.of());

        Visitor forgetful = Visitor.ofDemoCity(port);
        forgetful.submit("/password/forgot", "/password/forgot", Map.of("login", login));

        resident.signIn(login, PASSWORD);
        HttpResponse<String> deleted = resident.submit("/account/delete", "/account/delete", Map.of("password", PASSWORD));
        assertThat(deleted.statusCode()).as("deletion").isEqualTo(302);
    }

    /**
     * Two registrations of one login at the same moment: the loser meets the unique index, whose
     * PostgreSQL error names the duplicated value — that message must not reach a log either.
     */
    private void registerTwiceAtOnce(String login, String displayName, String legalName) {
        Map<String, String> registration = Map.of("login", login, "password", PASSWORD,
            "displayName", displayName, "legalName", legalName, "language", "en");
        List<Visitor> residents = List.of(Visitor.ofDemoCity(port), Visitor.ofDemoCity(port));
        List<String> tokens = residents.stream()
            .map(resident -> Visitor.csrfToken(resident.get("/register").body()).orElseThrow()).toList();
        List<CompletableFuture<HttpResponse<String>>> attempts = new java.util.ArrayList<>();
        for (int i = 0; i < residents.size(); i++) {
            Map<String, String> withToken = new java.util.HashMap<>(registration);
            withToken.put("_csrf", tokens.get(i));
            Visitor resident = residents.get(i);
            attempts.add(CompletableFuture.supplyAsync(() -> resident.post("/register", withToken)));
        }
        List<Integer> statuses = attempts.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).sorted().toList();
        assertThat(statuses).as("one registration wins, the other is refused").containsExactly(302, 409);
    }

    /** The newest code sent to {@code login}, read from the demo outbox page. */
    private static String latestCode(Visitor visitor, String login) {
        String normalised = login.replace(" ", "");
        String outbox = visitor.get("/outbox").body();
        for (String row : outbox.split("<tr")) {
            if (row.contains(normalised)) {
                Matcher code = CODE.matcher(row.substring(row.indexOf(normalised) + normalised.length()));
                if (code.find()) {
                    return code.group(1);
                }
            }
        }
        throw new AssertionError("no code for " + login + " in the outbox");
    }
}
