package org.baraza.participation;

import java.time.Instant;
import org.baraza.platform.OrganizationId;

/**
 * A consultation stopped taking ballots, at its closing date or earlier by an admin; its results are
 * published from now on (paper totals may still be added by officers). Published once.
 */
public record ConsultationClosed(OrganizationId organization, ProcessId process, ConsultationId consultation,
                                 Instant closedAt) {
}
