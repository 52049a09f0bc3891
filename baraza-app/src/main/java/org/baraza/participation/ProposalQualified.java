package org.baraza.participation;

import java.time.Instant;
import org.baraza.platform.OrganizationId;

/** A proposal's supports reached its process's threshold: it can now be put to a consultation. Published once. */
public record ProposalQualified(OrganizationId organization, ProcessId process, ProposalId proposal, int supports,
                                Instant qualifiedAt) {
}
