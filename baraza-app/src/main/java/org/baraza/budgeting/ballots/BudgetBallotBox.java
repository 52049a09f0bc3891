package org.baraza.budgeting.ballots;

import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The budget voter roll and ballot box (V2026_11_23_2210), written together in the caller's transaction.
 * The roll's primary key (edition, account) lets exactly one of any number of concurrent attempts by one
 * person through, and only that one puts a ballot in the box, in the same statement. A ballot row gets a
 * random key, the receipt's hash and the choices: no account, no time, no channel, no sequence.
 */
@Repository
class BudgetBallotBox {

    /** Who goes on the roll, how, and for booth and paper votes where and by whom. */
    record Voter(long accountId, Channel channel, LocalDate day, String districtCode, String booth, Long officerAccountId) {
    }

    private final JdbcClient jdbc;

    BudgetBallotBox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes a share lock on the edition until the transaction ends (an admin's change to the edition waits
     * for ballots being cast) and makes this transaction's commit synchronous whatever the server's default,
     * so an acknowledged ballot survives a crash. @return whether results are published; empty if no such edition
     */
    Optional<Boolean> lockForVoting(OrganizationId organization, long edition) {
        return jdbc.sql("""
                SELECT set_config('synchronous_commit', 'on', true), results_published_at IS NOT NULL AS published
                FROM budget_edition WHERE organization_id = :org AND id = :id FOR SHARE""")
            .param("org", organization.value()).param("id", edition)
            .query((rs, row) -> rs.getBoolean("published")).optional();
    }

    /**
     * Puts the voter on the roll and, if they were not on it already, the ballot in the box.
     *
     * @param changeKey the online voter's key to replace their ballot later; null at a booth
     * @return false if the voter was on the roll already: nothing was written
     */
    boolean enrolAndDeposit(OrganizationId organization, long edition, Voter voter, byte[] receiptHash, byte[] changeKey,
                            BudgetBallot ballot) {
        return jdbc.sql("""
                WITH roll AS (
                    INSERT INTO budget_voter_roll (organization_id, edition_id, account_id, channel, voted_on, district_code,
                                                   booth, officer_account_id, change_key)
                    VALUES (:org, :edition, :account, :channel, :day, :district, :booth, :officer, :changeKey)
                    ON CONFLICT (edition_id, account_id) DO NOTHING
                    RETURNING 1
                ), box AS (
                    INSERT INTO budget_ballot (organization_id, edition_id, receipt_hash)
                    SELECT :org, :edition, :receipt FROM roll
                    RETURNING id
                ), headings AS (
                    -- each heading's choices as the trigger on budget_ballot_choice orders them (it checks and, were
                    -- they different, corrects them): written here, the heading row needs no second version
                    INSERT INTO budget_ballot_heading (ballot_id, organization_id, edition_id, heading_id, choices, points)
                    SELECT box.id, :org, :edition, h.heading, coalesce(s.choices, '{}'), coalesce(s.points, '{}')
                    FROM box CROSS JOIN unnest(:headings::bigint[]) AS h(heading)
                    CROSS JOIN LATERAL (
                        SELECT array_agg(c.project ORDER BY c.rank, c.project) AS choices,
                               array_agg(c.points ORDER BY c.rank, c.project) AS points
                        FROM unnest(:choiceHeadings::bigint[], :projects::bigint[], :points::int[], :ranks::smallint[])
                             AS c(heading, project, points, rank)
                        WHERE c.heading = h.heading) AS s
                    RETURNING 1
                ), choices AS (
                    INSERT INTO budget_ballot_choice (ballot_id, organization_id, edition_id, heading_id, project_id, points, rank)
                    SELECT box.id, :org, :edition, c.heading, c.project, c.points, c.rank
                    FROM box, unnest(:choiceHeadings::bigint[], :projects::bigint[], :points::int[], :ranks::smallint[])
                         AS c(heading, project, points, rank)
                    RETURNING 1
                )
                SELECT (SELECT count(*) FROM roll) + 0 * (SELECT count(*) FROM headings) + 0 * (SELECT count(*) FROM choices)""")
            .param("org", organization.value()).param("edition", edition)
            .param("account", voter.accountId()).param("channel", voter.channel().name()).param("day", voter.day())
            .param("district", voter.districtCode(), Types.VARCHAR).param("booth", voter.booth(), Types.VARCHAR)
            .param("officer", voter.officerAccountId(), Types.BIGINT)
            .param("changeKey", changeKey, Types.BINARY)
            .param("receipt", receiptHash, Types.BINARY)
            .param("headings", array(ballot.headings()))
            .param("choiceHeadings", array(ballot.choices().stream().map(c -> (Object) c.headingId()).toList()))
            .param("projects", array(ballot.choices().stream().map(c -> (Object) c.projectId()).toList()))
            .param("points", array(ballot.choices().stream().map(c -> (Object) c.points()).toList()))
            .param("ranks", array(ballot.choices().stream().map(c -> (Object) c.rank()).toList()))
            .query(Long.class).single() == 1;
    }

