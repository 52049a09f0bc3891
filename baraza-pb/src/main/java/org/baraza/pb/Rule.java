package org.baraza.pb;

import java.util.List;

/** A rule that chooses which projects a budget funds. Implementations are pure and thread-safe. */
public interface Rule {

    /** The rule's name on the command line, e.g. {@code mes-add1}. */
    String name();

    /** Chooses the winners; ties between otherwise equal projects go to the one {@code tieBreak} puts first. */
    default Outcome apply(Election election, TieBreak tieBreak) {
        return apply(election, tieBreak, List.of());
    }

    /**
     * The same, funding at most one project of each incompatibility: once a project is chosen, the
     * projects incompatible with it are no longer candidates.
     */
    Outcome apply(Election election, TieBreak tieBreak, List<Incompatibility> incompatibilities);
}
