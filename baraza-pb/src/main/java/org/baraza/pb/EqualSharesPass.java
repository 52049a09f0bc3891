package org.baraza.pb;

import java.util.Arrays;

/**
 * One pass of the Method of Equal Shares with cost utilities at a fixed per-voter endowment
 * (mes-conventions.md §1): every voter starts with the endowment; in each round the project whose
 * supporters can pay for it with the smallest equal share q (affordability q/cost, pabutools' ρ)
 * is bought, each supporter paying min(their money, q); a project its supporters can no longer
 * afford leaves for good. Ties go to the lower tie-break rank.
 * <p>
 * For speed, voters are held as groups of identical ballots, and groups with the same money share
 * one "purse" value; a round scans projects in order of their previous affordability and stops at
 * the first whose previous value is strictly worse than the best found (values only worsen, so the
 * result is unchanged, §1 "Optimisation"), and a project none of whose supporters paid since it was
 * last evaluated keeps its value.
 */
final class EqualSharesPass {

    private static final int EMPTY_PURSE = 0;

    private final EqualSharesProfile profile;
    private final EqualSharesStability stability;

    // Purses: the money of every voter of the groups holding the purse id.
    private EqualSharesAmount[] purse = new EqualSharesAmount[64];
    private int purseCount;
    private final int[] groupPurse;

    // Scratch space indexed by purse id.
    private long[] purseWeight = new long[64];
    private int[] purseStamp = new int[64];
    private int[] purseMovesTo = new int[64];
    private int stamp;
    private int[] touched = new int[64];

    // Per project: the last computed affordability (a lower bound on the current one) and equal share.
    private final EqualSharesAmount[] affordability;
    private final EqualSharesAmount[] share;
    private final int[] evaluatedInRound;
    private final int[] paidIntoInRound;

    private EqualSharesPass(EqualSharesProfile profile, EqualSharesStability stability) {
        this.profile = profile;
        this.stability = stability;
        this.groupPurse = new int[profile.groupCount];
        this.affordability = new EqualSharesAmount[profile.projectCount];
        this.share = new EqualSharesAmount[profile.projectCount];
        this.evaluatedInRound = new int[profile.projectCount];
        this.paidIntoInRound = new int[profile.projectCount];
    }

    /** The projects selected, in selection order, and how far the endowment may rise with the same result. */
    record Result(int[] selected, EqualSharesStability stability) {
    }

    /**
     * Runs a pass with {@code endowment} per voter. With {@code trackStability}, the result also
     * tells how many whole units the endowment may rise and select the same projects in the same order.
     */
    static Result run(EqualSharesProfile profile, Rational endowment, boolean trackStability) {
        EqualSharesStability stability = trackStability ? EqualSharesStability.tracked() : EqualSharesStability.untracked();
        EqualSharesPass pass = new EqualSharesPass(profile, stability);
        EqualSharesAmount start = new EqualSharesAmount(endowment, trackStability ? Rational.ONE : Rational.ZERO);
        return new Result(pass.select(start), stability);
    }

