package org.baraza.pb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** What may follow an Equal Shares outcome: pabutools' greedy completion, or the checker's comparison with greedy. */
final class EqualSharesCompletion {

    private EqualSharesCompletion() {
    }

    /**
     * pabutools' greedy completion with cost utilities (mes-conventions.md §4 PT
     * completion_by_rule_combination): the other projects by approvals, most first (a cost-0 project
     * has no cost utility, so it comes with the unapproved ones), ties by rank; each added if it fits.
     */
    static int[] greedy(EqualSharesProfile profile, int[] outcome) {
        Comparator<Integer> byUtility = Comparator
            .<Integer>comparingLong(p -> profile.cost[p].signum() > 0 ? -profile.approvals[p] : 0)
            .thenComparingInt(p -> profile.tieRank[p]);
        return fill(profile, outcome, byUtility);
    }

    /**
     * The comparison step (§4 CHK "-comparison", satisfaction mode): greedy by approvals from
     * nothing replaces {@code winners} if more voters approve strictly more of its projects than
     * approve strictly more of the winners. Greedy ties keep file order (the checker's stable sort)
     * or follow the tie-break rank.
     */
    static int[] comparedWithGreedy(EqualSharesProfile profile, int[] winners, boolean tiesInFileOrder) {
        Comparator<Integer> byApprovals = Comparator
            .<Integer>comparingLong(p -> -profile.approvals[p])
            .thenComparingInt(p -> tiesInFileOrder ? p : profile.tieRank[p]);
        int[] greedy = fill(profile, new int[0], byApprovals);
        boolean[] inWinners = profile.chosen(winners);
        boolean[] inGreedy = profile.chosen(greedy);
        long prefersWinners = 0;
        long prefersGreedy = 0;
        for (int g = 0; g < profile.groupCount; g++) {
            int approvedWinners = 0;
            int approvedGreedy = 0;
            for (int p : profile.groupProjects[g]) {
                approvedWinners += inWinners[p] ? 1 : 0;
                approvedGreedy += inGreedy[p] ? 1 : 0;
            }
            if (approvedWinners > approvedGreedy) {
                prefersWinners += profile.groupWeight[g];
            } else if (approvedGreedy > approvedWinners) {
                prefersGreedy += profile.groupWeight[g];
            }
        }
        return prefersGreedy > prefersWinners ? greedy : winners;
    }

    // start, then the other projects in the given order, each if it still fits.
    private static int[] fill(EqualSharesProfile profile, int[] start, Comparator<Integer> order) {
        boolean[] taken = profile.chosen(start);
        List<Integer> rest = new ArrayList<>();
        for (int p = 0; p < profile.projectCount; p++) {
            if (!taken[p]) {
                rest.add(p);
            }
        }
        rest.sort(order);
        int[] result = Arrays.copyOf(start, profile.projectCount);
        int count = start.length;
        Rational left = profile.budget.subtract(profile.costOf(start));
        for (int p : rest) {
            if (profile.cost[p].compareTo(left) <= 0 && !profile.incompatible.clashesWithChosen(p, taken)) {
                result[count++] = p;
                taken[p] = true;
                left = left.subtract(profile.cost[p]);
            }
        }
        return Arrays.copyOf(result, count);
    }
}
