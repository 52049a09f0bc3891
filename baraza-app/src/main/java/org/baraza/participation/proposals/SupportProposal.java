package org.baraza.participation.proposals;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.baraza.participation.PhaseAction;
import org.baraza.participation.Processes;
import org.baraza.participation.ProposalId;
import org.baraza.participation.ProposalQualified;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.ResidentVerification;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A verified resident supports a proposal, or takes their support back, while the process's current
 * phase takes supports. One support per person and proposal under any concurrency: the support's
 * primary key decides, and the proposal's row is locked while its count changes, so the count always
 * equals the supports stored. Reaching the threshold qualifies the proposal, once and for good: a
 * support taken back later does not undo it, because the city may already have acted on it (put it
 * to a consultation) and residents were told.
 */
@Service
class SupportProposal {

    /** What happened: {@code changed} false means it was so already (supported twice, or not supported). */
    record Outcome(boolean changed, ProposalRefusal refusal) {
        static Outcome refused(ProposalRefusal refusal) {
            return new Outcome(false, refusal);
        }
    }

    private final ProposalRepository repository;
    private final Processes processes;
    private final ResidentVerification verification;
    private final SupportThreshold threshold;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SupportProposal(ProposalRepository repository, Processes processes, ResidentVerification verification,
                    SupportThreshold threshold, ApplicationEventPublisher events, TransactionTemplate transaction,
                    Clock clock) {
        this.repository = repository;
        this.processes = processes;
        this.verification = verification;
        this.threshold = threshold;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Why the account may not support (or stop supporting) the proposal now, if it may not. */
    Optional<ProposalRefusal> refusal(OrganizationId organization, long accountId, Proposal proposal) {
        if (proposal.hiddenAt() != null) {
            return Optional.of(ProposalRefusal.HIDDEN);
        }
        if (proposal.withdrawnAt() != null) {
            return Optional.of(ProposalRefusal.WITHDRAWN);
        }
        if (!verification.isVerified(organization, accountId)) {
            return Optional.of(ProposalRefusal.NOT_VERIFIED);
        }
        if (!processes.isOpen(organization, proposal.process(), PhaseAction.SUPPORT)) {
            return Optional.of(ProposalRefusal.SUPPORTS_CLOSED);
        }
        return Optional.empty();
    }

    Outcome support(OrganizationId organization, long accountId, Proposal proposal) {
        Optional<ProposalRefusal> refusal = refusal(organization, accountId, proposal);
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        ProposalId id = proposal.id();
        return transaction.execute(status -> {
            ProposalRepository.SupportState state = repository.lockForSupport(organization, id).orElseThrow();
            if (state.hidden() || state.withdrawn()) {
                return Outcome.refused(state.hidden() ? ProposalRefusal.HIDDEN : ProposalRefusal.WITHDRAWN);
            }
            Instant now = clock.instant();
            if (!repository.insertSupport(organization, id, accountId, now)) {
                return new Outcome(false, null);
            }
            int supports = state.supports() + 1;
            SupportThreshold.Needed needed = threshold.needed(organization, state.process());
            boolean qualifies = state.qualifiedAt() == null && needed.isKnown() && supports >= needed.supports();
            Instant qualifiedAt = qualifies ? now : state.qualifiedAt();
            repository.setSupports(organization, id, supports, qualifiedAt);
            if (qualifies) {
                events.publishEvent(new ProposalQualified(organization, state.process(), id, supports, now));
            }
            return new Outcome(true, null);
        });
    }

    Outcome withdrawSupport(OrganizationId organization, long accountId, Proposal proposal) {
        Optional<ProposalRefusal> refusal = refusal(organization, accountId, proposal);
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        ProposalId id = proposal.id();
        return transaction.execute(status -> {
            ProposalRepository.SupportState state = repository.lockForSupport(organization, id).orElseThrow();
            if (state.hidden() || state.withdrawn()) {
                return Outcome.refused(state.hidden() ? ProposalRefusal.HIDDEN : ProposalRefusal.WITHDRAWN);
            }
            if (!repository.deleteSupport(organization, id, accountId)) {
                return new Outcome(false, null);
            }
            repository.setSupports(organization, id, state.supports() - 1, state.qualifiedAt());
            return new Outcome(true, null);
        });
    }
}