    private int[] select(EqualSharesAmount endowment) {
        newPurse(EqualSharesAmount.ZERO);
        int everyone = newPurse(endowment);
        Arrays.fill(groupPurse, everyone);

        // Candidates: positive cost and at least one approver (§1.2). With cost utilities the
        // affordability before any payment is c / (approvals * c) = 1 / approvals.
        int[] order = new int[profile.projectCount];
        int remaining = 0;
        for (int p = 0; p < profile.projectCount; p++) {
            if (profile.cost[p].signum() > 0 && profile.approvals[p] > 0) {
                order[remaining++] = p;
                affordability[p] = EqualSharesAmount.constant(Rational.of(1, profile.approvals[p]));
                evaluatedInRound[p] = -1;
                paidIntoInRound[p] = -1;
            }
        }
        int[] selected = new int[remaining];
        int selectedCount = 0;
        boolean slopesDropped = !stability.tracking();

        for (int round = 0; ; round++) {
            if (!slopesDropped && !stability.tracking()) {
                dropSlopes(order, remaining);
                slopesDropped = true;
            }
            sortByAffordability(order, remaining);
            int best = -1;
            boolean unbreakableTie = false;
            int kept = 0;
            int scanned = 0;
            for (; scanned < remaining; scanned++) {
                int p = order[scanned];
                if (best >= 0 && affordability[p].compareAtStart(affordability[best]) > 0) {
                    break;
                }
                if ((Boolean.getBoolean("noclean") || paidIntoInRound[p] >= evaluatedInRound[p]) && !evaluate(p, round)) {
                    continue; // unaffordable for good: drop it from the order
                }
                order[kept++] = p;
                if (best < 0) {
                    best = p;
                    continue;
                }
                int byValue = affordability[p].compareAtStart(affordability[best]);
                if (byValue < 0 || (byValue == 0 && profile.tieRank[p] < profile.tieRank[best])) {
                    unbreakableTie = false;
                    best = p;
                } else if (byValue == 0 && profile.tieRank[p] == profile.tieRank[best]) {
                    unbreakableTie = true;
                }
            }
            if (best < 0) {
                return Arrays.copyOf(selected, selectedCount);
            }
            if (unbreakableTie) {
                throw new IllegalStateException("Equal Shares tie-breaking failed: projects with equal "
                    + "affordability, cost and approvals, including '" + profile.ids[best] + "'");
            }
            if (stability.tracking()) {
                keepBestAhead(best, order, kept, scanned, remaining);
            }
            // Drop the winner, keep the unscanned tail.
            int next = 0;
            for (int i = 0; i < kept; i++) {
                if (order[i] != best) {
                    order[next++] = order[i];
                }
            }
            for (int i = scanned; i < remaining; i++) {
                order[next++] = order[i];
            }
            remaining = next;
            selected[selectedCount++] = best;
            if (Boolean.getBoolean("trace")) System.out.println("MINE " + profile.ids[best] + " rho=" + affordability[best].atStart().doubleValue() + " share=" + share[best].atStart());
            buy(best, round);
            if (Boolean.getBoolean("trace")) { Rational tot = Rational.ZERO; long zero = 0; for (int g = 0; g < profile.groupCount; g++) { tot = tot.add(purse[groupPurse[g]].atStart().multiply(profile.groupWeight[g])); if (groupPurse[g] == 0) zero += profile.groupWeight[g]; } System.out.println("   total " + tot.doubleValue() + " zero " + zero); }
        }
    }

    // For the stability interval: the winner must stay ahead of every other candidate (§3 ties by rank).
    private void keepBestAhead(int best, int[] order, int kept, int scanned, int remaining) {
        EqualSharesAmount winning = affordability[best];
        for (int i = 0; i < kept && stability.tracking(); i++) {
            int p = order[i];
            if (p == best) {
                continue;
            }
            EqualSharesAmount lead = winning.subtract(affordability[p]);
            if (profile.tieRank[best] < profile.tieRank[p]) {
                stability.keepNonPositive(lead);
            } else {
                stability.keepNegative(lead);
            }
        }
        // Unscanned projects: their stored affordability is a lower bound on their current one.
        for (int i = scanned; i < remaining && stability.tracking(); i++) {
            stability.keepNegative(winning.subtract(affordability[order[i]]));
        }
    }

    /**
     * Recomputes the equal share of project {@code p} from its supporters' current money; false
     * when they no longer hold its cost (it can never become affordable again).
     */
    private boolean evaluate(int p, int round) {
        int purses = collectSupporterPurses(p);
        Rational cost = profile.cost[p];
        EqualSharesAmount money = EqualSharesAmount.ZERO;
        long payers = 0;
        for (int i = 0; i < purses; i++) {
            int id = touched[i];
            money = money.add(purse[id].multiply(purseWeight[id]));
            payers += purseWeight[id];
        }
        if (money.atStart().compareTo(cost) < 0) {
            stability.keepNegative(money.subtract(EqualSharesAmount.constant(cost)));
            return false;
        }
        sortPursesByMoney(purses);
        // Poorest first: a purse pays everything while the equal share of the rest exceeds it.
        EqualSharesAmount unpaid = EqualSharesAmount.constant(cost);
        int full = 0;
        while (full < purses) {
            int id = touched[full];
            EqualSharesAmount all = purse[id].multiply(purseWeight[id]);
            // share = unpaid / payers > purse  <=>  unpaid > purse * payers
            if (unpaid.compareAtStart(purse[id].multiply(payers)) <= 0) {
                break;
            }
            unpaid = unpaid.subtract(all);
            payers -= purseWeight[id];
            full++;
        }
        EqualSharesAmount equalShare = unpaid.divide(payers);
        if (stability.tracking()) {
            for (int i = 0; i < purses && stability.tracking(); i++) {
                EqualSharesAmount gap = purse[touched[i]].subtract(equalShare);
                if (i < full) {
                    stability.keepNegative(gap);
                } else {
                    stability.keepNonPositive(gap.multiply(-1));
                }
            }
        }
        share[p] = equalShare;
        affordability[p] = equalShare.divide(cost);
        evaluatedInRound[p] = round;
        return true;
    }

