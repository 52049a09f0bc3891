package org.baraza.participation.proposals;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.baraza.participation.ProposalWithdrawn;
import org.baraza.platform.OrganizationId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The author withdraws their proposal, for good: it stays readable, marked withdrawn with its supports
 * as they were, and takes no more supports (CONSUL's "retired" proposals). Its followers hear of it.
 */
@Service
class WithdrawProposal {

    private final ProposalRepository repository;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    WithdrawProposal(ProposalRepository repository, ApplicationEventPublisher events, TransactionTemplate transaction,
                     Clock clock) {
        this.repository = repository;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    static Optional<ProposalRefusal> refusal(Proposal proposal, long accountId) {
        if (!proposal.isAuthoredBy(accountId)) {
            return Optional.of(ProposalRefusal.NOT_AUTHOR);
        }
        if (proposal.withdrawnAt() != null) {
            return Optional.of(ProposalRefusal.WITHDRAWN);
        }
        return Optional.empty();
    }

    Optional<ProposalRefusal> withdraw(OrganizationId organization, long accountId, Proposal proposal) {
        Optional<ProposalRefusal> refusal = refusal(proposal, accountId);
        if (refusal.isPresent()) {
            return refusal;
        }
        Instant now = clock.instant();
        return transaction.execute(status -> {
            // a support takes the row lock too, so none slips in between
            repository.lockForSupport(organization, proposal.id());
            if (!repository.withdraw(organization, proposal.id(), accountId, now)) {
                return Optional.of(ProposalRefusal.WITHDRAWN);
            }
            events.publishEvent(new ProposalWithdrawn(organization, proposal.process(), proposal.id(), now));
            return Optional.<ProposalRefusal>empty();
        });
    }
}