    /** Marks a person as voting on paper: on the roll, no ballot (their sheet is entered after closing, unlinked). */
    boolean enrolForPaper(OrganizationId organization, long edition, Voter voter) {
        return jdbc.sql("""
                INSERT INTO budget_voter_roll (organization_id, edition_id, account_id, channel, voted_on, district_code, booth,
                                               officer_account_id)
                VALUES (:org, :edition, :account, 'PAPER', :day, :district, :booth, :officer)
                ON CONFLICT (edition_id, account_id) DO NOTHING""")
            .param("org", organization.value()).param("edition", edition)
            .param("account", voter.accountId()).param("day", voter.day())
            .param("district", voter.districtCode(), Types.VARCHAR).param("booth", voter.booth())
            .param("officer", voter.officerAccountId())
            .update() == 1;
    }

    /** Keeps the mixer off this edition's box until the transaction ends (BudgetBallotMixing takes the lock exclusively). */
    void holdAgainstMixing(long edition) {
        jdbc.sql("SELECT pg_advisory_xact_lock_shared(:ns, :e)").param("ns", BudgetBallotMixing.LOCK_NAMESPACE)
            .param("e", (int) edition).query(Object.class).list();
    }

    /**
     * Moves the online voter's key to the new receipt if {@code oldKey} is theirs. Under the row lock this
     * takes, a second replace with the same old receipt waits, then finds the key changed and does nothing.
     */
    boolean rekey(long edition, long accountId, byte[] oldKey, byte[] newKey) {
        return jdbc.sql("""
                UPDATE budget_voter_roll SET change_key = :newKey
                WHERE edition_id = :edition AND account_id = :account AND channel = 'ONLINE' AND change_key = :oldKey""")
            .param("edition", edition).param("account", accountId).param("oldKey", oldKey).param("newKey", newKey)
            .update() == 1;
    }

    /** Takes the ballot of this receipt hash out of the box; @return how many ballots went (0 or 1) */
    int withdraw(long edition, byte[] receiptHash) {
        return jdbc.sql("DELETE FROM budget_ballot WHERE edition_id = :edition AND receipt_hash = :hash")
            .param("edition", edition).param("hash", receiptHash).update();
    }

    /** Puts a ballot in the box with no roll entry: a replacing ballot, or a paper sheet (receipt null). */
    void deposit(OrganizationId organization, long edition, byte[] receiptHash, BudgetBallot ballot) {
        depositAll(organization, edition, receiptHash == null ? null : List.of(receiptHash), List.of(ballot));
    }

