package org.baraza.participation.debates;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.baraza.participation.ProcessId;
import org.baraza.participation.web.Pages;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Debates and opinions, always of one municipality. */
@Repository
class DebateRepository {

    private static final String SELECT = """
        SELECT d.id, d.process_id, d.author_account_id, d.anonymous, d.title, d.body, d.created_at, d.edited_at,
               mc.status AS moderation, mc.reason AS hidden_reason,
               (SELECT count(*) FROM debate_opinion o WHERE o.debate_id = d.id AND o.opinion = 1) AS agree,
               (SELECT count(*) FROM debate_opinion o WHERE o.debate_id = d.id AND o.opinion = -1) AS disagree
        FROM debate d
        LEFT JOIN moderation_case mc ON mc.organization_id = d.organization_id AND mc.content_type = 'debate'
             AND mc.content_id = d.id AND mc.status IN ('pending', 'hidden')
        """;

    private final JdbcClient jdbc;

    DebateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Debate> find(OrganizationId organization, long id) {
        return jdbc.sql(SELECT + " WHERE d.organization_id = :org AND d.id = :id")
            .param("org", organization.value()).param("id", id).query(DebateRepository::debate).optional();
    }

    /** A page of the debates shown publicly (hidden ones left out), newest first; of one process if given. */
    Pages<Debate> list(OrganizationId organization, ProcessId process, int page, int size) {
        String where = " WHERE d.organization_id = :org AND mc.status IS NULL"
            + (process == null ? "" : " AND d.process_id = :process");
        var count = jdbc.sql("SELECT count(*) FROM debate d LEFT JOIN moderation_case mc ON mc.organization_id = d.organization_id"
                + " AND mc.content_type = 'debate' AND mc.content_id = d.id AND mc.status IN ('pending', 'hidden')" + where)
            .param("org", organization.value());
        var select = jdbc.sql(SELECT + where + " ORDER BY d.created_at DESC, d.id DESC LIMIT :size OFFSET :offset")
            .param("org", organization.value()).param("size", size).param("offset", Pages.offset(page, size));
        if (process != null) {
            count = count.param("process", process.value());
            select = select.param("process", process.value());
        }
        long total = count.query(Long.class).single();
        List<Debate> items = select.query(DebateRepository::debate).list();
        return new Pages<>(items, page, size, total);
    }

    long insert(OrganizationId organization, ProcessId process, long author, boolean anonymous, String title, String body,
                Instant now) {
        return jdbc.sql("""
                INSERT INTO debate (organization_id, process_id, author_account_id, anonymous, title, body, created_at)
                VALUES (:org, :process, :author, :anonymous, :title, :body, :now) RETURNING id""")
            .param("org", organization.value()).param("process", process == null ? null : process.value(), java.sql.Types.BIGINT)
            .param("author", author).param("anonymous", anonymous).param("title", title).param("body", body)
            .param("now", Timestamp.from(now)).query(Long.class).single();
    }

    void edit(OrganizationId organization, long id, String title, String body, Instant now) {
        jdbc.sql("UPDATE debate SET title = :title, body = :body, edited_at = :now WHERE organization_id = :org AND id = :id")
            .param("org", organization.value()).param("id", id).param("title", title).param("body", body)
            .param("now", Timestamp.from(now)).update();
    }

    /** Sets the person's opinion (a second one replaces the first: the primary key keeps one per person). */
    void giveOpinion(OrganizationId organization, long id, long account, int opinion, Instant now) {
        jdbc.sql("""
                INSERT INTO debate_opinion (organization_id, debate_id, account_id, opinion, given_at)
                VALUES (:org, :id, :account, :opinion, :now)
                ON CONFLICT (debate_id, account_id) DO UPDATE SET opinion = excluded.opinion, given_at = excluded.given_at""")
            .param("org", organization.value()).param("id", id).param("account", account).param("opinion", opinion)
            .param("now", Timestamp.from(now)).update();
    }

    void withdrawOpinion(OrganizationId organization, long id, long account) {
        jdbc.sql("DELETE FROM debate_opinion WHERE organization_id = :org AND debate_id = :id AND account_id = :account")
            .param("org", organization.value()).param("id", id).param("account", account).update();
    }

    /** The person's opinion: 1 agree, -1 disagree, 0 none. */
    int opinionOf(OrganizationId organization, long id, long account) {
        return jdbc.sql("SELECT opinion FROM debate_opinion WHERE organization_id = :org AND debate_id = :id AND account_id = :account")
            .param("org", organization.value()).param("id", id).param("account", account).query(Integer.class)
            .optional().orElse(0);
    }

    private static Debate debate(ResultSet rs, int n) throws SQLException {
        Timestamp edited = rs.getTimestamp("edited_at");
        Object process = rs.getObject("process_id");
        return new Debate(rs.getLong("id"), process == null ? null : new ProcessId(rs.getLong("process_id")),
            rs.getLong("author_account_id"), rs.getBoolean("anonymous"), rs.getString("title"), rs.getString("body"),
            rs.getTimestamp("created_at").toInstant(), edited == null ? null : edited.toInstant(), rs.getString("moderation"),
            rs.getString("hidden_reason"), rs.getInt("agree"), rs.getInt("disagree"));
    }
}
