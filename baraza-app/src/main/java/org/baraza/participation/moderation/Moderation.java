package org.baraza.participation.moderation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baraza.participation.ProposalId;
import org.baraza.participation.Proposals;
import org.baraza.platform.AccountSuspensions;
import org.baraza.platform.AuditTrail;
import org.baraza.platform.OrganizationId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flags on debates, comments and proposals, the moderation queue, moderators' decisions and account blocks. A contribution with enough flags
 * ({@code flagsToHide}, 3 unless set) is hidden pending review, so a pile-on of abuse disappears before a
 * moderator is awake; a moderator then hides it for good, with a public reason, or restores it, after which
 * flags alone no longer hide it. Every moderator step is audited.
 */
@Service
public class Moderation {

    /** One entry of the queue: a flagged or decided contribution, with what the moderator needs to judge it. */
    public record Case(ModeratedContent type, long contentId, String status, String reason, int flags,
                       String excerpt, String path, Long authorAccountId, Instant openedAt) {
    }

    /** A contribution's author (null for a former resident's proposal) and where it is shown; empty if there is no such contribution here. */
    record Content(Long authorAccountId, String excerpt, String path) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final AccountSuspensions suspensions;
    private final Proposals proposals;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int flagsToHide;

    Moderation(JdbcClient jdbc, AuditTrail audit, AccountSuspensions suspensions, Proposals proposals,
               ApplicationEventPublisher events, Clock clock,
               @Value("${baraza.moderation.flags-to-hide:3}") int flagsToHide) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.suspensions = suspensions;
        this.proposals = proposals;
        this.events = events;
        this.clock = clock;
        this.flagsToHide = Math.max(1, flagsToHide);
    }

    public boolean isBlocked(OrganizationId organization, long accountId) {
        return jdbc.sql("SELECT count(*) FROM account_block WHERE organization_id = :org AND account_id = :account")
            .param("org", organization.value()).param("account", accountId).query(Long.class).single() > 0;
    }

    Optional<Content> content(OrganizationId organization, ModeratedContent type, long id) {
        String sql = switch (type) {
            case DEBATE -> """
                SELECT author_account_id, title AS excerpt, '/debates/' || id AS path
                FROM debate WHERE organization_id = :org AND id = :id""";
            case COMMENT -> """
                SELECT c.author_account_id, left(c.body, 200) AS excerpt,
                       CASE c.target_type WHEN 'debate' THEN '/debates/' || c.target_id
                                          WHEN 'consultation' THEN '/consultations/' || c.target_id
                                          ELSE '/comments/' || c.id END || '#comment-' || c.id AS path
                FROM comment c WHERE c.organization_id = :org AND c.id = :id""";
            case PROPOSAL -> """
                SELECT author_account_id, title AS excerpt, '/processes/' || process_id || '/proposals/' || id AS path
                FROM proposal WHERE organization_id = :org AND id = :id""";
        };
        return jdbc.sql(sql).param("org", organization.value()).param("id", id)
            .query((rs, n) -> new Content((Long) rs.getObject(1), rs.getString(2), rs.getString(3))).optional();
    }

    /**
     * A resident flags a contribution (again: nothing changes). Enough flags hide it pending review, unless a
     * moderator already reviewed it.
     *
     * @return false if there is no such contribution in this municipality
     */
    @Transactional
    public boolean flag(OrganizationId organization, ModeratedContent type, long id, long accountId, FlagReason reason,
                        String note) {
        if (content(organization, type, id).isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO content_flag (organization_id, content_type, content_id, account_id, reason, note, flagged_at)
                VALUES (:org, :type, :id, :account, :reason, :note, :now) ON CONFLICT DO NOTHING""")
            .param("org", organization.value()).param("type", type.code()).param("id", id).param("account", accountId)
            .param("reason", reason.code()).param("note", note).param("now", Timestamp.from(now)).update();
        long flags = flags(organization, type, id);
        if (flags >= flagsToHide) {
            int opened = jdbc.sql("""
                    INSERT INTO moderation_case (organization_id, content_type, content_id, status, opened_at)
                    VALUES (:org, :type, :id, 'pending', :now) ON CONFLICT DO NOTHING""")
                .param("org", organization.value()).param("type", type.code()).param("id", id)
                .param("now", Timestamp.from(now)).update();
            // debates and comments read their case when shown; a proposal carries its own hidden state,
            // which lists, search, the map and the API already respect
            if (opened == 1 && type == ModeratedContent.PROPOSAL) {
                proposals.holdForReview(organization, new ProposalId(id));
            }
        }
        return true;
    }

    private long flags(OrganizationId organization, ModeratedContent type, long id) {
        return jdbc.sql("SELECT count(*) FROM content_flag WHERE organization_id = :org AND content_type = :type AND content_id = :id")
            .param("org", organization.value()).param("type", type.code()).param("id", id).query(Long.class).single();
    }

    /** A moderator hides a contribution; {@code reason} is shown publicly in its place. @return false if unknown */
    @Transactional
    public boolean hide(OrganizationId organization, ModeratedContent type, long id, long moderatorAccountId, String reason) {
        return decide(organization, type, id, moderatorAccountId, "hidden", reason);
    }

    /** A moderator shows a contribution again; flags alone will not hide it any more. @return false if unknown */
    @Transactional
    public boolean restore(OrganizationId organization, ModeratedContent type, long id, long moderatorAccountId) {
        return decide(organization, type, id, moderatorAccountId, "restored", null);
    }

    private boolean decide(OrganizationId organization, ModeratedContent type, long id, long moderator, String status,
                           String reason) {
        Optional<Content> content = content(organization, type, id);
        if (content.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO moderation_case (organization_id, content_type, content_id, status, reason, opened_at, decided_at, decided_by)
                VALUES (:org, :type, :id, :status, :reason, :now, :now, :moderator)
                ON CONFLICT (organization_id, content_type, content_id)
                DO UPDATE SET status = excluded.status, reason = excluded.reason, decided_at = excluded.decided_at,
                              decided_by = excluded.decided_by""")
            .param("org", organization.value()).param("type", type.code()).param("id", id).param("status", status)
            .param("reason", reason).param("now", Timestamp.from(now)).param("moderator", moderator).update();
        if (type == ModeratedContent.PROPOSAL) {
            if ("hidden".equals(status)) {
                proposals.hide(organization, new ProposalId(id), moderator, reason);
            } else {
                proposals.restore(organization, new ProposalId(id), moderator);
            }
        }
        // the reason is public but free text: the audit entry names the decision and the content, not the words
        audit.record(organization, moderator, "moderation." + status, type.code() + ":" + id, Map.of());
        if (content.get().authorAccountId() != null) {
            events.publishEvent(new ModerationDecided(organization, type, id, content.get().authorAccountId(),
                "hidden".equals(status), reason, content.get().path()));
        }
        return true;
    }

    /**
     * A moderator blocks an account: it may not post, and the platform suspends it, so it cannot sign in and
     * its open sessions end. Audited (the block here, the suspension by the platform).
     */
    @Transactional
    public void block(OrganizationId organization, long accountId, long moderatorAccountId, String reason) {
        suspensions.suspend(organization, accountId, moderatorAccountId, reason);
        jdbc.sql("""
                INSERT INTO account_block (organization_id, account_id, reason, blocked_at, blocked_by)
                VALUES (:org, :account, :reason, :now, :moderator) ON CONFLICT DO NOTHING""")
            .param("org", organization.value()).param("account", accountId).param("reason", reason)
            .param("now", Timestamp.from(clock.instant())).param("moderator", moderatorAccountId).update();
        audit.record(organization, moderatorAccountId, "moderation.blocked", "account:" + accountId, Map.of());
    }

    /** A moderator lets a blocked account sign in and post again. Audited. */
    @Transactional
    public void unblock(OrganizationId organization, long accountId, long moderatorAccountId) {
        suspensions.lift(organization, accountId, moderatorAccountId);
        int removed = jdbc.sql("DELETE FROM account_block WHERE organization_id = :org AND account_id = :account")
            .param("org", organization.value()).param("account", accountId).update();
        if (removed > 0) {
            audit.record(organization, moderatorAccountId, "moderation.unblocked", "account:" + accountId, Map.of());
        }
    }

    /** The queue: contributions hidden pending review first, then other flagged ones, then recent decisions. */
    List<Case> queue(OrganizationId organization, int limit) {
        List<Case> cases = jdbc.sql("""
                SELECT * FROM (
                SELECT f.content_type, f.content_id, coalesce(mc.status, 'flagged') AS status, mc.reason,
                       count(*) AS flags, min(f.flagged_at) AS opened_at
                FROM content_flag f
                LEFT JOIN moderation_case mc ON mc.organization_id = f.organization_id
                     AND mc.content_type = f.content_type AND mc.content_id = f.content_id
                WHERE f.organization_id = :org
                GROUP BY f.content_type, f.content_id, mc.status, mc.reason
                UNION ALL
                SELECT mc.content_type, mc.content_id, mc.status, mc.reason, 0, mc.opened_at
                FROM moderation_case mc
                WHERE mc.organization_id = :org AND NOT EXISTS (SELECT 1 FROM content_flag f WHERE f.organization_id = mc.organization_id
                      AND f.content_type = mc.content_type AND f.content_id = mc.content_id)
                ) AS cases
                ORDER BY CASE status WHEN 'pending' THEN 0 WHEN 'flagged' THEN 1 ELSE 2 END, opened_at
                LIMIT :limit""")
            .param("org", organization.value()).param("limit", limit)
            .query((rs, n) -> new Case(ModeratedContent.parse(rs.getString(1)).orElseThrow(), rs.getLong(2),
                rs.getString(3), rs.getString(4), rs.getInt(5), null, null, null, rs.getTimestamp(6).toInstant()))
            .list();
        return cases.stream().map(c -> content(organization, c.type(), c.contentId())
                .map(content -> new Case(c.type(), c.contentId(), c.status(), c.reason(), c.flags(), content.excerpt(),
                    content.path(), content.authorAccountId(), c.openedAt()))
                .orElse(c))
            .toList();
    }

    List<Long> blocked(OrganizationId organization) {
        return jdbc.sql("SELECT account_id FROM account_block WHERE organization_id = :org ORDER BY blocked_at DESC LIMIT 200")
            .param("org", organization.value()).query(Long.class).list();
    }
}
