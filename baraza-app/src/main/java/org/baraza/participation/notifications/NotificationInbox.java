package org.baraza.participation.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each account's notifications, of one municipality. */
@Repository
class NotificationInbox {

    /** Notifications kept per page; older ones stay until the account is deleted. */
    static final int SHOWN = 50;

    private final JdbcClient jdbc;
    private final Clock clock;

    NotificationInbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void add(OrganizationId organization, long account, String kind, String detail, String path) {
        String shortDetail = detail == null ? "" : detail.length() > 300 ? detail.substring(0, 299) + "…" : detail;
        jdbc.sql("""
                INSERT INTO notification (organization_id, account_id, kind, detail, path, created_at)
                VALUES (:org, :account, :kind, :detail, :path, :now)""")
            .param("org", organization.value()).param("account", account).param("kind", kind).param("detail", shortDetail)
            .param("path", path).param("now", Timestamp.from(clock.instant())).update();
    }

    List<Notification> newest(OrganizationId organization, long account) {
        return jdbc.sql("""
                SELECT id, kind, detail, path, created_at, read_at IS NOT NULL AS read FROM notification
                WHERE organization_id = :org AND account_id = :account ORDER BY created_at DESC, id DESC LIMIT :limit""")
            .param("org", organization.value()).param("account", account).param("limit", SHOWN)
            .query((rs, n) -> new Notification(rs.getLong("id"), rs.getString("kind"), rs.getString("detail"),
                rs.getString("path"), rs.getTimestamp("created_at").toInstant(), rs.getBoolean("read")))
            .list();
    }

    long unread(OrganizationId organization, long account) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE organization_id = :org AND account_id = :account AND read_at IS NULL")
            .param("org", organization.value()).param("account", account).query(Long.class).single();
    }

    /** How the account wants notifications by e-mail: each, daily or none (each unless chosen). */
    String mailPreference(OrganizationId organization, long account) {
        return jdbc.sql("SELECT mail FROM notification_preference WHERE organization_id = :org AND account_id = :account")
            .param("org", organization.value()).param("account", account).query(String.class).optional().orElse("each");
    }

    void setMailPreference(OrganizationId organization, long account, String mail) {
        jdbc.sql("""
                INSERT INTO notification_preference (organization_id, account_id, mail, updated_at)
                VALUES (:org, :account, :mail, :now)
                ON CONFLICT (organization_id, account_id) DO UPDATE SET mail = excluded.mail, updated_at = excluded.updated_at""")
            .param("org", organization.value()).param("account", account).param("mail", mail)
            .param("now", Timestamp.from(clock.instant())).update();
    }

    void markAllRead(OrganizationId organization, long account) {
        jdbc.sql("UPDATE notification SET read_at = :now WHERE organization_id = :org AND account_id = :account AND read_at IS NULL")
            .param("org", organization.value()).param("account", account).param("now", Timestamp.from(clock.instant())).update();
    }

    /** Everyone who took part in a process's discussions: commented on anything of it or started a debate in it. */
    List<Long> participantsOf(OrganizationId organization, long process) {
        return jdbc.sql("""
                SELECT author_account_id FROM debate WHERE organization_id = :org AND process_id = :process
                UNION
                SELECT c.author_account_id FROM comment c
                WHERE c.organization_id = :org AND (
                      (c.target_type = 'debate' AND c.target_id IN (SELECT id FROM debate WHERE organization_id = :org AND process_id = :process))
                   OR (c.target_type = 'proposal' AND c.target_id IN (SELECT id FROM proposal WHERE organization_id = :org AND process_id = :process))
                   OR (c.target_type = 'consultation' AND c.target_id IN (SELECT id FROM consultation WHERE organization_id = :org AND process_id = :process)))""")
            .param("org", organization.value()).param("process", process).query(Long.class).list();
    }
}
