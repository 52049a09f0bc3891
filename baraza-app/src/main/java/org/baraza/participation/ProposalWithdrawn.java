package org.baraza.participation;

import java.time.Instant;
import org.baraza.platform.OrganizationId;

/** The author withdrew their proposal: it stays visible, marked withdrawn, and takes no more supports. */
public record ProposalWithdrawn(OrganizationId organization, ProcessId process, ProposalId proposal, Instant withdrawnAt) {
}
