package org.baraza.budgeting.projects;

import java.time.Clock;
import java.util.Optional;
import org.baraza.budgeting.editions.Edition;
import org.baraza.budgeting.editions.Editions;
import org.baraza.participation.PhaseAction;
import org.baraza.platform.ResidentVerification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A verified resident supports a project (or takes the support back) while the process takes supports.
 * One support per person and project is the primary key of budget_project_support; the project's count is
 * changed under a lock on its row, so it always equals the number of rows.
 */
@Service
class SupportProject {

    private final ProjectRepository repository;
    private final Editions editions;
    private final ResidentVerification verification;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SupportProject(ProjectRepository repository, Editions editions, ResidentVerification verification,
                   TransactionTemplate transaction, Clock clock) {
        this.repository = repository;
        this.editions = editions;
        this.verification = verification;
        this.transaction = transaction;
        this.clock = clock;
    }

    Optional<ProjectRefusal> refusal(Edition edition, long account, Project project) {
        if (project.withdrawn()) {
            return Optional.of(ProjectRefusal.WITHDRAWN);
        }
        if (!verification.isVerified(edition.organization(), account)) {
            return Optional.of(ProjectRefusal.NOT_VERIFIED);
        }
        if (!editions.isOpen(edition, PhaseAction.SUPPORT)) {
            return Optional.of(ProjectRefusal.SUPPORTS_CLOSED);
        }
        if (project.feasibility() == Feasibility.UNFEASIBLE) {
            return Optional.of(ProjectRefusal.NOT_FEASIBLE);
        }
        return Optional.empty();
    }

    /** @return whether a support was added (false: the person already supported it) */
    boolean support(Edition edition, long account, Project project) {
        refuseIfNeeded(edition, account, project);
        return Boolean.TRUE.equals(transaction.execute(status -> {
            Project locked = repository.lock(edition.organization(), project.id()).orElseThrow();
            if (locked.withdrawn()) {
                throw new ProjectRefusal.Refused(ProjectRefusal.WITHDRAWN);
            }
            if (!repository.insertSupport(edition.organization(), project.id(), account, clock.instant())) {
                return false;
            }
            repository.addToSupports(edition.organization(), project.id(), 1);
            return true;
        }));
    }

    boolean withdrawSupport(Edition edition, long account, Project project) {
        refuseIfNeeded(edition, account, project);
        return Boolean.TRUE.equals(transaction.execute(status -> {
            repository.lock(edition.organization(), project.id()).orElseThrow();
            if (!repository.deleteSupport(edition.organization(), project.id(), account)) {
                return false;
            }
            repository.addToSupports(edition.organization(), project.id(), -1);
            return true;
        }));
    }

    private void refuseIfNeeded(Edition edition, long account, Project project) {
        refusal(edition, account, project).ifPresent(reason -> {
            throw new ProjectRefusal.Refused(reason);
        });
    }
}
