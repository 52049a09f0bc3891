package org.baraza.participation.proposals;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.baraza.participation.ProposalId;
import org.baraza.platform.OrganizationId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The author changes their proposal within {@link Proposal#EDIT_WINDOW} of making it and before anyone
 * supports it. All of it (text, image, documents) changes or nothing does.
 */
@Service
class EditProposal {

    private final ProposalRepository repository;
    private final TransactionTemplate transaction;
    private final Clock clock;

    EditProposal(ProposalRepository repository, TransactionTemplate transaction, Clock clock) {
        this.repository = repository;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Whether the account may edit the proposal now. */
    static Optional<ProposalRefusal> refusal(Proposal proposal, long accountId, Instant now) {
        if (!proposal.isAuthoredBy(accountId)) {
            return Optional.of(ProposalRefusal.NOT_AUTHOR);
        }
        if (proposal.hiddenAt() != null) {
            return Optional.of(ProposalRefusal.HIDDEN);
        }
        if (proposal.withdrawnAt() != null) {
            return Optional.of(ProposalRefusal.WITHDRAWN);
        }
        if (!proposal.isEditableAt(now)) {
            return Optional.of(ProposalRefusal.EDIT_CLOSED);
        }
        return Optional.empty();
    }

    Optional<ProposalRefusal> edit(OrganizationId organization, long accountId, Proposal proposal, ProposalDraft draft) {
        Instant now = clock.instant();
        Optional<ProposalRefusal> refusal = refusal(proposal, accountId, now);
        if (refusal.isPresent()) {
            return refusal;
        }
        ProposalId id = proposal.id();
        return transaction.execute(status -> {
            // the update re-checks author, window and supports, and locks the row until commit
            if (!repository.update(organization, id, accountId, draft, now)) {
                return Optional.of(ProposalRefusal.EDIT_CLOSED);
            }
            int documents = repository.documents(organization, id).size() - draft.removeDocuments().size()
                + draft.documents().size();
            if (documents > PdfUpload.MAX_PER_PROPOSAL) {
                status.setRollbackOnly();
                return Optional.of(ProposalRefusal.TOO_MANY_DOCUMENTS);
            }
            if (draft.image() != null) {
                repository.replaceImage(organization, id, draft.image(), draft.imageAlt());
            } else if (draft.removeImage()) {
                repository.removeImage(organization, id);
            } else if (draft.imageAlt() != null) {
                repository.changeImageAlt(organization, id, draft.imageAlt());
            }
            repository.deleteDocuments(organization, id, draft.removeDocuments());
            for (PdfUpload document : draft.documents()) {
                repository.insertDocument(organization, id, document, now);
            }
            return Optional.<ProposalRefusal>empty();
        });
    }
}
