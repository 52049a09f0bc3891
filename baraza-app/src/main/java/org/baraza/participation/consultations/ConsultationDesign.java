package org.baraza.participation.consultations;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baraza.participation.ConsultationId;
import org.baraza.participation.ProcessId;
import org.baraza.platform.AuditTrail;
import org.baraza.platform.OrganizationId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How admins set up a consultation: its settings and questions, until it opens. Once it has opened (or
 * anyone is on its voter roll) everything that decides who votes on what is frozen, and the only change
 * left is closing it early. Every change is audited. Other parts of participation (a qualified proposal
 * put to a yes/no vote) add questions through here too.
 */
@Service
public class ConsultationDesign {

    public static final int MAX_QUESTIONS = 20;

    private final ConsultationRepository repository;
    private final Closing closing;
    private final AuditTrail audit;
    private final Clock clock;

    ConsultationDesign(ConsultationRepository repository, Closing closing, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.closing = closing;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    ConsultationId create(OrganizationId organization, long actor, ProcessId process, ConsultationRepository.Draft draft) {
        ConsultationId id = repository.create(organization, process, draft, clock.instant());
        audit.record(organization, actor, "consultation.created", target(id), Map.of("process", Long.toString(process.value())));
        return id;
    }

    @Transactional
    Optional<DesignRefusal> update(OrganizationId organization, long actor, ConsultationId id, ConsultationRepository.Draft draft) {
        Optional<DesignRefusal> refusal = frozen(organization, id);
        if (refusal.isPresent()) {
            return refusal;
        }
        repository.update(organization, id, draft);
        audit.record(organization, actor, "consultation.updated", target(id), Map.of());
        return Optional.empty();
    }

    @Transactional
    Optional<DesignRefusal> delete(OrganizationId organization, long actor, ConsultationId id) {
        Optional<DesignRefusal> refusal = frozen(organization, id);
        if (refusal.isPresent()) {
            return refusal;
        }
        repository.delete(organization, id);
        audit.record(organization, actor, "consultation.deleted", target(id), Map.of());
        return Optional.empty();
    }

    /** Adds a question; for a yes/no question the answers are YES and NO whatever was given. */
    @Transactional
    public Optional<DesignRefusal> addQuestion(OrganizationId organization, long actor, ConsultationId id, String text,
                                               QuestionType type, int maxChoices, Long proposalId, List<String> answers) {
        Optional<DesignRefusal> refusal = frozen(organization, id);
        if (refusal.isPresent()) {
            return refusal;
        }
        if (repository.find(organization, id).orElseThrow().questions().size() >= MAX_QUESTIONS) {
            return Optional.of(DesignRefusal.TOO_MANY_QUESTIONS);
        }
        long question = repository.addQuestion(organization, id, draft(text, type, maxChoices, proposalId, answers));
        audit.record(organization, actor, "consultation.question.added", target(id),
            Map.of("question", Long.toString(question), "kind", type.name()));
        return Optional.empty();
    }

    @Transactional
    Optional<DesignRefusal> updateQuestion(OrganizationId organization, long actor, ConsultationId id, long questionId,
                                           String text, QuestionType type, int maxChoices, List<String> answers) {
        Optional<DesignRefusal> refusal = frozen(organization, id);
        if (refusal.isPresent()) {
            return refusal;
        }
        Optional<Question> existing = repository.find(organization, id).orElseThrow().question(questionId);
        if (existing.isEmpty()) {
            return Optional.of(DesignRefusal.NOT_FOUND);
        }
        repository.updateQuestion(organization, id, questionId,
            draft(text, type, maxChoices, existing.get().proposalId(), answers));
        audit.record(organization, actor, "consultation.question.updated", target(id),
            Map.of("question", Long.toString(questionId), "kind", type.name()));
        return Optional.empty();
    }

    @Transactional
    Optional<DesignRefusal> deleteQuestion(OrganizationId organization, long actor, ConsultationId id, long questionId) {
        Optional<DesignRefusal> refusal = frozen(organization, id);
        if (refusal.isPresent()) {
            return refusal;
        }
        if (!repository.deleteQuestion(organization, id, questionId)) {
            return Optional.of(DesignRefusal.NOT_FOUND);
        }
        audit.record(organization, actor, "consultation.question.deleted", target(id), Map.of("question", Long.toString(questionId)));
        return Optional.empty();
    }

    /** Closes the consultation now; audited, and announced with ConsultationClosed. */
    Optional<DesignRefusal> closeEarly(OrganizationId organization, long actor, ConsultationId id) {
        Optional<Consultation> consultation = repository.find(organization, id);
        if (consultation.isEmpty()) {
            return Optional.of(DesignRefusal.NOT_FOUND);
        }
        return closing.closeEarly(consultation.get(), actor) ? Optional.empty() : Optional.of(DesignRefusal.ALREADY_CLOSED);
    }

    /** Whether an admin may still change the consultation: it exists, has not opened, and nobody is on its roll. */
    private Optional<DesignRefusal> frozen(OrganizationId organization, ConsultationId id) {
        if (!repository.lock(organization, id)) {
            return Optional.of(DesignRefusal.NOT_FOUND);
        }
        Consultation consultation = repository.find(organization, id).orElseThrow();
        Instant now = clock.instant();
        if (consultation.hasClosedAt(now)) {
            return Optional.of(DesignRefusal.ALREADY_CLOSED);
        }
        if (consultation.hasOpenedAt(now) || repository.hasVoters(id)) {
            return Optional.of(DesignRefusal.VOTING_STARTED);
        }
        return Optional.empty();
    }

    private static ConsultationRepository.QuestionDraft draft(String text, QuestionType type, int maxChoices, Long proposalId,
                                                              List<String> answers) {
        return switch (type) {
            case YES_NO -> new ConsultationRepository.QuestionDraft(text, type, 1, proposalId, List.of("YES", "NO"));
            case SINGLE -> new ConsultationRepository.QuestionDraft(text, type, 1, proposalId, answers);
            case MULTIPLE, RANKED -> new ConsultationRepository.QuestionDraft(text, type, maxChoices, proposalId, answers);
        };
    }

    private static String target(ConsultationId id) {
        return "consultation:" + id.value();
    }
}
