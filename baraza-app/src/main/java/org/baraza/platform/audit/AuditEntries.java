package org.baraza.platform.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads an audit chain page by page, newest first, for the audit log pages. */
@Repository
class AuditEntries {

    /** One entry as the pages show it. */
    record Entry(long id, Instant at, Long actorAccountId, String action, String target, String details) {
    }

    /** A page of entries; {@code olderThan} is the id to continue from, or null on the last page. */
    record Page(List<Entry> entries, Long olderThan) {
    }

    private final JdbcClient jdbc;

    AuditEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Entries of one chain (null = the platform's) older than {@code before} (null = the newest). */
    Page page(Long organization, Long before, int size) {
        List<Entry> entries = jdbc.sql("""
                SELECT id, at, actor_account_id, action, target, details FROM audit_entry
                WHERE organization_id IS NOT DISTINCT FROM :org AND id < :before
                ORDER BY id DESC LIMIT :limit""")
            .param("org", organization, java.sql.Types.BIGINT)
            .param("before", before == null ? Long.MAX_VALUE : before)
            .param("limit", size + 1)
            .query((rs, row) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                rs.getObject("actor_account_id", Long.class), rs.getString("action"), rs.getString("target"),
                rs.getString("details")))
            .list();
        if (entries.size() > size) {
            List<Entry> shown = entries.subList(0, size);
            return new Page(List.copyOf(shown), shown.get(size - 1).id());
        }
        return new Page(entries, null);
    }
}
