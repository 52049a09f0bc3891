package org.baraza.participation.voting;

/** How a person voted. All three share one voter roll, so whoever voted one way cannot vote another. */
public enum Channel {
    /** On their own device. */
    ONLINE,
    /** At a booth, on the officer's device, after the officer found them in the census. */
    BOOTH,
    /** On paper at a booth; the officer marks them on the roll, the paper ballots are counted and entered as totals. */
    PAPER
}
