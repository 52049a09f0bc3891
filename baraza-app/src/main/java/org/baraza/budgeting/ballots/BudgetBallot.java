package org.baraza.budgeting.ballots;

import java.util.List;

/**
 * A ballot that keeps every rule of its edition, ready for the box: the headings it takes part in (even
 * those where nothing was chosen: its voter counts among that heading's voters) and the projects chosen.
 * Only {@link BallotOffer} makes one, after checking the rules.
 */
record BudgetBallot(List<Long> headings, List<Choice> choices) {

    /** A project chosen: points 1 on approval and knapsack ballots; rank 1 = first choice on ranked ballots, else null. */
    record Choice(long headingId, long projectId, int points, Integer rank) {
    }

    BudgetBallot {
        headings = List.copyOf(headings);
        choices = List.copyOf(choices);
    }
}
