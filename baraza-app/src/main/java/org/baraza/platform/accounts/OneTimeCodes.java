package org.baraza.platform.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Six-digit codes that prove a resident receives messages at their login. Only the newest code of
 * a purpose counts; it expires after 30 minutes and dies after 5 wrong tries, and at most 5 codes
 * are issued per hour, so guessing gets at most 25 of a million chances an hour.
 * Codes are stored as salted SHA-256: a slow hash would add nothing against a 6-digit space, the
 * expiry and the attempt limit are what protect them.
 */
@Component
class OneTimeCodes {

    static final Duration LIFETIME = Duration.ofMinutes(30);
    static final int MAX_ATTEMPTS = 5;
    static final int MAX_CODES_PER_HOUR = 5;
    private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");

    enum Purpose {
        CONFIRM("confirm"), RESET("reset");

        final String code;

        Purpose(String code) {
            this.code = code;
        }
    }

    enum Check {
        /** The code is right; it cannot be used again. */
        ACCEPTED,
        /** A wrong code; one attempt fewer remains. */
        WRONG,
        /** No live code: expired, used, tried too often, or never issued. */
        EXPIRED
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    OneTimeCodes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new code that replaces earlier ones, or empty when this hour's allowance is used up. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<String> issue(OrganizationId organization, long accountId, Purpose purpose) {
        Instant now = clock.instant();
        // Serialises issuing per account, so parallel requests cannot exceed the hourly allowance.
        jdbc.sql("SELECT id FROM account WHERE organization_id = :org AND id = :id FOR UPDATE")
            .param("org", organization.value()).param("id", accountId).query(Long.class).optional();
        long recent = jdbc.sql("""
                SELECT count(*) FROM account_code
                 WHERE organization_id = :org AND account_id = :id AND purpose = :purpose AND created_at > :since""")
            .param("org", organization.value()).param("id", accountId).param("purpose", purpose.code)
            .param("since", Timestamp.from(now.minus(Duration.ofHours(1))))
            .query(Long.class).single();
        if (recent >= MAX_CODES_PER_HOUR) {
            return Optional.empty();
        }
        String code = String.format("%06d", random.nextInt(1_000_000));
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        jdbc.sql("""
                INSERT INTO account_code (organization_id, account_id, purpose, code_hash, expires_at, created_at)
                VALUES (:org, :id, :purpose, :hash, :expires, :now)""")
            .param("org", organization.value()).param("id", accountId).param("purpose", purpose.code)
            .param("hash", HexFormat.of().formatHex(salt) + ":" + digest(salt, accountId, purpose, code))
            .param("expires", Timestamp.from(now.plus(LIFETIME))).param("now", Timestamp.from(now))
            .update();
        return Optional.of(code);
    }

    /** Checks a typed code against the newest live one; the caller's transaction must commit even for WRONG, so the attempt counts. */
    @Transactional(propagation = Propagation.MANDATORY)
    Check check(OrganizationId organization, long accountId, Purpose purpose, String typed) {
        Instant now = clock.instant();
        Optional<LiveCode> newest = jdbc.sql("""
                SELECT id, code_hash, expires_at, attempts, used_at FROM account_code
                 WHERE organization_id = :org AND account_id = :id AND purpose = :purpose
                 ORDER BY id DESC LIMIT 1 FOR UPDATE""")
            .param("org", organization.value()).param("id", accountId).param("purpose", purpose.code)
            .query((rs, row) -> new LiveCode(rs.getLong("id"), rs.getString("code_hash"),
                rs.getTimestamp("expires_at").toInstant(), rs.getInt("attempts"), rs.getTimestamp("used_at") != null))
            .optional();
        if (newest.isEmpty() || newest.get().used() || newest.get().attempts() >= MAX_ATTEMPTS
            || !newest.get().expiresAt().isAfter(now)) {
            return Check.EXPIRED;
        }
        LiveCode code = newest.get();
        String[] parts = code.hash().split(":", 2);
        String normalised = normalise(typed);
        boolean right = normalised != null && MessageDigest.isEqual(
            parts[1].getBytes(StandardCharsets.US_ASCII),
            digest(HexFormat.of().parseHex(parts[0]), accountId, purpose, normalised).getBytes(StandardCharsets.US_ASCII));
        if (right) {
            jdbc.sql("UPDATE account_code SET used_at = :now WHERE id = :id")
                .param("now", Timestamp.from(now)).param("id", code.id()).update();
            return Check.ACCEPTED;
        }
        jdbc.sql("UPDATE account_code SET attempts = attempts + 1 WHERE id = :id").param("id", code.id()).update();
        return Check.WRONG;
    }

    /** Six digits, with the spaces people type or paste removed; null if it is not a code at all. */
    static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String digits = typed.replaceAll("[\\s-]", "");
        return SIX_DIGITS.matcher(digits).matches() ? digits : null;
    }

    private static String digest(byte[] salt, long accountId, Purpose purpose, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update((accountId + ":" + purpose.code + ":" + code).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record LiveCode(long id, String hash, Instant expiresAt, int attempts, boolean used) {
    }
}
