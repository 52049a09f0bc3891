package org.baraza.participation;

/** What residents may do during a phase of a participatory process. */
public enum PhaseAction {
    CREATE_PROPOSALS,
    SUPPORT,
    COMMENT,
    VOTE
}
