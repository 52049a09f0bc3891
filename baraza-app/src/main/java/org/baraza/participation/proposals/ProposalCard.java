package org.baraza.participation.proposals;

import java.time.Instant;
import org.baraza.participation.ProcessId;
import org.baraza.participation.ProposalId;
import org.baraza.participation.ProposalStatus;

/** A proposal as lists show it: no body, no image bytes. */
record ProposalCard(ProposalId id, ProcessId process, String title, String summary, Category category,
                    String districtCode, MapPoint point, int supports, ProposalStatus status, Instant qualifiedAt,
                    Instant createdAt) {

    public String path() {
        return Proposal.path(process, id);
    }
}