    /**
     * Puts many ballots in the box in a few statements (paper imports, demo data). Keys are random
     * (version 4 UUIDs from a secure generator), so their order says nothing of the order of entry.
     *
     * @param receiptHashes one per ballot, or null for ballots without a receipt (paper sheets)
     */
    void depositAll(OrganizationId organization, long edition, List<byte[]> receiptHashes, List<BudgetBallot> ballots) {
        List<Object> ids = new ArrayList<>();
        List<Object> headingBallots = new ArrayList<>();
        List<Object> headings = new ArrayList<>();
        List<Object> choiceBallots = new ArrayList<>();
        List<Object> choiceHeadings = new ArrayList<>();
        List<Object> projects = new ArrayList<>();
        List<Object> points = new ArrayList<>();
        List<Object> ranks = new ArrayList<>();
        for (BudgetBallot ballot : ballots) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            for (long heading : ballot.headings()) {
                headingBallots.add(id);
                headings.add(heading);
            }
            for (BudgetBallot.Choice choice : ballot.choices()) {
                choiceBallots.add(id);
                choiceHeadings.add(choice.headingId());
                projects.add(choice.projectId());
                points.add(choice.points());
                ranks.add(choice.rank());
            }
        }
        if (receiptHashes == null) {
            jdbc.sql("""
                    INSERT INTO budget_ballot (id, organization_id, edition_id)
                    SELECT b, :org, :edition FROM unnest(:ids::uuid[]) AS b""")
                .param("org", organization.value()).param("edition", edition).param("ids", array(ids)).update();
        } else {
            jdbc.sql("""
                    INSERT INTO budget_ballot (id, organization_id, edition_id, receipt_hash)
                    SELECT b.id, :org, :edition, decode(b.hash, 'hex') FROM unnest(:ids::uuid[], :hashes::text[]) AS b(id, hash)""")
                .param("org", organization.value()).param("edition", edition).param("ids", array(ids))
                .param("hashes", array(receiptHashes.stream().map(hash -> (Object) java.util.HexFormat.of().formatHex(hash)).toList()))
                .update();
        }
        jdbc.sql("""
                INSERT INTO budget_ballot_heading (ballot_id, organization_id, edition_id, heading_id)
                SELECT h.ballot, :org, :edition, h.heading FROM unnest(:ballots::uuid[], :headings::bigint[]) AS h(ballot, heading)""")
            .param("org", organization.value()).param("edition", edition)
            .param("ballots", array(headingBallots)).param("headings", array(headings)).update();
        jdbc.sql("""
                INSERT INTO budget_ballot_choice (ballot_id, organization_id, edition_id, heading_id, project_id, points, rank)
                SELECT c.ballot, :org, :edition, c.heading, c.project, c.points, c.rank
                FROM unnest(:ballots::uuid[], :headings::bigint[], :projects::bigint[], :points::int[], :ranks::smallint[])
                     AS c(ballot, heading, project, points, rank)""")
            .param("org", organization.value()).param("edition", edition)
            .param("ballots", array(choiceBallots)).param("headings", array(choiceHeadings)).param("projects", array(projects))
            .param("points", array(points)).param("ranks", array(ranks)).update();
    }

    Optional<Channel> channelOf(long edition, long accountId) {
        return jdbc.sql("SELECT channel FROM budget_voter_roll WHERE edition_id = :e AND account_id = :a")
            .param("e", edition).param("a", accountId)
            .query((rs, row) -> Channel.valueOf(rs.getString("channel"))).optional();
    }

    /** Receipt hashes of an edition in hash order (which says nothing of when a ballot was cast). */
    List<byte[]> receipts(long edition, int limit, long offset) {
        return jdbc.sql("""
                SELECT receipt_hash FROM budget_ballot WHERE edition_id = :e AND receipt_hash IS NOT NULL
                ORDER BY receipt_hash LIMIT :limit OFFSET :offset""")
            .param("e", edition).param("limit", limit).param("offset", offset)
            .query((rs, row) -> rs.getBytes(1)).list();
    }

    long receiptCount(long edition) {
        return jdbc.sql("SELECT count(*) FROM budget_ballot WHERE edition_id = :e AND receipt_hash IS NOT NULL")
            .param("e", edition).query(Long.class).single();
    }

    /** Paper sheets entered (ballots without a receipt). */
    long paperSheets(long edition) {
        return jdbc.sql("SELECT count(*) FROM budget_ballot WHERE edition_id = :e AND receipt_hash IS NULL")
            .param("e", edition).query(Long.class).single();
    }

    /** People marked as voting on paper. */
    long markedForPaper(long edition) {
        return jdbc.sql("SELECT count(*) FROM budget_voter_roll WHERE edition_id = :e AND channel = 'PAPER'")
            .param("e", edition).query(Long.class).single();
    }

    boolean holdsReceipt(long edition, byte[] hash) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM budget_ballot WHERE edition_id = :e AND receipt_hash = :h)")
            .param("e", edition).param("h", hash).query(Boolean.class).single();
    }

    static String array(List<?> values) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(values.get(i) == null ? "NULL" : values.get(i).toString());
        }
        return out.append('}').toString();
    }
}
