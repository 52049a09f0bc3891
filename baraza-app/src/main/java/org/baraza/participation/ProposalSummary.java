package org.baraza.participation;

import java.time.Instant;
import org.baraza.platform.OrganizationId;

/**
 * What other parts of Baraza need to know of a proposal, e.g. to ask a yes/no question about a qualified
 * one in a consultation, or to tell its followers what happened.
 *
 * @param qualifiedAt when it reached its process's support threshold, or null
 * @param path the public page of the proposal, e.g. {@code /processes/3/proposals/41}
 */
public record ProposalSummary(ProposalId id, OrganizationId organization, ProcessId process, String title,
                              ProposalStatus status, int supports, Instant qualifiedAt, String path) {

    public boolean isQualified() {
        return qualifiedAt != null;
    }
}
