package org.baraza.budgeting.projects;

import java.time.Clock;
import java.util.Optional;
import org.baraza.budgeting.editions.Edition;
import org.baraza.budgeting.editions.Editions;
import org.baraza.participation.PhaseAction;
import org.baraza.platform.ResidentVerification;
import org.springframework.stereotype.Service;

/** A verified resident puts a project forward while the edition's process takes them. */
@Service
class SubmitProject {

    private final ProjectRepository repository;
    private final Editions editions;
    private final ResidentVerification verification;
    private final Clock clock;

    SubmitProject(ProjectRepository repository, Editions editions, ResidentVerification verification, Clock clock) {
        this.repository = repository;
        this.editions = editions;
        this.verification = verification;
        this.clock = clock;
    }

    Optional<ProjectRefusal> refusal(Edition edition, long account) {
        if (!verification.isVerified(edition.organization(), account)) {
            return Optional.of(ProjectRefusal.NOT_VERIFIED);
        }
        if (!editions.isOpen(edition, PhaseAction.CREATE_PROPOSALS)) {
            return Optional.of(ProjectRefusal.SUBMISSION_CLOSED);
        }
        return Optional.empty();
    }

    long submit(Edition edition, long account, ProjectRepository.Draft draft) {
        refusal(edition, account).ifPresent(reason -> {
            throw new ProjectRefusal.Refused(reason);
        });
        return repository.insert(edition.organization(), edition.id(), draft, clock.instant());
    }
}
