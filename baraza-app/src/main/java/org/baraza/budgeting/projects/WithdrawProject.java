package org.baraza.budgeting.projects;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The author takes their project back, while no valuator has reviewed it yet. */
@Service
class WithdrawProject {

    private final ProjectRepository repository;
    private final TransactionTemplate transaction;
    private final Clock clock;

    WithdrawProject(ProjectRepository repository, TransactionTemplate transaction, Clock clock) {
        this.repository = repository;
        this.transaction = transaction;
        this.clock = clock;
    }

    static Optional<ProjectRefusal> refusal(Project project, long account) {
        if (project.authorAccountId() == null || project.authorAccountId() != account) {
            return Optional.of(ProjectRefusal.NOT_AUTHOR);
        }
        if (project.withdrawn()) {
            return Optional.of(ProjectRefusal.WITHDRAWN);
        }
        if (project.feasibility() != Feasibility.PENDING) {
            return Optional.of(ProjectRefusal.ALREADY_VALUED);
        }
        return Optional.empty();
    }

    void withdraw(Project project, long account) {
        transaction.executeWithoutResult(status -> {
            Project locked = repository.lock(project.organization(), project.id()).orElseThrow();
            refusal(locked, account).ifPresent(reason -> {
                throw new ProjectRefusal.Refused(reason);
            });
            repository.withdraw(project.organization(), project.id(), clock.instant());
        });
    }
}
