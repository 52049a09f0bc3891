package org.baraza.participation.processes;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.baraza.participation.Phase;
import org.baraza.participation.PhaseAction;
import org.baraza.participation.ProcessId;
import org.baraza.participation.images.UploadedImage;
import org.baraza.platform.AuditTrail;
import org.baraza.platform.OrganizationId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a municipality's admins do to processes: create, edit, publish, delete, and arrange phases. Every
 * change is written to the audit trail in its transaction, and the settings that decide who may vote and
 * when are refused once voting has started.
 */
@Service
class ProcessAdministration {

    private final ProcessRepository repository;
    private final ConsultationsOfProcess consultations;
    private final AuditTrail audit;
    private final Clock clock;

    ProcessAdministration(ProcessRepository repository, ConsultationsOfProcess consultations, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.consultations = consultations;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    ProcessId create(OrganizationId organization, long actor, ProcessRepository.Draft draft) {
        ProcessId id = repository.create(organization, draft, clock.instant());
        audit.record(organization, actor, "process.created", target(id), Map.of("published", Boolean.toString(draft.published())));
        return id;
    }

    @Transactional
    Optional<ProcessRefusal> update(OrganizationId organization, long actor, ProcessId id, ProcessRepository.Draft draft) {
        if (!repository.lock(organization, id)) {
            return Optional.of(ProcessRefusal.NOT_FOUND);
        }
        ParticipatoryProcess current = repository.find(organization, id).orElseThrow();
        Instant now = clock.instant();
        if (!Objects.equals(current.districtCode(), draft.districtCode()) && votingStarted(current, now)) {
            return Optional.of(ProcessRefusal.VOTING_STARTED);
        }
        repository.update(organization, id, draft, now);
        audit.record(organization, actor, "process.updated", target(id), Map.of("published", Boolean.toString(draft.published())));
        return Optional.empty();
    }

    @Transactional
    Optional<ProcessRefusal> delete(OrganizationId organization, long actor, ProcessId id) {
        if (!repository.lock(organization, id)) {
            return Optional.of(ProcessRefusal.NOT_FOUND);
        }
        if (!consultations.consultations(organization, id).isEmpty()) {
            return Optional.of(ProcessRefusal.HAS_CONSULTATIONS);
        }
        repository.delete(organization, id);
        audit.record(organization, actor, "process.deleted", target(id), Map.of());
        return Optional.empty();
    }

    @Transactional
    Optional<ProcessRefusal> addPhase(OrganizationId organization, long actor, ProcessId id, ProcessRepository.PhaseDraft draft) {
        if (!repository.lock(organization, id)) {
            return Optional.of(ProcessRefusal.NOT_FOUND);
        }
        ParticipatoryProcess process = repository.find(organization, id).orElseThrow();
        Instant now = clock.instant();
        if (draft.actions().contains(PhaseAction.VOTE) && votingStarted(process, now)) {
            return Optional.of(ProcessRefusal.VOTING_STARTED);
        }
        if (overlaps(process.phases(), draft, 0)) {
            return Optional.of(ProcessRefusal.PHASE_OVERLAPS);
        }
        long phaseId = repository.addPhase(organization, id, draft);
        audit.record(organization, actor, "process.phase.added", target(id), Map.of("phase", Long.toString(phaseId),
            "actions", actions(draft)));
        return Optional.empty();
    }

    @Transactional
    Optional<ProcessRefusal> updatePhase(OrganizationId organization, long actor, ProcessId id, long phaseId,
                                         ProcessRepository.PhaseDraft draft) {
        if (!repository.lock(organization, id)) {
            return Optional.of(ProcessRefusal.NOT_FOUND);
        }
        ParticipatoryProcess process = repository.find(organization, id).orElseThrow();
        Optional<Phase> existing = process.phases().stream().filter(phase -> phase.id() == phaseId).findFirst();
        if (existing.isEmpty()) {
            return Optional.of(ProcessRefusal.NOT_FOUND);
        }
        Instant now = clock.instant();
        if ((existing.get().allows(PhaseAction.VOTE) || draft.actions().contains(PhaseAction.VOTE))
            && votingStarted(process, now) && changesVoting(existing.get(), draft)) {
            return Optional.of(ProcessRefusal.VOTING_STARTED);
        }
        if (overlaps(process.phases(), draft, phaseId)) {
            return Optional.of(ProcessRefusal.PHASE_OVERLAPS);
        }
        repository.updatePhase(organization, id, phaseId, draft);
        audit.record(organization, actor, "process.phase.updated", target(id), Map.of("phase", Long.toString(phaseId),
            "actions", actions(draft)));
        return Optional.empty();
    }

    @Transactional
    Optional<ProcessRefusal> deletePhase(OrganizationId organization, long actor, ProcessId id, long phaseId) {
        if (!repository.lock(organization, id)) {
            return Optional.of(ProcessRefusal.NOT_FOUND);
        }
        ParticipatoryProcess process = repository.find(organization, id).orElseThrow();
        Optional<Phase> existing = process.phases().stream().filter(phase -> phase.id() == phaseId).findFirst();
        if (existing.isEmpty()) {
            return Optional.of(ProcessRefusal.NOT_FOUND);
        }
        if (existing.get().allows(PhaseAction.VOTE) && votingStarted(process, clock.instant())) {
            return Optional.of(ProcessRefusal.VOTING_STARTED);
        }
        repository.deletePhase(organization, id, phaseId);
        audit.record(organization, actor, "process.phase.deleted", target(id), Map.of("phase", Long.toString(phaseId)));
        return Optional.empty();
    }

    @Transactional
    Optional<ProcessRefusal> setImage(OrganizationId organization, long actor, ProcessId id, UploadedImage.Clean image, String alt) {
        if (!repository.lock(organization, id)) {
            return Optional.of(ProcessRefusal.NOT_FOUND);
        }
        repository.setImage(organization, id, image.bytes(), image.mediaType(), alt, clock.instant());
        audit.record(organization, actor, "process.image.set", target(id), Map.of("bytes", Integer.toString(image.bytes().length),
            "width", Integer.toString(image.width()), "height", Integer.toString(image.height())));
        return Optional.empty();
    }

    @Transactional
    Optional<ProcessRefusal> removeImage(OrganizationId organization, long actor, ProcessId id) {
        if (!repository.lock(organization, id)) {
            return Optional.of(ProcessRefusal.NOT_FOUND);
        }
        repository.removeImage(organization, id, clock.instant());
        audit.record(organization, actor, "process.image.removed", target(id), Map.of());
        return Optional.empty();
    }

    /** Whether voting has started in the process: a voting phase has begun, or a consultation has opened. */
    boolean votingStarted(ParticipatoryProcess process, Instant now) {
        return process.votingStartedAt(now) || consultations.votingStarted(process.organization(), process.id(), now);
    }

    /** A phase's title and description may still be corrected once voting started; its dates and actions may not. */
    private static boolean changesVoting(Phase phase, ProcessRepository.PhaseDraft draft) {
        return !phase.startsAt().equals(draft.startsAt()) || !phase.endsAt().equals(draft.endsAt())
            || !phase.actions().equals(draft.actions());
    }

    private static boolean overlaps(List<Phase> phases, ProcessRepository.PhaseDraft draft, long ignoredPhaseId) {
        return phases.stream().filter(phase -> phase.id() != ignoredPhaseId)
            .anyMatch(phase -> draft.startsAt().isBefore(phase.endsAt()) && phase.startsAt().isBefore(draft.endsAt()));
    }

    private static String actions(ProcessRepository.PhaseDraft draft) {
        return String.join(",", draft.actions().stream().sorted().map(Enum::name).toList());
    }

    private static String target(ProcessId id) {
        return "process:" + id.value();
    }
}
