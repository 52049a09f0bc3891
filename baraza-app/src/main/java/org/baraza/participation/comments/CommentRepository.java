package org.baraza.participation.comments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.baraza.participation.web.Pages;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Comments, their votes and moderation state, always of one municipality. */
@Repository
class CommentRepository {

    private static final String SELECT = """
        SELECT c.id, c.target_type, c.target_id, c.parent_id, c.depth, c.author_account_id, c.anonymous, c.body,
               c.created_at, c.edited_at, mc.status AS moderation, mc.reason AS hidden_reason,
               (SELECT count(*) FROM comment_vote v WHERE v.comment_id = c.id AND v.vote = 1) AS up,
               (SELECT count(*) FROM comment_vote v WHERE v.comment_id = c.id AND v.vote = -1) AS down
        FROM comment c
        LEFT JOIN moderation_case mc ON mc.organization_id = c.organization_id AND mc.content_type = 'comment'
             AND mc.content_id = c.id AND mc.status IN ('pending', 'hidden')
        """;

    /** The longest thread shown in full on a page; the API pages through any length. */
    static final int THREAD_LIMIT = 500;

    private final JdbcClient jdbc;

    CommentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Comment> find(OrganizationId organization, long id) {
        return jdbc.sql(SELECT + " WHERE c.organization_id = :org AND c.id = :id")
            .param("org", organization.value()).param("id", id).query(CommentRepository::comment).optional();
    }

    List<Comment> thread(OrganizationId organization, CommentTarget target) {
        return jdbc.sql(SELECT + """
                 WHERE c.organization_id = :org AND c.target_type = :type AND c.target_id = :id
                 ORDER BY c.created_at, c.id LIMIT :limit""")
            .param("org", organization.value()).param("type", target.type().code()).param("id", target.id())
            .param("limit", THREAD_LIMIT).query(CommentRepository::comment).list();
    }

    /** A page of the comments shown publicly (hidden ones left out), oldest first. */
    Pages<Comment> visible(OrganizationId organization, CommentTarget target, int page, int size) {
        String where = """
             WHERE c.organization_id = :org AND c.target_type = :type AND c.target_id = :id AND mc.status IS NULL""";
        long total = jdbc.sql("SELECT count(*) FROM (" + SELECT + where + ") AS shown")
            .param("org", organization.value()).param("type", target.type().code()).param("id", target.id())
            .query(Long.class).single();
        List<Comment> items = jdbc.sql(SELECT + where + " ORDER BY c.created_at, c.id LIMIT :size OFFSET :offset")
            .param("org", organization.value()).param("type", target.type().code()).param("id", target.id())
            .param("size", size).param("offset", Pages.offset(page, size)).query(CommentRepository::comment).list();
        return new Pages<>(items, page, size, total);
    }

    long insert(OrganizationId organization, CommentTarget target, Long parentId, int depth, long author, boolean anonymous,
                String body, Instant now) {
        return jdbc.sql("""
                INSERT INTO comment (organization_id, target_type, target_id, parent_id, depth, author_account_id,
                                     anonymous, body, created_at)
                VALUES (:org, :type, :id, :parent, :depth, :author, :anonymous, :body, :now) RETURNING id""")
            .param("org", organization.value()).param("type", target.type().code()).param("id", target.id())
            .param("parent", parentId, java.sql.Types.BIGINT).param("depth", depth).param("author", author)
            .param("anonymous", anonymous).param("body", body).param("now", Timestamp.from(now))
            .query(Long.class).single();
    }

    void edit(OrganizationId organization, long id, String body, Instant now) {
        jdbc.sql("UPDATE comment SET body = :body, edited_at = :now WHERE organization_id = :org AND id = :id")
            .param("org", organization.value()).param("id", id).param("body", body).param("now", Timestamp.from(now))
            .update();
    }

    /** Sets the person's vote (a second vote replaces the first; the primary key keeps one). */
    void vote(OrganizationId organization, long id, long account, int vote, Instant now) {
        jdbc.sql("""
                INSERT INTO comment_vote (organization_id, comment_id, account_id, vote, given_at)
                VALUES (:org, :id, :account, :vote, :now)
                ON CONFLICT (comment_id, account_id) DO UPDATE SET vote = excluded.vote, given_at = excluded.given_at""")
            .param("org", organization.value()).param("id", id).param("account", account).param("vote", vote)
            .param("now", Timestamp.from(now)).update();
    }

    private static Comment comment(ResultSet rs, int n) throws SQLException {
        Timestamp edited = rs.getTimestamp("edited_at");
        Long parent = rs.getObject("parent_id") == null ? null : rs.getLong("parent_id");
        return new Comment(rs.getLong("id"),
            CommentTarget.of(rs.getString("target_type"), rs.getLong("target_id")).orElseThrow(),
            parent, rs.getInt("depth"), rs.getLong("author_account_id"), rs.getBoolean("anonymous"),
            rs.getString("body"), rs.getTimestamp("created_at").toInstant(), edited == null ? null : edited.toInstant(),
            rs.getString("moderation"), rs.getString("hidden_reason"), rs.getInt("up"), rs.getInt("down"));
    }
}
