package org.baraza.budgeting.ballots;

/** How a person voted in an edition (budget_voter_roll.channel); one roll, so one way only. */
enum Channel {
    /** On their own device; the only ballot its voter may replace (with their receipt) until voting closes. */
    ONLINE,
    /** At a booth, on the officer's device, after the officer found them. */
    BOOTH,
    /** On paper at a booth: marked on the roll; the sheet is entered after closing, with no receipt and no link to them. */
    PAPER
}
