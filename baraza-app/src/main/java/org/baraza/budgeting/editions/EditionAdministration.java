package org.baraza.budgeting.editions;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.baraza.participation.ProcessId;
import org.baraza.participation.Processes;
import org.baraza.platform.AuditTrail;
import org.baraza.platform.OrganizationId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The admin's changes to editions and headings, each audited in its own transaction, each refused once
 * the edition is frozen (except the edition's title, which decides nothing).
 */
@Service
class EditionAdministration {

    private final EditionRepository repository;
    private final Editions editions;
    private final Processes processes;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    EditionAdministration(EditionRepository repository, Editions editions, Processes processes, AuditTrail audit,
                          TransactionTemplate transaction, Clock clock) {
        this.repository = repository;
        this.editions = editions;
        this.processes = processes;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    long create(OrganizationId organization, long actor, ProcessId process, String title) {
        if (!processes.exists(organization, process)) {
            throw new EditionRefusal.Refused(EditionRefusal.PROCESS_UNKNOWN);
        }
        try {
            return transaction.execute(status -> {
                if (repository.processHasEdition(organization, process)) {
                    throw new EditionRefusal.Refused(EditionRefusal.PROCESS_HAS_EDITION);
                }
                long id = repository.create(organization, process, title, clock.instant());
                audit.record(organization, actor, "budget.edition.created", "budget_edition:" + id,
                    Map.of("process", process.toString()));
                return id;
            });
        } catch (DuplicateKeyException concurrent) {
            // two admins (or a double submission) at once: budget_edition.process_id is unique
            throw new EditionRefusal.Refused(EditionRefusal.PROCESS_HAS_EDITION);
        }
    }

    void save(OrganizationId organization, long actor, Edition edition, EditionRepository.Settings settings) {
        transaction.executeWithoutResult(status -> {
            repository.lock(organization, edition.id());
            Edition current = repository.find(organization, edition.id()).orElseThrow();
            if (settings.changesVotingFrom(EditionRepository.Settings.of(current)) && editions.frozen(organization, current)) {
                throw new EditionRefusal.Refused(EditionRefusal.FROZEN);
            }
            repository.save(organization, edition.id(), settings, clock.instant());
            Map<String, String> details = new LinkedHashMap<>();
            details.put("ballot", settings.ballotKind().name());
            details.put("rule", settings.rule());
            details.put("tieBreak", settings.tieBreak());
            audit.record(organization, actor, "budget.edition.settings", "budget_edition:" + edition.id(), details);
        });
    }

    /** @throws DuplicateKeyException when a concurrent change gave another heading this name or district */
    long addHeading(OrganizationId organization, long actor, Edition edition, String name, String district, BigDecimal budget) {
        return transaction.execute(status -> {
            unfrozen(organization, edition);
            long id = repository.addHeading(organization, edition.id(), name, district, budget);
            audit.record(organization, actor, "budget.heading.added", "budget_heading:" + id,
                Map.of("edition", Long.toString(edition.id()), "budget", budget.toPlainString()));
            return id;
        });
    }

    void updateHeading(OrganizationId organization, long actor, Edition edition, Heading heading, String name, String district,
                       BigDecimal budget) {
        transaction.executeWithoutResult(status -> {
            unfrozen(organization, edition);
            repository.updateHeading(organization, edition.id(), heading.id(), name, district, budget);
            audit.record(organization, actor, "budget.heading.changed", "budget_heading:" + heading.id(),
                Map.of("edition", Long.toString(edition.id()), "budget", budget.toPlainString()));
        });
    }

    void deleteHeading(OrganizationId organization, long actor, Edition edition, Heading heading) {
        transaction.executeWithoutResult(status -> {
            unfrozen(organization, edition);
            if (repository.headingHasProjects(organization, edition.id(), heading.id())) {
                throw new EditionRefusal.Refused(EditionRefusal.HEADING_HAS_PROJECTS);
            }
            repository.deleteHeading(organization, edition.id(), heading.id());
            audit.record(organization, actor, "budget.heading.deleted", "budget_heading:" + heading.id(),
                Map.of("edition", Long.toString(edition.id())));
        });
    }

    private void unfrozen(OrganizationId organization, Edition edition) {
        repository.lock(organization, edition.id());
        if (editions.frozen(organization, edition)) {
            throw new EditionRefusal.Refused(EditionRefusal.FROZEN);
        }
    }
}
