package org.baraza.pb;

/** A rule that chooses which projects a budget funds. Implementations are pure and thread-safe. */
public interface Rule {

    /** The rule's name on the command line, e.g. {@code mes-add1}. */
    String name();

    /** Chooses the winners; ties between otherwise equal projects go to the one {@code tieBreak} puts first. */
    Outcome apply(Election election, TieBreak tieBreak);
}
