package org.baraza.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.baraza.platform.AuditTrail;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log as a hash chain per municipality. Appends are serialised per chain with a
 * transaction-scoped advisory lock, so concurrent staff actions still form one unbroken chain.
 */
@Component
class HashChainedAuditTrail implements AuditTrail {

    static final String GENESIS = "0".repeat(64);
    /** Advisory-lock namespace, so the audit lock never collides with another module's. */
    private static final int LOCK_NAMESPACE = 0x41554454;

    private final JdbcClient jdbc;
    private final Clock clock;

    HashChainedAuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(OrganizationId organization, long actorAccountId, String action, String target,
                       Map<String, String> details) {
        Long org = organization == null ? null : organization.value();
        jdbc.sql("SELECT pg_advisory_xact_lock(:namespace, :chain)")
            .param("namespace", LOCK_NAMESPACE).param("chain", org == null ? 0 : org.intValue())
            .query(Object.class).single();
        String previous = jdbc.sql("""
                SELECT hash FROM audit_entry WHERE organization_id IS NOT DISTINCT FROM :org ORDER BY id DESC LIMIT 1""")
            .param("org", org, java.sql.Types.BIGINT)
            .query(String.class).optional().orElse(GENESIS);
        long id = jdbc.sql("SELECT nextval('audit_entry_id_seq')").query(Long.class).single();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String detailsJson = json(details);
        String safeTarget = target == null ? "" : target;
        String hash = hash(previous, id, org, actorAccountId, action, safeTarget, detailsJson, at);
        jdbc.sql("""
                INSERT INTO audit_entry (id, organization_id, actor_account_id, action, target, details, at, previous_hash, hash)
                VALUES (:id, :org, :actor, :action, :target, :details, :at, :previous, :hash)""")
            .param("id", id).param("org", org, java.sql.Types.BIGINT).param("actor", actorAccountId)
            .param("action", action).param("target", safeTarget).param("details", detailsJson)
            .param("at", java.sql.Timestamp.from(at)).param("previous", previous).param("hash", hash)
            .update();
    }

    /** SHA-256 over the previous hash and every field, each length-prefixed so no two entries can collide by shifting text. */
    static String hash(String previous, long id, Long organization, Long actor, String action, String target,
                       String details, Instant at) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {previous, Long.toString(id), String.valueOf(organization), String.valueOf(actor),
                action, target, details, at.toString()}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A flat JSON object with keys sorted, so the same details always hash the same. */
    static String json(Map<String, String> details) {
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, String> entry : new TreeMap<>(details == null ? Map.<String, String>of() : details).entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(out, entry.getKey());
            out.append(':');
            quote(out, entry.getValue());
        }
        return out.append('}').toString();
    }

    private static void quote(StringBuilder out, String value) {
        out.append('"');
        for (char c : String.valueOf(value).toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
