package org.baraza.participation.proposals;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.baraza.platform.AuditTrail;
import org.baraza.platform.OrganizationId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin keeps the municipality's proposal categories: adds, renames, removes one no proposal is filed
 * under. Every change is in the audit log (by id: a category name is not personal, but ids suffice).
 */
@Service
class ProposalCategories {

    /** Why a change was refused; each has a translated message. */
    enum Refusal {
        NAME_TAKEN, IN_USE, UNKNOWN;

        String messageKey() {
            return "proposals.category.refused." + name();
        }
    }

    private final CategoryRepository repository;
    private final AuditTrail audit;
    private final Clock clock;

    ProposalCategories(CategoryRepository repository, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    Optional<Refusal> add(OrganizationId organization, long adminAccountId, String name) {
        Optional<Long> id = repository.insert(organization, name, clock.instant());
        if (id.isEmpty()) {
            return Optional.of(Refusal.NAME_TAKEN);
        }
        audit.record(organization, adminAccountId, "proposal-category.added", "proposal-category:" + id.get(), Map.of());
        return Optional.empty();
    }

    @Transactional
    Optional<Refusal> rename(OrganizationId organization, long adminAccountId, long id, String name) {
        if (repository.find(organization, id).isEmpty()) {
            return Optional.of(Refusal.UNKNOWN);
        }
        if (!repository.rename(organization, id, name)) {
            return Optional.of(Refusal.NAME_TAKEN);
        }
        audit.record(organization, adminAccountId, "proposal-category.renamed", "proposal-category:" + id, Map.of());
        return Optional.empty();
    }

    @Transactional
    Optional<Refusal> remove(OrganizationId organization, long adminAccountId, long id) {
        if (repository.find(organization, id).isEmpty()) {
            return Optional.of(Refusal.UNKNOWN);
        }
        if (!repository.delete(organization, id)) {
            return Optional.of(Refusal.IN_USE);
        }
        audit.record(organization, adminAccountId, "proposal-category.removed", "proposal-category:" + id, Map.of());
        return Optional.empty();
    }
}
