package org.baraza.budgeting.projects;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.baraza.budgeting.editions.Edition;
import org.baraza.budgeting.editions.Editions;
import org.baraza.platform.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A valuator assigned to a project (or an admin) records whether it is feasible and what it costs; refused
 * once balloting has started, as the ballot offers exactly the feasible projects at their cost. Audited.
 */
@Service
class ValueProject {

    private final ProjectRepository repository;
    private final Editions editions;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ValueProject(ProjectRepository repository, Editions editions, AuditTrail audit, TransactionTemplate transaction,
                 Clock clock) {
        this.repository = repository;
        this.editions = editions;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** @param asAdmin whether the actor acts as an admin (no assignment needed) */
    void value(Edition edition, Project project, long actor, boolean asAdmin, ValuationForm.Verdict verdict) {
        transaction.executeWithoutResult(status -> {
            Project locked = repository.lock(edition.organization(), project.id()).orElseThrow();
            if (!asAdmin && !repository.isValuator(edition.organization(), project.id(), actor)) {
                throw new ProjectRefusal.Refused(ProjectRefusal.NOT_ASSIGNED);
            }
            if (locked.withdrawn()) {
                throw new ProjectRefusal.Refused(ProjectRefusal.WITHDRAWN);
            }
            if (editions.frozen(edition)) {
                throw new ProjectRefusal.Refused(ProjectRefusal.FROZEN);
            }
            repository.value(edition.organization(), project.id(), verdict.feasibility(), verdict.cost(),
                verdict.explanation(), actor, clock.instant());
            Map<String, String> details = new LinkedHashMap<>();
            details.put("edition", Long.toString(edition.id()));
            details.put("feasibility", verdict.feasibility().name());
            if (verdict.cost() != null) {
                details.put("cost", verdict.cost().toPlainString());
            }
            details.put("by", asAdmin ? "admin" : "valuator");
            audit.record(edition.organization(), actor, "budget.project.valued", "budget_project:" + project.id(), details);
        });
    }
}