    // Supporters pay min(money, share); voters of groups that shared a purse still share one after.
    private void buy(int p, int round) {
        EqualSharesAmount equalShare = share[p];
        int mark = ++stamp;
        for (int g : profile.projectGroups[p]) {
            int id = groupPurse[g];
            if (id != EMPTY_PURSE) {
                if (purseStamp[id] != mark) {
                    purseStamp[id] = mark;
                    int after = purseAfterPaying(purse[id], equalShare); // may grow the arrays
                    purseMovesTo[id] = after;
                }
                groupPurse[g] = purseMovesTo[id];
            }
            for (int q : profile.groupProjects[g]) {
                paidIntoInRound[q] = round;
            }
        }
    }

    private int purseAfterPaying(EqualSharesAmount money, EqualSharesAmount equalShare) {
        if (money.compareAtStart(equalShare) < 0) {
            return EMPTY_PURSE;
        }
        EqualSharesAmount left = money.subtract(equalShare);
        if (!stability.tracking()) {
            left = left.withoutSlope();
        }
        return left.isZero() ? EMPTY_PURSE : newPurse(left);
    }

    // Fills touched[0..n) with the distinct non-empty purses of p's supporters, purseWeight with their voters.
    private int collectSupporterPurses(int p) {
        int mark = ++stamp;
        int count = 0;
        for (int g : profile.projectGroups[p]) {
            int id = groupPurse[g];
            if (id == EMPTY_PURSE) {
                continue;
            }
            if (purseStamp[id] != mark) {
                purseStamp[id] = mark;
                purseWeight[id] = 0;
                if (count == touched.length) {
                    touched = Arrays.copyOf(touched, count * 2);
                }
                touched[count++] = id;
            }
            purseWeight[id] += profile.groupWeight[g];
        }
        return count;
    }

    private int newPurse(EqualSharesAmount money) {
        if (purseCount == purse.length) {
            int size = purseCount * 2;
            purse = Arrays.copyOf(purse, size);
            purseWeight = Arrays.copyOf(purseWeight, size);
            purseStamp = Arrays.copyOf(purseStamp, size);
            purseMovesTo = Arrays.copyOf(purseMovesTo, size);
        }
        purse[purseCount] = money;
        return purseCount++;
    }

    private void dropSlopes(int[] order, int remaining) {
        for (int id = 0; id < purseCount; id++) {
            purse[id] = purse[id].withoutSlope();
        }
        for (int i = 0; i < remaining; i++) {
            int p = order[i];
            affordability[p] = affordability[p].withoutSlope();
            if (share[p] != null) {
                share[p] = share[p].withoutSlope();
            }
        }
    }

    // Insertion sort: the order changes little from round to round, so this is close to linear.
    private void sortByAffordability(int[] order, int count) {
        for (int i = 1; i < count; i++) {
            int p = order[i];
            EqualSharesAmount value = affordability[p];
            int j = i - 1;
            while (j >= 0 && affordability[order[j]].compareAtStart(value) > 0) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = p;
        }
    }

    private void sortPursesByMoney(int count) {
        if (count < 2) {
            return;
        }
        Integer[] boxed = new Integer[count];
        for (int i = 0; i < count; i++) {
            boxed[i] = touched[i];
        }
        Arrays.sort(boxed, (a, b) -> purse[a].compareAtStart(purse[b]));
        for (int i = 0; i < count; i++) {
            touched[i] = boxed[i];
        }
    }
}
