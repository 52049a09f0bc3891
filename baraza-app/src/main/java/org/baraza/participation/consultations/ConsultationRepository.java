package org.baraza.participation.consultations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baraza.participation.ConsultationId;
import org.baraza.participation.ProcessId;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Consultations, their questions and answers; always of one municipality. */
@Repository
class ConsultationRepository {

    /** A consultation's settings as an admin writes them. */
    record Draft(String title, String description, Instant opensAt, Instant closesAt, String eligibleDistrictCode,
                 Integer minimumAge) {
    }

    /** A question as an admin writes it; answers in order (for YES_NO: YES, NO). */
    record QuestionDraft(String text, QuestionType type, int maxChoices, Long proposalId, List<String> answers) {
    }

    private final JdbcClient jdbc;

    ConsultationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ConsultationId create(OrganizationId organization, ProcessId process, Draft draft, Instant now) {
        return new ConsultationId(jdbc.sql("""
                INSERT INTO consultation (organization_id, process_id, title, description, opens_at, closes_at,
                                          eligible_district_code, minimum_age, created_at)
                VALUES (:org, :process, :title, :description, :opens, :closes, :district, :age, :now)
                RETURNING id""")
            .param("org", organization.value()).param("process", process.value()).params(parameters(draft))
            .param("now", Timestamp.from(now))
            .query(Long.class).single());
    }

    void update(OrganizationId organization, ConsultationId id, Draft draft) {
        jdbc.sql("""
                UPDATE consultation SET title = :title, description = :description, opens_at = :opens, closes_at = :closes,
                    eligible_district_code = :district, minimum_age = :age
                WHERE organization_id = :org AND id = :id""")
            .param("org", organization.value()).param("id", id.value()).params(parameters(draft)).update();
    }

    void delete(OrganizationId organization, ConsultationId id) {
        jdbc.sql("DELETE FROM consultation WHERE organization_id = :org AND id = :id")
            .param("org", organization.value()).param("id", id.value()).update();
    }

    /** Locks the consultation row for the rest of the transaction, so admin changes and the first vote cannot interleave. */
    boolean lock(OrganizationId organization, ConsultationId id) {
        return jdbc.sql("SELECT id FROM consultation WHERE organization_id = :org AND id = :id FOR UPDATE")
            .param("org", organization.value()).param("id", id.value()).query(Long.class).optional().isPresent();
    }

    Optional<Consultation> find(OrganizationId organization, ConsultationId id) {
        Optional<Consultation> found = jdbc.sql(SELECT + " WHERE c.organization_id = :org AND c.id = :id")
            .param("org", organization.value()).param("id", id.value())
            .query(ConsultationRepository::consultation).optional();
        return found.map(consultation -> withQuestions(consultation, questions(organization, id)));
    }

    List<Consultation> inProcess(OrganizationId organization, ProcessId process) {
        return jdbc.sql(SELECT + " WHERE c.organization_id = :org AND c.process_id = :process ORDER BY c.opens_at, c.id")
            .param("org", organization.value()).param("process", process.value())
            .query(ConsultationRepository::consultation).list();
    }

    /** Open consultations of a municipality, with questions: what an officer's booth offers. */
    List<Consultation> openAt(OrganizationId organization, Instant now) {
        return jdbc.sql(SELECT + """
                 JOIN participatory_process p ON p.organization_id = c.organization_id AND p.id = c.process_id
                WHERE c.organization_id = :org AND p.published AND c.closed_at IS NULL AND c.opens_at <= :now AND c.closes_at > :now
                ORDER BY c.closes_at, c.id""")
            .param("org", organization.value()).param("now", Timestamp.from(now))
            .query(ConsultationRepository::consultation).list();
    }

    /** Closed consultations of a municipality, most recent first: what officers enter paper totals for. */
    List<Consultation> closedAt(OrganizationId organization, Instant now, int limit) {
        return jdbc.sql(SELECT + """
                 WHERE c.organization_id = :org AND (c.closed_at IS NOT NULL OR c.closes_at <= :now)
                ORDER BY c.closes_at DESC, c.id DESC LIMIT :limit""")
            .param("org", organization.value()).param("now", Timestamp.from(now)).param("limit", limit)
            .query(ConsultationRepository::consultation).list();
    }

