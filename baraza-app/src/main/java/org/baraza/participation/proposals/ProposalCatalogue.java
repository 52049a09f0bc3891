package org.baraza.participation.proposals;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.baraza.participation.ProcessId;
import org.baraza.participation.ProposalFollowers;
import org.baraza.participation.ProposalId;
import org.baraza.participation.ProposalSummary;
import org.baraza.participation.Proposals;
import org.baraza.platform.AccountDeleted;
import org.baraza.platform.AuditTrail;
import org.baraza.platform.OrganizationId;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers {@link Proposals} and {@link ProposalFollowers} for other parts of Baraza, and forgets an
 * account that was deleted: its proposals stay (as a former resident's), its follows go.
 */
@Service
class ProposalCatalogue implements Proposals, ProposalFollowers {

    static final int MAX_HIDDEN_REASON = 500;

    private final ProposalRepository repository;
    private final AuditTrail audit;
    private final Clock clock;

    ProposalCatalogue(ProposalRepository repository, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Optional<ProposalSummary> find(OrganizationId organization, ProposalId proposal) {
        return repository.find(organization, proposal).map(found -> new ProposalSummary(found.id(), organization,
            found.process(), found.title(), found.status(), found.supports(), found.qualifiedAt(), found.path()));
    }

    @Override
    public List<ProposalSummary> qualified(OrganizationId organization, ProcessId process) {
        return repository.qualified(organization, process).stream().map(card -> new ProposalSummary(card.id(), organization,
            card.process(), card.title(), card.status(), card.supports(), card.qualifiedAt(), card.path())).toList();
    }

    @Override
    @Transactional
    public boolean hide(OrganizationId organization, ProposalId proposal, long moderatorAccountId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_HIDDEN_REASON) {
            throw new IllegalArgumentException("a reason of 1 to " + MAX_HIDDEN_REASON + " characters is shown publicly");
        }
        if (!repository.hide(organization, proposal, why, clock.instant())) {
            return false;
        }
        audit.record(organization, moderatorAccountId, "proposal.hidden", "proposal:" + proposal.value(), Map.of());
        return true;
    }

    @Override
    @Transactional
    public boolean holdForReview(OrganizationId organization, ProposalId proposal) {
        return repository.holdForReview(organization, proposal, clock.instant());
    }

    @Override
    @Transactional
    public boolean restore(OrganizationId organization, ProposalId proposal, long moderatorAccountId) {
        if (!repository.restore(organization, proposal)) {
            return false;
        }
        audit.record(organization, moderatorAccountId, "proposal.restored", "proposal:" + proposal.value(), Map.of());
        return true;
    }

    @Override
    public void forEachFollower(OrganizationId organization, ProposalId proposal, LongConsumer follower) {
        repository.forEachFollower(organization, proposal, follower);
    }

    @Override
    public boolean follows(OrganizationId organization, ProposalId proposal, long accountId) {
        return repository.follows(organization, proposal, accountId);
    }

    @EventListener
    @Transactional
    void on(AccountDeleted deleted) {
        repository.forgetAccount(deleted.organization(), deleted.accountId());
    }
}
