package org.baraza.platform.audit;

import java.util.List;
import java.util.UUID;
import java.util.Map;
import org.baraza.platform.AuditTrail;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Audit chains for tests: each test gets a municipality of its own, so its chain is its alone; and
 * the tampering a test does is undone, so the database's chains end intact for the tests that follow.
 */
final class TestChains {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    TestChains(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    OrganizationId municipality() {
        String slug = "audit-" + UUID.randomUUID().toString().substring(0, 12);
        return new OrganizationId(jdbc.sql("""
                INSERT INTO organization (slug, name, default_language, enabled_languages, time_zone)
                VALUES (:slug, :slug, 'en', '{en}', 'UTC') RETURNING id""")
            .param("slug", slug).query(Long.class).single());
    }

    /** Appends {@code count} entries and returns their ids in order. */
    List<Long> append(OrganizationId organization, int count) {
        for (int i = 0; i < count; i++) {
            audit.record(organization, 1000 + i, "test.action", "thing:" + i, Map.of("n", Integer.toString(i)));
        }
        return ids(organization);
    }

    List<Long> ids(OrganizationId organization) {
        return jdbc.sql("SELECT id FROM audit_entry WHERE organization_id = :org ORDER BY id")
            .param("org", organization.value()).query(Long.class).list();
    }

    /**
     * Runs SQL as the database superuser with the append-only trigger disabled, as someone with direct
     * access to the database could. The embedded PostgreSQL's user is its superuser.
     */
    void tamper(String sql, Map<String, Object> parameters) {
        jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only").update();
        try {
            JdbcClient.StatementSpec statement = jdbc.sql(sql);
            parameters.forEach(statement::param);
            statement.update();
        } finally {
            jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only").update();
        }
    }

    Map<String, Object> entry(long id) {
        return jdbc.sql("SELECT * FROM audit_entry WHERE id = :id").param("id", id).query().singleRow();
    }
}