    boolean isProcessPublished(OrganizationId organization, ProcessId process) {
        return jdbc.sql("SELECT published FROM participatory_process WHERE organization_id = :org AND id = :id")
            .param("org", organization.value()).param("id", process.value()).query(Boolean.class).optional().orElse(false);
    }

    boolean hasVoters(ConsultationId id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM voter_roll WHERE consultation_id = :id)")
            .param("id", id.value()).query(Boolean.class).single();
    }

    boolean anyOpenedOrVoted(OrganizationId organization, ProcessId process, Instant now) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM consultation c WHERE c.organization_id = :org AND c.process_id = :process
                               AND (c.opens_at <= :now OR EXISTS (SELECT 1 FROM voter_roll v WHERE v.consultation_id = c.id)))""")
            .param("org", organization.value()).param("process", process.value()).param("now", Timestamp.from(now))
            .query(Boolean.class).single();
    }

    long addQuestion(OrganizationId organization, ConsultationId id, QuestionDraft draft) {
        int position = jdbc.sql("SELECT coalesce(max(position), 0) + 1 FROM consultation_question WHERE consultation_id = :id")
            .param("id", id.value()).query(Integer.class).single();
        long questionId = jdbc.sql("""
                INSERT INTO consultation_question (organization_id, consultation_id, position, text, kind, max_choices, proposal_id)
                VALUES (:org, :consultation, :position, :text, :kind, :max, :proposal) RETURNING id""")
            .param("org", organization.value()).param("consultation", id.value()).param("position", position)
            .param("text", draft.text()).param("kind", draft.type().name()).param("max", draft.maxChoices())
            .param("proposal", draft.proposalId(), Types.BIGINT)
            .query(Long.class).single();
        insertAnswers(organization, id, questionId, draft.answers());
        return questionId;
    }

    void updateQuestion(OrganizationId organization, ConsultationId id, long questionId, QuestionDraft draft) {
        jdbc.sql("""
                UPDATE consultation_question SET text = :text, kind = :kind, max_choices = :max, proposal_id = :proposal
                WHERE organization_id = :org AND consultation_id = :consultation AND id = :id""")
            .param("org", organization.value()).param("consultation", id.value()).param("id", questionId)
            .param("text", draft.text()).param("kind", draft.type().name()).param("max", draft.maxChoices())
            .param("proposal", draft.proposalId(), Types.BIGINT).update();
        jdbc.sql("DELETE FROM consultation_answer WHERE consultation_id = :consultation AND question_id = :id")
            .param("consultation", id.value()).param("id", questionId).update();
        insertAnswers(organization, id, questionId, draft.answers());
    }

    boolean deleteQuestion(OrganizationId organization, ConsultationId id, long questionId) {
        boolean deleted = jdbc.sql("DELETE FROM consultation_question WHERE organization_id = :org AND consultation_id = :c AND id = :id")
            .param("org", organization.value()).param("c", id.value()).param("id", questionId).update() == 1;
        return deleted;
    }

    /** Records that the consultation closed; true only for the call that recorded it, so the event is published once. */
    boolean markClosed(OrganizationId organization, ConsultationId id, Instant at, Long byAdmin) {
        return jdbc.sql("""
                UPDATE consultation SET closed_at = :at, closed_early_by = :admin
                WHERE organization_id = :org AND id = :id AND closed_at IS NULL""")
            .param("org", organization.value()).param("id", id.value()).param("at", Timestamp.from(at))
            .param("admin", byAdmin, Types.BIGINT).update() == 1;
    }

    /** Consultations past their closing date that nobody has recorded as closed yet, across municipalities. */
    List<Consultation> dueToClose(Instant now, int limit) {
        return jdbc.sql(SELECT + " WHERE c.closed_at IS NULL AND c.closes_at <= :now ORDER BY c.closes_at LIMIT :limit")
            .param("now", Timestamp.from(now)).param("limit", limit)
            .query(ConsultationRepository::consultation).list();
    }

    private void insertAnswers(OrganizationId organization, ConsultationId id, long questionId, List<String> answers) {
        for (int i = 0; i < answers.size(); i++) {
            jdbc.sql("""
                    INSERT INTO consultation_answer (organization_id, consultation_id, question_id, position, text)
                    VALUES (:org, :consultation, :question, :position, :text)""")
                .param("org", organization.value()).param("consultation", id.value()).param("question", questionId)
                .param("position", i + 1).param("text", answers.get(i)).update();
        }
    }

    private List<Question> questions(OrganizationId organization, ConsultationId id) {
        Map<Long, Question> byId = new LinkedHashMap<>();
        Map<Long, List<Answer>> answers = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT q.id, q.position, q.text, q.kind, q.max_choices, q.proposal_id,
                       a.id AS answer_id, a.position AS answer_position, a.text AS answer_text
                FROM consultation_question q
                LEFT JOIN consultation_answer a ON a.consultation_id = q.consultation_id AND a.question_id = q.id
                WHERE q.organization_id = :org AND q.consultation_id = :id
                ORDER BY q.position, a.position""")
            .param("org", organization.value()).param("id", id.value())
            .query(rs -> {
                long questionId = rs.getLong("id");
                byId.computeIfAbsent(questionId, key -> {
                    try {
                        long proposal = rs.getLong("proposal_id");
                        return new Question(questionId, rs.getInt("position"), rs.getString("text"),
                            QuestionType.valueOf(rs.getString("kind")), rs.getInt("max_choices"),
                            rs.wasNull() ? null : proposal, List.of());
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                List<Answer> list = answers.computeIfAbsent(questionId, key -> new ArrayList<>());
                long answerId = rs.getLong("answer_id");
                if (!rs.wasNull()) {
                    list.add(new Answer(answerId, rs.getInt("answer_position"), rs.getString("answer_text")));
                }
            });
        return byId.values().stream().map(q -> new Question(q.id(), q.position(), q.text(), q.type(), q.maxChoices(),
            q.proposalId(), answers.getOrDefault(q.id(), List.of()))).toList();
    }

    private static Consultation withQuestions(Consultation c, List<Question> questions) {
        return new Consultation(c.id(), c.organization(), c.process(), c.title(), c.description(), c.opensAt(), c.closesAt(),
            c.eligibleDistrictCode(), c.minimumAge(), c.closedAt(), c.closedEarlyBy(), c.sealedAt(), questions);
    }

    private static Map<String, Object> parameters(Draft draft) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("title", draft.title());
        parameters.put("description", draft.description());
        parameters.put("opens", Timestamp.from(draft.opensAt()));
        parameters.put("closes", Timestamp.from(draft.closesAt()));
        parameters.put("district", draft.eligibleDistrictCode());
        parameters.put("age", draft.minimumAge());
        return parameters;
    }

    private static final String SELECT = """
        SELECT c.id, c.organization_id, c.process_id, c.title, c.description, c.opens_at, c.closes_at, c.eligible_district_code,
               c.minimum_age, c.closed_at, c.closed_early_by, c.sealed_at
        FROM consultation c""";

    private static Consultation consultation(ResultSet rs, int row) throws SQLException {
        int age = rs.getInt("minimum_age");
        Integer minimumAge = rs.wasNull() ? null : age;
        long closedBy = rs.getLong("closed_early_by");
        Long closedEarlyBy = rs.wasNull() ? null : closedBy;
        return new Consultation(new ConsultationId(rs.getLong("id")), new OrganizationId(rs.getLong("organization_id")),
            new ProcessId(rs.getLong("process_id")), rs.getString("title"), rs.getString("description"),
            rs.getTimestamp("opens_at").toInstant(), rs.getTimestamp("closes_at").toInstant(),
            rs.getString("eligible_district_code"), minimumAge, instant(rs.getTimestamp("closed_at")), closedEarlyBy,
            instant(rs.getTimestamp("sealed_at")), List.of());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
