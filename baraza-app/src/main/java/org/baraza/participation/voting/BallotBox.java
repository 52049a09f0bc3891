package org.baraza.participation.voting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.baraza.participation.ConsultationId;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The voter roll and the ballot box, written together. {@link #enrolAndDeposit} puts the voter on the roll
 * and the ballot in the box in one statement of the caller's transaction: the roll's primary key
 * (consultation, account) lets exactly one of any number of concurrent attempts through, and the ballot is
 * inserted only by that one. The ballot row gets a random key, the receipt's hash and the choices, and
 * nothing else: no account, no time, no channel, no sequence number.
 */
@Repository
class BallotBox {

    /** Who is being put on the roll, how, and for booth and paper votes where and by whom. */
    record Voter(long accountId, Channel channel, LocalDate day, String districtCode, String booth, Long officerAccountId) {
    }

    private final JdbcClient jdbc;

    BallotBox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The state of the consultation under a share lock held until the transaction ends: an admin closing it
     * waits for the ballots being cast, and a ballot cast after the close sees it closed. Also makes this
     * transaction's commit synchronous whatever the server's default, so an acknowledged ballot survives a crash.
     */
    Optional<OpenWindow> lockForVoting(OrganizationId organization, ConsultationId consultation, Instant now) {
        return jdbc.sql("""
                SELECT set_config('synchronous_commit', 'on', true), c.opens_at, c.closes_at, c.closed_at,
                       EXISTS (SELECT 1 FROM process_phase p WHERE p.organization_id = c.organization_id
                               AND p.process_id = c.process_id AND p.starts_at <= :now AND p.ends_at > :now
                               AND 'VOTE' = ANY (p.actions)) AS voting_phase
                FROM consultation c WHERE c.organization_id = :org AND c.id = :id FOR SHARE OF c""")
            .param("org", organization.value()).param("id", consultation.value()).param("now", Timestamp.from(now))
            .query((rs, row) -> new OpenWindow(rs.getTimestamp("opens_at").toInstant(), rs.getTimestamp("closes_at").toInstant(),
                rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant(), rs.getBoolean("voting_phase")))
            .optional();
    }

    /** When a consultation takes ballots, and whether its process is in a voting phase, as read under the lock. */
    record OpenWindow(Instant opensAt, Instant closesAt, Instant closedAt, boolean votingPhase) {
        boolean isOpenAt(Instant now) {
            return closedAt == null && !now.isBefore(opensAt) && now.isBefore(closesAt);
        }
    }

    /**
     * Puts the voter on the roll and, if they were not on it already, the ballot in the box.
     *
     * @return false if the voter was already on the roll: nothing was written
     */
    boolean enrolAndDeposit(OrganizationId organization, ConsultationId consultation, Voter voter, byte[] receiptHash,
                            BallotPaper ballot) {
        List<BallotPaper.Choice> choices = ballot.choices();
        return jdbc.sql("""
                WITH roll AS (
                    INSERT INTO voter_roll (organization_id, consultation_id, account_id, channel, voted_on, district_code,
                                            booth, officer_account_id)
                    VALUES (:org, :consultation, :account, :channel, :day, :district, :booth, :officer)
                    ON CONFLICT (consultation_id, account_id) DO NOTHING
                    RETURNING 1
                ), box AS (
                    INSERT INTO ballot (organization_id, consultation_id, receipt_hash)
                    SELECT :org, :consultation, :receipt FROM roll
                    RETURNING id
                ), choices AS (
                    INSERT INTO ballot_choice (ballot_id, organization_id, consultation_id, question_id, answer_id, rank)
                    SELECT box.id, :org, :consultation, c.question, c.answer, c.rank
                    FROM box, unnest(:questions::bigint[], :answers::bigint[], :ranks::smallint[]) AS c(question, answer, rank)
                    RETURNING 1
                )
                SELECT (SELECT count(*) FROM roll) + 0 * (SELECT count(*) FROM choices)""")
            .param("org", organization.value()).param("consultation", consultation.value())
            .param("account", voter.accountId()).param("channel", voter.channel().name()).param("day", voter.day())
            .param("district", voter.districtCode(), java.sql.Types.VARCHAR).param("booth", voter.booth(), java.sql.Types.VARCHAR)
            .param("officer", voter.officerAccountId(), java.sql.Types.BIGINT)
            .param("receipt", receiptHash)
            .param("questions", array(choices.stream().map(c -> (Object) c.questionId()).toList()))
            .param("answers", array(choices.stream().map(c -> (Object) c.answerId()).toList()))
            .param("ranks", array(choices.stream().map(c -> (Object) c.rank()).toList()))
            .query(Long.class).single() == 1;
    }

    /** Marks a person as voting on paper at a booth: on the roll, with no ballot in the box (theirs goes in the paper box). */
    boolean enrolForPaper(OrganizationId organization, ConsultationId consultation, Voter voter) {
        return jdbc.sql("""
                INSERT INTO voter_roll (organization_id, consultation_id, account_id, channel, voted_on, district_code, booth,
                                        officer_account_id)
                VALUES (:org, :consultation, :account, 'PAPER', :day, :district, :booth, :officer)
                ON CONFLICT (consultation_id, account_id) DO NOTHING""")
            .param("org", organization.value()).param("consultation", consultation.value())
            .param("account", voter.accountId()).param("day", voter.day())
            .param("district", voter.districtCode(), java.sql.Types.VARCHAR).param("booth", voter.booth())
            .param("officer", voter.officerAccountId())
            .update() == 1;
    }

    Optional<Channel> channelOf(ConsultationId consultation, long accountId) {
        return jdbc.sql("SELECT channel FROM voter_roll WHERE consultation_id = :c AND account_id = :a")
            .param("c", consultation.value()).param("a", accountId)
            .query((rs, row) -> Channel.valueOf(rs.getString("channel"))).optional();
    }

    /** Receipt hashes of a consultation in hash order (which says nothing of when a ballot was cast). */
    List<byte[]> receipts(ConsultationId consultation, int limit, long offset) {
        return jdbc.sql("""
                SELECT receipt_hash FROM ballot WHERE consultation_id = :c ORDER BY receipt_hash LIMIT :limit OFFSET :offset""")
            .param("c", consultation.value()).param("limit", limit).param("offset", offset)
            .query((rs, row) -> rs.getBytes(1)).list();
    }

    long ballots(ConsultationId consultation) {
        return jdbc.sql("SELECT count(*) FROM ballot WHERE consultation_id = :c").param("c", consultation.value())
            .query(Long.class).single();
    }

    boolean holdsReceipt(ConsultationId consultation, byte[] hash) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM ballot WHERE consultation_id = :c AND receipt_hash = :h)")
            .param("c", consultation.value()).param("h", hash).query(Boolean.class).single();
    }

    static String array(List<Object> values) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(values.get(i) == null ? "NULL" : values.get(i).toString());
        }
        return out.append('}').toString();
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }
}
