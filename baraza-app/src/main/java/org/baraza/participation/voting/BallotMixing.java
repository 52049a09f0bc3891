package org.baraza.participation.voting;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Breaks the last physical links between the voter roll and the ballot box (docs/ballot-secrecy.md).
 * A ballot is written in the voter's transaction, so until it is moved its row shares that transaction's
 * id (xmin) with the voter's roll entry and sits in the table in the order people voted. While a
 * consultation is open, every batch of at least {@code mixBatch} new ballots is rewritten in random order
 * by one transaction of its own; once it has closed, the whole box is rewritten in random order and the
 * roll in account order ("sealed"), and both tables are vacuumed so the old row versions go.
 */
@Component
class BallotMixing {

    private static final Logger log = LoggerFactory.getLogger(BallotMixing.class);
    /** Advisory-lock namespace, so two nodes never mix the same box at once. */
    private static final int LOCK_NAMESPACE = 0x4d495845;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int mixBatch;

    BallotMixing(JdbcClient jdbc, TransactionTemplate transaction, Clock clock,
                 @Value("${baraza.participation.mix-batch:20}") int mixBatch) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.mixBatch = mixBatch;
    }

    @Scheduled(initialDelayString = "${baraza.participation.watch-delay:PT20S}",
        fixedDelayString = "${baraza.participation.mix-interval:PT1M}")
    void run() {
        for (long consultation : consultationsWithUnmixed(mixBatch)) {
            mix(consultation);
        }
        List<Long> toSeal = jdbc.sql("SELECT id FROM consultation WHERE closed_at IS NOT NULL AND sealed_at IS NULL ORDER BY closed_at")
            .query(Long.class).list();
        for (long consultation : toSeal) {
            seal(consultation);
        }
        if (!toSeal.isEmpty()) {
            long started = System.nanoTime();
            vacuum();
            log.info("ballot tables vacuumed in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }

    List<Long> consultationsWithUnmixed(int atLeast) {
        return jdbc.sql("SELECT consultation_id FROM ballot WHERE NOT mixed GROUP BY consultation_id HAVING count(*) >= :n")
            .param("n", atLeast).query(Long.class).list();
    }

    /** Rewrites the ballots not yet mixed in random order; @return how many */
    int mix(long consultation) {
        Integer moved = transaction.execute(status -> {
            if (!tryLock(consultation)) {
                return 0;
            }
            jdbc.sql("""
                    CREATE TEMP TABLE mixing_ballot ON COMMIT DROP AS
                    SELECT id, organization_id, consultation_id, receipt_hash FROM ballot WHERE consultation_id = :c AND NOT mixed""")
                .param("c", consultation).update();
            return rewrite();
        });
        return moved == null ? 0 : moved;
    }

    /** Rewrites the whole box in random order and the roll in account order, and marks the consultation sealed. */
    int seal(long consultation) {
        long started = System.nanoTime();
        Integer moved = transaction.execute(status -> {
            // sealing waits for a batch being mixed rather than skipping: it is the last rewrite
            jdbc.sql("SELECT pg_advisory_xact_lock(:ns, :c)").param("ns", LOCK_NAMESPACE).param("c", (int) consultation)
                .query(Object.class).single();
            jdbc.sql("""
                    CREATE TEMP TABLE mixing_ballot ON COMMIT DROP AS
                    SELECT id, organization_id, consultation_id, receipt_hash FROM ballot WHERE consultation_id = :c""")
                .param("c", consultation).update();
            int ballots = rewrite();
            jdbc.sql("CREATE TEMP TABLE sealing_roll ON COMMIT DROP AS SELECT * FROM voter_roll WHERE consultation_id = :c")
                .param("c", consultation).update();
            jdbc.sql("DELETE FROM voter_roll WHERE consultation_id = :c").param("c", consultation).update();
            jdbc.sql("INSERT INTO voter_roll SELECT * FROM sealing_roll ORDER BY account_id").update();
            jdbc.sql("UPDATE consultation SET sealed_at = :now WHERE id = :c AND closed_at IS NOT NULL")
                .param("now", Timestamp.from(clock.instant())).param("c", consultation).update();
            return ballots;
        });
        log.info("ballot box of consultation {} sealed: {} ballots rewritten in {} ms", consultation, moved,
            (System.nanoTime() - started) / 1_000_000);
        return moved == null ? 0 : moved;
    }

    /** Moves the ballots listed in mixing_ballot (and their choices) to new rows, written in the order of their random keys. */
    private int rewrite() {
        jdbc.sql("""
                CREATE TEMP TABLE mixing_choice ON COMMIT DROP AS
                SELECT c.ballot_id, c.organization_id, c.consultation_id, c.question_id, c.answer_id, c.rank
                FROM ballot_choice c JOIN mixing_ballot b ON b.id = c.ballot_id""").update();
        jdbc.sql("DELETE FROM ballot_choice WHERE ballot_id IN (SELECT id FROM mixing_ballot)").update();
        int ballots = jdbc.sql("DELETE FROM ballot WHERE id IN (SELECT id FROM mixing_ballot)").update();
        jdbc.sql("""
                INSERT INTO ballot (id, organization_id, consultation_id, receipt_hash, mixed)
                SELECT id, organization_id, consultation_id, receipt_hash, true FROM mixing_ballot ORDER BY id""").update();
        jdbc.sql("""
                INSERT INTO ballot_choice (ballot_id, organization_id, consultation_id, question_id, answer_id, rank)
                SELECT ballot_id, organization_id, consultation_id, question_id, answer_id, rank FROM mixing_choice
                ORDER BY ballot_id, question_id, rank""").update();
        return ballots;
    }

    private boolean tryLock(long consultation) {
        return Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(:ns, :c)")
            .param("ns", LOCK_NAMESPACE).param("c", (int) consultation).query(Boolean.class).single());
    }

    /** Removes the old row versions of moved ballots (VACUUM cannot run in a transaction, so each is a statement of its own). */
    void vacuum() {
        for (String table : List.of("ballot_choice", "ballot", "voter_roll")) {
            jdbc.sql("VACUUM " + table).update();
        }
    }
}
