package org.baraza.budgeting.results;

import java.time.Clock;
import java.time.Instant;
import org.baraza.participation.Phase;
import org.baraza.participation.PhaseAction;
import org.baraza.participation.Processes;
import org.springframework.stereotype.Component;

/**
 * Whether an edition's voting is over: no phase that allows voting is current or still to come. Results,
 * exports and publication wait for it, so that no count of an open ballot box ever leaves the box.
 */
@Component
public class VotingClosed {

    private final Processes processes;
    private final Clock clock;

    VotingClosed(Processes processes, Clock clock) {
        this.processes = processes;
        this.clock = clock;
    }

    public boolean of(Edition edition) {
        Instant now = clock.instant();
        for (Phase phase : processes.phases(edition.organization(), edition.process())) {
            if (phase.allows(PhaseAction.VOTE) && now.isBefore(phase.endsAt())) {
                return false;
            }
        }
        return true;
    }
}
