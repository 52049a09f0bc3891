package org.baraza.platform;

import java.net.HttpCookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.baraza.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session row is written when the session changes, not on every request: a page seen within a minute
 * of the last recorded access leaves the row alone (one write and one synchronous commit fewer per request),
 * and anything that matters (a new session id, the signed-in principal, an access a minute later) is written.
 */
@IntegrationTest
class SessionWritesIT {

    static final String RESIDENT = "resident@demo.city";
    static final String PASSWORD = "demo-password-2026";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPageSeenWithinAMinuteOfTheLastRecordedAccessLeavesTheSessionRowAlone() {
        Visitor resident = Visitor.ofDemoCity(port);
        resident.signIn(RESIDENT, PASSWORD);
        String session = sessionId(resident);
        long recorded = lastAccess(session);

        assertThat(resident.get("/account").statusCode()).isEqualTo(200);
        assertThat(resident.get("/account").statusCode()).isEqualTo(200);

        assertThat(lastAccess(session)).isEqualTo(recorded);
    }

    @Test
    void anAccessAMinuteOrMoreAfterTheRecordedOneIsWritten() {
        Visitor resident = Visitor.ofDemoCity(port);
        resident.signIn(RESIDENT, PASSWORD);
        String session = sessionId(resident);
        // as if the last recorded access had been two minutes ago
        jdbc.sql("""
                UPDATE spring_session SET last_access_time = last_access_time - 120000, expiry_time = expiry_time - 120000
                WHERE session_id = :id""").param("id", session).update();
        long twoMinutesAgo = lastAccess(session);

        assertThat(resident.get("/account").statusCode()).isEqualTo(200);

        assertThat(lastAccess(session)).isGreaterThanOrEqualTo(twoMinutesAgo + 120000);
        assertThat(jdbc.sql("SELECT expiry_time - last_access_time FROM spring_session WHERE session_id = :id")
            .param("id", session).query(Long.class).single()).isEqualTo(8 * 3600 * 1000L);
    }

    @Test
    void signingInWritesTheNewSessionIdAndThePrincipalAtOnce() {
        Visitor resident = Visitor.ofDemoCity(port);
        assertThat(resident.get("/login").statusCode()).isEqualTo(200);
        String before = sessionId(resident);

        resident.signIn(RESIDENT, PASSWORD);
        String after = sessionId(resident);

        assertThat(after).isNotEqualTo(before);
        String account = jdbc.sql("SELECT id::text FROM account WHERE login = :login")
            .param("login", RESIDENT).query(String.class).single();
        assertThat(jdbc.sql("SELECT principal_name FROM spring_session WHERE session_id = :id")
            .param("id", after).query(String.class).optional()).hasValue(account);
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE session_id = :id")
            .param("id", before).query(Long.class).single()).isZero();
    }

    private long lastAccess(String session) {
        return jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = :id")
            .param("id", session).query(Long.class).single();
    }

    /** Spring Session's cookie carries the session id in base 64. */
    private static String sessionId(Visitor visitor) {
        HttpCookie cookie = visitor.cookie("SESSION").orElseThrow(() -> new AssertionError("no SESSION cookie"));
        return new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.US_ASCII);
    }
}
