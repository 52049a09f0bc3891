package org.baraza.participation;

/**
 * Where a proposal stands. QUALIFIED is for ever once reached (later withdrawn supports do not undo it);
 * WITHDRAWN (by its author) and HIDDEN (by a moderator) take precedence over both OPEN and QUALIFIED.
 */
public enum ProposalStatus {
    OPEN,
    QUALIFIED,
    WITHDRAWN,
    HIDDEN;

    /** The lower-case name used in URLs and the JSON API. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
