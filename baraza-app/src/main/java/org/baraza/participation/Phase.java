package org.baraza.participation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * One step of a participatory process: whole days in the municipality's time zone, from {@code startsOn}
 * to {@code endsOn} inclusive, stored also as the instants {@code startsAt} (midnight starting the first
 * day) and {@code endsAt} (midnight ending the last), and the actions open to residents meanwhile.
 */
public record Phase(long id, ProcessId process, String title, String description, LocalDate startsOn, LocalDate endsOn,
                    Instant startsAt, Instant endsAt, Set<PhaseAction> actions) {

    public Phase {
        actions = actions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(actions));
    }

    public boolean allows(PhaseAction action) {
        return actions.contains(action);
    }

    /** Whether {@code now} falls in this phase. */
    public boolean isCurrentAt(Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }
}
