package org.baraza.participation.processes;

import java.time.Instant;
import java.util.List;
import org.baraza.participation.ConsultationId;
import org.baraza.participation.ProcessId;
import org.baraza.platform.OrganizationId;

/**
 * What the process pages need to know of the consultations held in a process. Implemented by the
 * consultations package, so processes depend on this small interface rather than on consultations.
 */
public interface ConsultationsOfProcess {

    /** A consultation as a process page lists it. */
    record Listed(ConsultationId id, String title, Instant opensAt, Instant closesAt, boolean closed) {

        public boolean isOpenAt(Instant now) {
            return !closed && !now.isBefore(opensAt) && now.isBefore(closesAt);
        }

        public boolean hasClosedAt(Instant now) {
            return closed || !now.isBefore(closesAt);
        }
    }

    List<Listed> consultations(OrganizationId organization, ProcessId process);

    /** Whether any consultation of the process has opened or has a voter on its roll. */
    boolean votingStarted(OrganizationId organization, ProcessId process, Instant now);
}
