package org.baraza.participation.proposals;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.baraza.participation.PhaseAction;
import org.baraza.participation.ProcessId;
import org.baraza.participation.ProposalId;
import org.baraza.participation.Processes;
import org.baraza.participation.moderation.PostingLimits;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.ResidentVerification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A verified resident makes a proposal in a process whose current phase takes proposals, within the
 * posting limits every contribution has (blocks, speed, new accounts). The author follows it from the start. The same service serves the web form and any later channel.
 */
@Service
class SubmitProposal {

    /** The new proposal, or why there is none. */
    record Submission(ProposalId id, ProposalRefusal refusal) {
    }

    private final ProposalRepository repository;
    private final Processes processes;
    private final ResidentVerification verification;
    private final PostingLimits limits;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SubmitProposal(ProposalRepository repository, Processes processes, ResidentVerification verification,
                   PostingLimits limits, TransactionTemplate transaction, Clock clock) {
        this.repository = repository;
        this.processes = processes;
        this.verification = verification;
        this.limits = limits;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Whether the account may make a proposal in the process now; asked before the form is even shown. */
    Optional<ProposalRefusal> refusal(OrganizationId organization, long accountId, ProcessId process) {
        if (!verification.isVerified(organization, accountId)) {
            return Optional.of(ProposalRefusal.NOT_VERIFIED);
        }
        if (!processes.isOpen(organization, process, PhaseAction.CREATE_PROPOSALS)) {
            return Optional.of(ProposalRefusal.CREATION_CLOSED);
        }
        return Optional.empty();
    }

    /** @throws org.baraza.participation.moderation.PostingRefused if the account is blocked or over a posting limit */
    Submission submit(OrganizationId organization, long accountId, ProcessId process, ProposalDraft draft,
                      HttpServletRequest request) {
        Optional<ProposalRefusal> refusal = refusal(organization, accountId, process);
        if (refusal.isPresent()) {
            return new Submission(null, refusal.get());
        }
        limits.check(organization, accountId, request);
        Instant now = clock.instant();
        ProposalId id = transaction.execute(status -> {
            ProposalId created = repository.insert(organization, process, accountId, draft, now);
            for (PdfUpload document : draft.documents()) {
                repository.insertDocument(organization, created, document, now);
            }
            repository.follow(organization, created, accountId, now);
            return created;
        });
        return new Submission(id, null);
    }
}
