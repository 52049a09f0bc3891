package org.baraza.budgeting.projects;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.baraza.budgeting.editions.Edition;
import org.baraza.budgeting.editions.Editions;
import org.baraza.platform.AuditTrail;
import org.baraza.platform.Role;
import org.baraza.platform.RoleAssignments;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The admin's work on projects: entering one, assigning valuators, marking pairs incompatible. Audited. */
@Service
class ProjectAdministration {

    private final ProjectRepository repository;
    private final Editions editions;
    private final RoleAssignments roles;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ProjectAdministration(ProjectRepository repository, Editions editions, RoleAssignments roles, AuditTrail audit,
                          TransactionTemplate transaction, Clock clock) {
        this.repository = repository;
        this.editions = editions;
        this.roles = roles;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The accounts holding the VALUATOR role in the edition's municipality, by display name. */
    List<RoleAssignments.RoleAssignment> valuators(Edition edition) {
        return roles.list(edition.organization()).stream().filter(assignment -> assignment.role() == Role.VALUATOR).toList();
    }

    long enter(Edition edition, long actor, ProjectRepository.Draft draft) {
        return transaction.execute(status -> {
            long id = repository.insert(edition.organization(), edition.id(), draft, clock.instant());
            audit.record(edition.organization(), actor, "budget.project.entered", "budget_project:" + id,
                Map.of("edition", Long.toString(edition.id())));
            return id;
        });
    }

    void assignValuators(Edition edition, Project project, long actor, List<Long> accounts) {
        Set<Long> known = valuators(edition).stream().map(RoleAssignments.RoleAssignment::accountId).collect(Collectors.toSet());
        if (!known.containsAll(accounts)) {
            throw new ProjectRefusal.Refused(ProjectRefusal.UNKNOWN_VALUATOR);
        }
        List<Long> distinct = accounts.stream().distinct().sorted().toList();
        transaction.executeWithoutResult(status -> {
            // one assignment change at a time per project: two at once would insert the same rows
            repository.lock(edition.organization(), project.id());
            repository.replaceValuators(edition.organization(), project.id(), distinct);
            audit.record(edition.organization(), actor, "budget.project.valuators", "budget_project:" + project.id(),
                Map.of("edition", Long.toString(edition.id()),
                    "valuators", distinct.stream().map(String::valueOf).collect(Collectors.joining(","))));
        });
    }

    void markIncompatible(Edition edition, Project project, long other, long actor) {
        change(edition, project, other, actor, true);
    }

    void removeIncompatibility(Edition edition, Project project, long other, long actor) {
        change(edition, project, other, actor, false);
    }

    private void change(Edition edition, Project project, long other, long actor, boolean add) {
        if (other == project.id()) {
            throw new ProjectRefusal.Refused(ProjectRefusal.SAME_PROJECT);
        }
        if (repository.find(edition.organization(), edition.id(), other).isEmpty()) {
            throw new ProjectRefusal.Refused(ProjectRefusal.UNKNOWN_PROJECT);
        }
        transaction.executeWithoutResult(status -> {
            repository.lock(edition.organization(), project.id());
            if (editions.frozen(edition)) {
                throw new ProjectRefusal.Refused(ProjectRefusal.FROZEN);
            }
            boolean changed = add ? repository.addIncompatibility(edition.organization(), edition.id(), project.id(), other)
                : repository.removeIncompatibility(edition.organization(), edition.id(), project.id(), other);
            if (changed) {
                audit.record(edition.organization(), actor, add ? "budget.incompatibility.added" : "budget.incompatibility.removed",
                    "budget_project:" + Math.min(project.id(), other),
                    Map.of("edition", Long.toString(edition.id()), "other", Long.toString(Math.max(project.id(), other))));
            }
        });
    }
}
