package org.baraza.budgeting.results;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes an edition's results (once voting has closed) and withdraws them. Publishing records each heading's
 * winners as they stand (budget_heading_result) and the moment in budget_edition.results_published_at, in one
 * transaction with the audit entry. Withdrawing is allowed at any time, for a result published by mistake; it
 * too is audited, and the public page and API answer 404 again.
 */
@Service
public class PublishResults {

    /** Why publishing was refused: a message key of budget-results*.properties. */
    public enum Refusal {
        VOTING_NOT_CLOSED("budgetResults.admin.refused.votingOpen"),
        ALREADY_PUBLISHED("budgetResults.admin.refused.published"),
        NOT_PUBLISHED("budgetResults.admin.refused.notPublished"),
        NO_HEADINGS("budgetResults.admin.refused.noHeadings");

        private final String messageKey;

        Refusal(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final JdbcClient jdbc;
    private final ComputeResults results;
    private final EditionReader editions;
    private final VotingClosed votingClosed;
    private final org.baraza.platform.AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PublishResults(JdbcClient jdbc, ComputeResults results, EditionReader editions, VotingClosed votingClosed,
                   org.baraza.platform.AuditTrail audit, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.results = results;
        this.editions = editions;
        this.votingClosed = votingClosed;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    public Optional<Refusal> publish(Edition edition, long actorAccountId) {
        if (edition.published()) {
            return Optional.of(Refusal.ALREADY_PUBLISHED);
        }
        if (!votingClosed.of(edition)) {
            return Optional.of(Refusal.VOTING_NOT_CLOSED);
        }
        EditionResults computed = results.compute(edition);
        if (computed.headings().isEmpty()) {
            return Optional.of(Refusal.NO_HEADINGS);
        }
        // microseconds, as PostgreSQL keeps them, so the cached copy matches the edition read back later
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Boolean done = transaction.execute(status -> {
            int updated = jdbc.sql("""
                    UPDATE budget_edition SET results_published_at = :now, updated_at = :now
                    WHERE organization_id = :o AND id = :id AND results_published_at IS NULL""")
                .param("now", Timestamp.from(now)).param("o", edition.organization().value()).param("id", edition.id())
                .update();
            if (updated == 0) {
                return false;
            }
            for (HeadingResult heading : computed.headings()) {
                jdbc.sql("""
                        INSERT INTO budget_heading_result (organization_id, edition_id, heading_id, rule, tie_break, ballots,
                                                           selected, cost, published_at)
                        VALUES (:o, :e, :h, :rule, :tie, :ballots, CAST(:selected AS bigint[]), :cost, :now)""")
                    .param("o", edition.organization().value()).param("e", edition.id()).param("h", heading.heading().id())
                    .param("rule", heading.rule()).param("tie", heading.tieBreak()).param("ballots", heading.ballots())
                    .param("selected", heading.winners().stream().map(w -> w.project().id()).toArray(Long[]::new))
                    .param("cost", heading.spent()).param("now", Timestamp.from(now))
                    .update();
            }
            audit.record(edition.organization(), actorAccountId, "budget.results.published", "budget_edition:" + edition.id(),
                Map.of("headings", Integer.toString(computed.headings().size()), "rule", edition.rule()));
            return true;
        });
        if (!Boolean.TRUE.equals(done)) {
            return Optional.of(Refusal.ALREADY_PUBLISHED);
        }
        editions.edition(edition.organization(), edition.id()).ifPresent(published -> results.remember(
            new EditionResults(published, computed.headings(), computed.votersByChannel(), computed.computedAt(),
                computed.computeMillis())));
        return Optional.empty();
    }

    public Optional<Refusal> unpublish(Edition edition, long actorAccountId) {
        Boolean done = transaction.execute(status -> {
            int updated = jdbc.sql("""
                    UPDATE budget_edition SET results_published_at = NULL, updated_at = :now
                    WHERE organization_id = :o AND id = :id AND results_published_at IS NOT NULL""")
                .param("now", Timestamp.from(clock.instant())).param("o", edition.organization().value()).param("id", edition.id())
                .update();
            if (updated == 0) {
                return false;
            }
            jdbc.sql("DELETE FROM budget_heading_result WHERE organization_id = :o AND edition_id = :e")
                .param("o", edition.organization().value()).param("e", edition.id()).update();
            audit.record(edition.organization(), actorAccountId, "budget.results.unpublished", "budget_edition:" + edition.id(),
                Map.of());
            return true;
        });
        results.forget(edition.id());
        return Boolean.TRUE.equals(done) ? Optional.empty() : Optional.of(Refusal.NOT_PUBLISHED);
    }
}
