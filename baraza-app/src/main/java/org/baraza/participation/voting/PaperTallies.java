package org.baraza.participation.voting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.baraza.participation.ConsultationId;
import org.baraza.participation.consultations.Consultation;
import org.baraza.platform.AuditTrail;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paper totals per booth, entered by officers once a consultation has closed. Entering a booth again
 * replaces its sheet (a recount); both are audited with the totals, which are not personal data.
 */
@Service
public class PaperTallies {

    /** A booth's sheet as listed for officers. */
    public record Entered(String booth, int ballots, int nullBallots, Instant enteredAt) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    PaperTallies(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a booth's sheet; false if the consultation has not closed (paper is counted after closing). */
    @Transactional
    boolean enter(OrganizationId organization, long officer, Consultation consultation, PaperTally tally) {
        Instant now = clock.instant();
        if (!consultation.hasClosedAt(now)) {
            return false;
        }
        boolean replaced = jdbc.sql("DELETE FROM paper_tally WHERE organization_id = :org AND consultation_id = :c AND booth = :booth")
            .param("org", organization.value()).param("c", consultation.id().value()).param("booth", tally.booth()).update() > 0;
        jdbc.sql("""
                INSERT INTO paper_tally (organization_id, consultation_id, booth, ballots, null_ballots, entered_by, entered_at)
                VALUES (:org, :c, :booth, :ballots, :nulls, :officer, :at)""")
            .param("org", organization.value()).param("c", consultation.id().value()).param("booth", tally.booth())
            .param("ballots", tally.ballots()).param("nulls", tally.nullBallots()).param("officer", officer)
            .param("at", Timestamp.from(now)).update();
        List<PaperTally.Count> counts = tally.counts().stream().filter(count -> count.votes() > 0 || count.answerId() == null).toList();
        for (PaperTally.Count count : counts) {
            jdbc.sql("""
                    INSERT INTO paper_tally_count (organization_id, consultation_id, booth, question_id, answer_id, rank, votes)
                    VALUES (:org, :c, :booth, :question, :answer, :rank, :votes)""")
                .param("org", organization.value()).param("c", consultation.id().value()).param("booth", tally.booth())
                .param("question", count.questionId()).param("answer", count.answerId(), java.sql.Types.BIGINT)
                .param("rank", count.rank(), java.sql.Types.SMALLINT).param("votes", count.votes()).update();
        }
        audit.record(organization, officer, replaced ? "consultation.paper.replaced" : "consultation.paper.entered",
            "consultation:" + consultation.id().value(), Map.of("booth", tally.booth(), "ballots", Integer.toString(tally.ballots()),
                "null", Integer.toString(tally.nullBallots())));
        return true;
    }

    public List<Entered> entered(OrganizationId organization, ConsultationId consultation) {
        return jdbc.sql("""
                SELECT booth, ballots, null_ballots, entered_at FROM paper_tally
                WHERE organization_id = :org AND consultation_id = :c ORDER BY booth""")
            .param("org", organization.value()).param("c", consultation.value())
            .query((rs, row) -> new Entered(rs.getString("booth"), rs.getInt("ballots"), rs.getInt("null_ballots"),
                rs.getTimestamp("entered_at").toInstant()))
            .list();
    }
}
