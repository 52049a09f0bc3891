package org.baraza.participation.processes;

/** Why an admin's change to a process was refused; nothing was changed. Each has a translated message. */
enum ProcessRefusal {
    /** Voting has started: phases that allow voting, and the district scope, can no longer change. */
    VOTING_STARTED,
    /** Phases follow one another: a phase may not overlap another. */
    PHASE_OVERLAPS,
    /** A process that holds consultations is kept: their voter rolls and results refer to it. */
    HAS_CONSULTATIONS,
    NOT_FOUND;

    String messageKey() {
        return "processes.refused." + name();
    }
}
