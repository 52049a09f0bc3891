package org.baraza.participation;

import java.util.List;
import java.util.Optional;
import org.baraza.platform.OrganizationId;

/**
 * What any module may ask about proposals, and what moderators may do to them. Another municipality's
 * proposals are unknown here.
 */
public interface Proposals {

    /** The proposal, whatever its status (hidden ones too: moderators and consultations need their titles). */
    Optional<ProposalSummary> find(OrganizationId organization, ProposalId proposal);

    /** The qualified proposals of a process, not withdrawn or hidden, in the order they qualified. */
    List<ProposalSummary> qualified(OrganizationId organization, ProcessId process);

    /**
     * A moderator hides the proposal; {@code reason} is shown publicly in its place. Audited.
     *
     * @return false if there is no such proposal or a moderator hid it already (one held for review can be hidden)
     */
    boolean hide(OrganizationId organization, ProposalId proposal, long moderatorAccountId, String reason);

    /**
     * Hides the proposal pending a moderator's review, after enough residents flagged it: no reason is shown
     * yet, only that moderators are looking at it. Not audited (nobody decided anything yet).
     *
     * @return false if there is no such proposal or it is hidden already
     */
    boolean holdForReview(OrganizationId organization, ProposalId proposal);

    /** A moderator shows a hidden proposal again. Audited. @return false if it was not hidden */
    boolean restore(OrganizationId organization, ProposalId proposal, long moderatorAccountId);
}
