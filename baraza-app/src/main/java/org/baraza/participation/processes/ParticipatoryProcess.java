package org.baraza.participation.processes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.baraza.participation.Phase;
import org.baraza.participation.PhaseAction;
import org.baraza.participation.ProcessId;
import org.baraza.platform.OrganizationId;

/**
 * A participatory process: what it is about, where (a district or the whole city), which Sustainable
 * Development Goals it serves, and its phases in order.
 *
 * @param districtCode null for a city-wide process
 */
public record ParticipatoryProcess(ProcessId id, OrganizationId organization, String title, String description,
                                   String districtCode, List<Integer> sdgGoals, boolean hasImage, String imageAlt,
                                   boolean published, List<Phase> phases) {

    public ParticipatoryProcess {
        sdgGoals = List.copyOf(sdgGoals);
        phases = List.copyOf(phases);
    }

    public Optional<Phase> phaseAt(Instant now) {
        return phases.stream().filter(phase -> phase.isCurrentAt(now)).findFirst();
    }

    /** The first phase still to come, for "what happens next". */
    public Optional<Phase> nextPhaseAfter(Instant now) {
        return phases.stream().filter(phase -> phase.startsAt().isAfter(now)).findFirst();
    }

    /**
     * Whether voting has started in this process: a phase that allows voting has begun. From then on the
     * settings that decide who may vote and when are frozen (unlike CONSUL, which lets them change mid-vote).
     */
    public boolean votingStartedAt(Instant now) {
        return phases.stream().anyMatch(phase -> phase.allows(PhaseAction.VOTE) && !now.isBefore(phase.startsAt()));
    }

    public boolean isOver(Instant now) {
        return !phases.isEmpty() && !now.isBefore(phases.get(phases.size() - 1).endsAt());
    }

    public boolean hasNotBegun(Instant now) {
        return phases.isEmpty() || now.isBefore(phases.get(0).startsAt());
    }

    public ParticipatoryProcess withPhases(List<Phase> newPhases) {
        return new ParticipatoryProcess(id, organization, title, description, districtCode, sdgGoals, hasImage, imageAlt,
            published, newPhases);
    }
}
