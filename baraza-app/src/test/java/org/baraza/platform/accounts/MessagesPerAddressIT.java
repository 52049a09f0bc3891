package org.baraza.platform.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import org.baraza.IntegrationTest;
import org.baraza.platform.web.HttpVisitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One client address may not make the outbox send more than a few registrations and codes an hour. */
@IntegrationTest
class MessagesPerAddressIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    @LocalServerPort
    int port;
    @Value("${baraza.accounts.messages-per-address:10}")
    int limit;
    @Autowired
    JdbcClient jdbc;

    /** An address of the shared address space (RFC 6598), which no other test uses. */
    private static String address() {
        return "100." + (64 + RANDOM.nextInt(64)) + "." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));
    }

    private static Map<String, String> registration(String login, String token) {
        return Map.of("login", login, "password", "a long enough password", "displayName", "Flood " + login.substring(0, 6),
            "legalName", "", "language", "en", "_csrf", token);
    }

    private long accounts(String login) {
        return jdbc.sql("SELECT count(*) FROM account WHERE login = :login").param("login", login).query(Long.class).single();
    }

    @Test
    void registrationsFromOneAddressStopAtTheHourlyLimitWithATranslated429AndNothingStored() {
        String address = address();
        HttpVisitor flood = new HttpVisitor("localhost", port);
        String token = flood.csrfToken("/register");
        for (int i = 0; i < limit; i++) {
            String login = "flood-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            HttpResponse<String> registered = flood.post("/register", registration(login, token), "X-Forwarded-For", address);
            assertThat(registered.statusCode()).as("registration %d", i + 1).isEqualTo(302);
            assertThat(accounts(login)).isEqualTo(1);
        }
        String refusedLogin = "flood-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        HttpResponse<String> refused = flood.post("/register?lang=fr", registration(refusedLogin, token),
            "X-Forwarded-For", address);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("class=\"error-summary\"")
            .contains("Trop de codes et d&#39;inscriptions ont été demandés depuis votre réseau");
        assertThat(accounts(refusedLogin)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_message WHERE recipient = :login").param("login", refusedLogin)
            .query(Long.class).single()).isZero();

        // the same allowance covers the other forms that send a code
        HttpResponse<String> forgot = flood.post("/password/forgot", Map.of("login", "someone@example.org",
            "_csrf", flood.csrfToken("/password/forgot")), "X-Forwarded-For", address);
        assertThat(forgot.statusCode()).isEqualTo(429);
        HttpResponse<String> resend = flood.post("/confirm/resend", Map.of("login", "someone@example.org",
            "_csrf", flood.csrfToken("/confirm")), "X-Forwarded-For", address);
        assertThat(resend.statusCode()).isEqualTo(429);

        // another address is not affected
        String elsewhere = "elsewhere-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        assertThat(flood.post("/register", registration(elsewhere, token), "X-Forwarded-For", address()).statusCode())
            .isEqualTo(302);
    }
}
