package org.baraza.budgeting.ballots;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.baraza.platform.OrganizationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Breaks the physical links between the budget voter roll and the ballot box, as consultations' mixing
 * does (docs/ballot-secrecy.md). A ballot is written in its voter's transaction (a replacing ballot in the
 * transaction that moves the voter's change key), so until it is moved its row shares that transaction's
 * id (xmin) with the roll row and lies in the table in voting order. While voting, every batch of at least
 * {@code mixBatch} unmixed ballots is rewritten in random order by a transaction of its own; once voting has
 * closed, the whole box is rewritten in random order and the roll in account order ("sealed").
 * Replacements take this lock shared, mixing takes it exclusively, so a replacement never looks for a
 * ballot that is being moved.
 */
@Component
class BudgetBallotMixing {

    /** Advisory-lock namespace of budget boxes: (namespace, edition). */
    static final int LOCK_NAMESPACE = 0x42424d58;

    private static final Logger log = LoggerFactory.getLogger(BudgetBallotMixing.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final BallotEditions editions;
    private final CastBudgetBallot cast;
    private final Clock clock;
    private final int mixBatch;

    BudgetBallotMixing(JdbcClient jdbc, TransactionTemplate transaction, BallotEditions editions, CastBudgetBallot cast, Clock clock,
                       @Value("${baraza.budgeting.mix-batch:20}") int mixBatch) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.editions = editions;
        this.cast = cast;
        this.clock = clock;
        this.mixBatch = mixBatch;
    }

    @Scheduled(initialDelayString = "${baraza.participation.watch-delay:PT20S}",
        fixedDelayString = "${baraza.participation.mix-interval:PT1M}")
    void run() {
        List<long[]> withUnmixed = jdbc.sql("""
                SELECT edition_id, min(organization_id) FROM budget_ballot WHERE NOT mixed GROUP BY edition_id HAVING count(*) >= :n""")
            .param("n", mixBatch).query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        for (long[] edition : withUnmixed) {
            mix(edition[0]);
        }
        List<long[]> unsealed = jdbc.sql("""
                SELECT e.id, e.organization_id FROM budget_edition e
                WHERE NOT EXISTS (SELECT 1 FROM budget_ballot_seal s WHERE s.edition_id = e.id)
                  AND EXISTS (SELECT 1 FROM budget_voter_roll r WHERE r.edition_id = e.id)""")
            .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        for (long[] id : unsealed) {
            editions.find(new OrganizationId(id[1]), id[0]).filter(cast::votingClosed).ifPresent(edition -> seal(edition.id()));
        }
    }

    /** Rewrites the unmixed ballots of an edition in random order; @return how many (0 if another mixer or a replacement holds the box) */
    int mix(long edition) {
        Integer moved = transaction.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(:ns, :e)").param("ns", LOCK_NAMESPACE)
                .param("e", (int) edition).query(Boolean.class).single())) {
                return 0;
            }
            jdbc.sql("""
                    CREATE TEMP TABLE mixing_budget_ballot ON COMMIT DROP AS
                    SELECT id, organization_id, edition_id, receipt_hash FROM budget_ballot WHERE edition_id = :e AND NOT mixed""")
                .param("e", edition).update();
            return rewrite();
        });
        return moved == null ? 0 : moved;
    }

    /** Rewrites the whole box in random order and the roll in account order, once voting has closed. */
    int seal(long edition) {
        long started = System.nanoTime();
        Integer moved = transaction.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:ns, :e)").param("ns", LOCK_NAMESPACE).param("e", (int) edition)
                .query(Object.class).list();
            jdbc.sql("""
                    CREATE TEMP TABLE mixing_budget_ballot ON COMMIT DROP AS
                    SELECT id, organization_id, edition_id, receipt_hash FROM budget_ballot WHERE edition_id = :e""")
                .param("e", edition).update();
            int ballots = rewrite();
            jdbc.sql("CREATE TEMP TABLE sealing_budget_roll ON COMMIT DROP AS SELECT * FROM budget_voter_roll WHERE edition_id = :e")
                .param("e", edition).update();
            jdbc.sql("DELETE FROM budget_voter_roll WHERE edition_id = :e").param("e", edition).update();
            jdbc.sql("INSERT INTO budget_voter_roll SELECT * FROM sealing_budget_roll ORDER BY account_id").update();
            jdbc.sql("""
                    INSERT INTO budget_ballot_seal (edition_id, organization_id, sealed_at)
                    SELECT id, organization_id, :now FROM budget_edition WHERE id = :e ON CONFLICT (edition_id) DO NOTHING""")
                .param("now", Timestamp.from(clock.instant())).param("e", edition).update();
            return ballots;
        });
        log.info("budget ballot box of edition {} sealed: {} ballots rewritten in {} ms", edition, moved,
            (System.nanoTime() - started) / 1_000_000);
        return moved == null ? 0 : moved;
    }

    /** Moves the ballots listed in mixing_budget_ballot, with their headings and choices, to new rows in the order of their random keys. */
    private int rewrite() {
        jdbc.sql("""
                CREATE TEMP TABLE mixing_budget_heading ON COMMIT DROP AS
                SELECT h.* FROM budget_ballot_heading h JOIN mixing_budget_ballot b ON b.id = h.ballot_id""").update();
        jdbc.sql("""
                CREATE TEMP TABLE mixing_budget_choice ON COMMIT DROP AS
                SELECT c.* FROM budget_ballot_choice c JOIN mixing_budget_ballot b ON b.id = c.ballot_id""").update();
        // headings and choices go with their ballot (ON DELETE CASCADE)
        int ballots = jdbc.sql("DELETE FROM budget_ballot WHERE id IN (SELECT id FROM mixing_budget_ballot)").update();
        jdbc.sql("""
                INSERT INTO budget_ballot (id, organization_id, edition_id, receipt_hash, mixed)
                SELECT id, organization_id, edition_id, receipt_hash, true FROM mixing_budget_ballot ORDER BY id""").update();
        jdbc.sql("INSERT INTO budget_ballot_heading SELECT * FROM mixing_budget_heading ORDER BY ballot_id, heading_id").update();
        jdbc.sql("INSERT INTO budget_ballot_choice SELECT * FROM mixing_budget_choice ORDER BY ballot_id, project_id").update();
        return ballots;
    }
}
