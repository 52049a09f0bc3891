package org.baraza.pb;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One pass of the Method of Equal Shares with cost utilities at a fixed per-voter endowment
 * (mes-conventions.md §1): every voter starts with the endowment; in each round the project whose
 * supporters can pay for it with the smallest equal share q (affordability q/cost, pabutools' ρ)
 * is bought, each supporter paying min(their money, q); a project its supporters can no longer
 * afford leaves for good. Ties go to the lower tie-break rank.
 * <p>
 * Exact and fast:
 * <ul>
 * <li>Voters are held as groups of identical ballots, and groups with the same money share one
 *     "purse", so a project's supporters are usually a handful of purses.</li>
 * <li>Every amount is held as a double too, with a rigorous bound on its error carried through
 *     every subtraction and sum, and decided on the double when it is clearly on one side; only
 *     amounts within that bound of a threshold are worked out exactly. Equal shares and
 *     affordabilities are found in doubles; since purses never change, the exact ones can be worked
 *     out later from the purses paying in full, and are only for a comparison the doubles cannot
 *     settle and for certificates that ask (EqualSharesRounds.Affordability); so is a purchase's
 *     exact share, unless its double is too rough to decide who pays in full. Exact money is
 *     written over one common denominator, so sums and comparisons are integer operations with no
 *     gcd; each purchase multiplies the denominator by its number of plain payers (so its share is
 *     whole whenever it is worked out), and a numerator written before is scaled up when next read.</li>
 * <li>A round scans projects in order of their previous affordability and stops at the first whose
 *     previous value is strictly worse than the best found (values only worsen, so the result is
 *     unchanged, §1 "Optimisation"); a project none of whose supporters paid since it was last
 *     evaluated keeps its value.</li>
 * <li>A project none of whose supporters has paid yet is one purse, everyone's, without a walk.
 *     A recording pass may follow the trail of a pass at a nearby endowment: while their
 *     purchases empty the same purses, it takes that pass's collections of supporters' purses and
 *     their signatures (EqualSharesTrail).</li>
 * </ul>
 * For the add1 loops the pass can also record, per round, the affordability of the winner and of
 * the projects close behind it, exact on demand: see {@link EqualSharesRounds}.
 */
final class EqualSharesPass {

    private static final int EMPTY_PURSE = 0;
    // Every voter's purse before the first purchase.
    private static final int EVERYONE = 1;
    // Relative rounding of ratio() and of a Rational's doubleValue(), with room to spare.
    private static final double ROUNDING = 0x1p-50;
    // Relative rounding of one double operation.
    private static final double ULP = 0x1p-52;
    private static final double WINDOW = EqualSharesRounds.WINDOW_ABOVE.doubleValue() / EqualSharesRounds.WINDOW_BELOW.doubleValue();

    private final EqualSharesProfile profile;
    private final boolean recordRounds;
    private EqualSharesRounds recording;

    // The common denominator at each epoch; scaleSince(e) = (denominator now) / (denominator at epoch
    // e), worked out when a value written at epoch e is read (rarely: most amounts are decided on
    // doubles), and kept for this epoch.
    private final List<BigInteger> denominatorAt = new ArrayList<>();
    private final java.util.Map<Integer, BigInteger> scaleSinceNow = new java.util.HashMap<>();
    private int epoch;

    private BigInteger denominator;

    // Purses: the money of every voter of the groups holding the purse id. purseApprox is it in
    // currency units, within a few ulps; exactly it is purseAt / denominator at purseEpoch, but
    // purseAt is only worked out when a decision needs it (null until then): the money of purse
    // purseParent less the share of purchase purseBuy.
    private double[] purseApprox;
    // How far purseApprox may be from the exact money, at most: a rigorous bound, carried through
    // every subtraction that made it, and far tighter than slack.
    private double[] purseError;
    // When recording: how fast each purse's money rises with the endowment just above this one
    // (every voter starts at 1; a guide for where to look next, never for a decision).
    private double[] purseSlope;
    private BigInteger[] purseAt;
    private int[] purseEpoch;
    private int[] purseParent;
    private int[] purseBuy;
    private int purseCount;
    private final int[] groupPurse;
    // Purchases: the project bought, and the share each supporter paid as a numerator over the
    // denominator at buyEpoch, worked out when first needed (null until then).
    private final List<Integer> buyProject = new ArrayList<>();
    private final List<BigInteger> buyShare = new ArrayList<>();
    private final List<Integer> buyEpoch = new ArrayList<>();
    // Absolute error allowed to a double before a decision is taken exactly: far above the
    // rounding of a few hundred subtractions and sums, far below any real difference in money.
    private double slack;

    // Scratch space indexed by purse id.
    private long[] purseWeight;
    private int[] purseStamp;
    private int[] purseMovesTo;
    private int stamp;
    private int[] touched = new int[64];
    // purseWeight is zero but for the purses touched[0..touchedBefore) by the last collection.
    private int touchedBefore;

    // Per project: cost·denominator at costEpoch.
    private final BigInteger[] costAt;
    private final int[] costEpoch;
    private final double[] costApprox;
    // The last equal share computed, (cost - money of the purses fullPayers) / sharePayers, those
    // purses holding fullWeights voters each. Purses never change, so the exact share can be worked
    // out from these whenever it is needed (for the winner's purchase, or an exact comparison).
    private final int[][] fullPayers;
    private final long[][] fullWeights;
    private final long[] sharePayers;
    // The last equal share computed, in currency units, and a bound on its absolute error.
    private final double[] shareApprox;
    private final double[] shareError;
    // The last affordability computed: a lower bound on the current one. rhoApprox and rhoError
    // repeat its double and relative error bound for the scans.
    private final EqualSharesRounds.Affordability[] rho;
    private final double[] rhoApprox;
    private final double[] rhoError;
    // When recording: the groups of each project's supporters that did not pay a plain equal share.
    private final int[][] signature;
    // When recording: the money of each project's supporters when last evaluated, roughly, and how
    // fast its equal share then falls with the endowment.
    private final double[] supportersMoney;
    private final double[] shareFall;
    private final int[] evaluatedInRound;
    private final int[] paidIntoInRound;
    // Per project, its supporter groups that may still hold money, supporters[p][0..supporterCount[p]),
    // in the profile's order: copied from the profile on first use, and those found without money
    // dropped at each collection (a group never gets money back).
    private final int[][] supporters;
    private final int[] supporterCount;
    private final int[] signatureScratch;
    // Projects incompatible with a winner: candidates no more.
    private final boolean[] excluded;
    // When recording: what this pass finds, for a later pass to follow (EqualSharesTrail).
    private final EqualSharesTrail trail;
    // The trail of an earlier pass, followed while every purchase so far emptied the same purses in
    // both (then both hold the same purses); null once one differs, or if none.
    private EqualSharesTrail following;
    // The purses the last purchase emptied, in the order its payments met them.
    private int[] emptied = new int[64];
    private int emptiedCount;

    private EqualSharesPass(EqualSharesProfile profile, boolean recordRounds, EqualSharesTrail following) {
        this.profile = profile;
        this.recordRounds = recordRounds;
        this.following = following;
        this.trail = recordRounds ? new EqualSharesTrail(profile.projectCount) : null;
        // Purse arrays as large as the largest pass so far needed: grown by doubling otherwise.
        int purses = Math.max(64, profile.pursesSeen());
        purseApprox = new double[purses];
        purseError = new double[purses];
        purseSlope = new double[purses];
        purseAt = new BigInteger[purses];
        purseEpoch = new int[purses];
        purseParent = new int[purses];
        purseBuy = new int[purses];
        purseWeight = new long[purses];
        purseStamp = new int[purses];
        purseMovesTo = new int[purses];
        this.groupPurse = new int[profile.groupCount];
        int projects = profile.projectCount;
        costAt = new BigInteger[projects];
        costEpoch = new int[projects];
        costApprox = new double[projects];
        fullPayers = new int[projects][];
        fullWeights = new long[projects][];
        sharePayers = new long[projects];
        shareApprox = new double[projects];
        shareError = new double[projects];
        rho = new EqualSharesRounds.Affordability[projects];
        rhoApprox = new double[projects];
        rhoError = new double[projects];
        signature = new int[projects][];
        supportersMoney = new double[projects];
        shareFall = new double[projects];
        evaluatedInRound = new int[projects];
        paidIntoInRound = new int[projects];
        excluded = new boolean[projects];
        supporters = new int[projects][];
        supporterCount = new int[projects];
        int most = 0;
        for (int[] groups : profile.projectGroups) {
            most = Math.max(most, groups.length);
        }
        signatureScratch = new int[most];
    }

    /** The projects selected with {@code endowment} per voter, in selection order. */
    static int[] select(EqualSharesProfile profile, Rational endowment) {
        return new EqualSharesPass(profile, false, null).run(endowment, null).selected();
    }

    /** The same, with each round's winner and close competitors recorded. */
    static EqualSharesRounds selectRecordingRounds(EqualSharesProfile profile, Rational endowment) {
        return selectRecordingRounds(profile, endowment, null);
    }

    /**
     * The same, following the trail of an earlier pass (at a nearby endowment, ideally) while in
     * step with it: the outcome is the same as without, only found faster.
     */
    static EqualSharesRounds selectRecordingRounds(EqualSharesProfile profile, Rational endowment, EqualSharesTrail following) {
        EqualSharesPass pass = new EqualSharesPass(profile, true, following);
        return pass.run(endowment, new EqualSharesRounds(profile, endowment, pass.trail));
    }

    private EqualSharesRounds run(Rational endowment, EqualSharesRounds rounds) {
        // A first denominator that makes the endowment and every cost whole.
        denominator = lcm(endowment.denominator(), profile.costDenominator);
        denominatorAt.add(denominator);
        slack = Math.max(endowment.doubleValue(), Double.MIN_NORMAL) * 1e-9;
        newPurse(BigInteger.ZERO, 0);
        newPurse(endowment.numerator().multiply(denominator.divide(endowment.denominator())), endowment.doubleValue());
        Arrays.fill(groupPurse, EVERYONE);
        purseSlope[EVERYONE] = 1.0;

        // Candidates: positive cost and at least one approver (§1.2). With cost utilities the
        // affordability before any payment is c / (approvals·c) = 1 / approvals.
        int[] order = new int[profile.projectCount];
        int remaining = 0;
        for (int p = 0; p < profile.projectCount; p++) {
            Rational cost = profile.cost[p];
            if (profile.isEligible(p)) {
                order[remaining++] = p;
                costAt[p] = cost.numerator().multiply(denominator.divide(cost.denominator()));
                costApprox[p] = cost.doubleValue();
                rhoApprox[p] = 1.0 / profile.approvals[p];
                rho[p] = new EqualSharesRounds.Affordability(BigInteger.ONE, BigInteger.valueOf(profile.approvals[p]),
                    rhoApprox[p]);
                evaluatedInRound[p] = -1;
                paidIntoInRound[p] = -1;
            }
        }
        EqualSharesRounds result = rounds != null ? rounds : new EqualSharesRounds(profile, endowment);
        recording = rounds;

        for (int round = 0; ; round++) {
            sortByAffordability(order, remaining);
            int best = -1;
            boolean unbreakableTie = false;
            int kept = 0;
            int scanned = 0;
            for (; scanned < remaining; scanned++) {
                int p = order[scanned];
                if (best >= 0 && beyondScan(p, best)) {
                    break;
                }
                if (paidIntoInRound[p] >= evaluatedInRound[p] && !evaluate(p, round)) {
                    continue; // unaffordable for good: drop it from the order
                }
                order[kept++] = p;
                if (best < 0) {
                    best = p;
                    continue;
                }
                int byValue = compareAffordability(p, best);
                if (byValue < 0 || (byValue == 0 && profile.tieRank[p] < profile.tieRank[best])) {
                    unbreakableTie = false;
                    best = p;
                } else if (byValue == 0 && profile.tieRank[p] == profile.tieRank[best]) {
                    unbreakableTie = true;
                }
            }
            if (best < 0) {
                // The rounds may keep this pass for exact values; not the groups it no longer needs.
                Arrays.fill(supporters, null);
                profile.sawPurses(purseCount);
                return result;
            }
            if (unbreakableTie) {
                throw new UnbreakableTieException("Equal Shares tie-breaking failed: projects with equal "
                    + "affordability, cost and approvals, including '" + profile.ids[best] + "'");
            }
            if (recordRounds) {
                result.addRound(best, rho[best], signature[best], supportersMoney[best], shareFall[best]);
                remaining = scanned + evaluateBeyond(order, scanned, remaining, round);
                if (scanned < remaining) {
                    // Every project not scanned is at least this unaffordable.
                    result.addBound(rho[leastAffordable(order, scanned, remaining)]);
                }
                for (int i = 0; i < kept; i++) {
                    int p = order[i];
                    if (p != best) {
                        result.addCompetitor(p, rho[p], signature[p], shareFall[p]);
                    }
                }
            } else {
                result.addRound(best, null, null, 0, 0);
            }
            // The winner leaves the candidates, and so do the projects incompatible with it.
            for (int q : profile.incompatible.partnersOf(best)) {
                excluded[q] = true;
            }
            int next = 0;
            for (int i = 0; i < kept; i++) {
                if (order[i] != best && !excluded[order[i]]) {
                    order[next++] = order[i];
                }
            }
            for (int i = scanned; i < remaining; i++) {
                if (!excluded[order[i]]) {
                    order[next++] = order[i];
                }
            }
            remaining = next;
            buy(best, round);
        }
    }

    /**
     * When recording, the projects beyond the window never evaluated yet are evaluated (in the first
     * round, every project), so that the bound on all projects not recorded is a value they had at
     * some point, not 1 / approvals, far below it: a winner's value rising past that refused
     * certificates over long intervals (27 of Budapest 2024's). Those found unaffordable leave for
     * good, which later rounds gain by. Returns how many of order[from..to) are left, kept in place.
     */
    private int evaluateBeyond(int[] order, int from, int to, int round) {
        int kept = from;
        for (int i = from; i < to; i++) {
            int p = order[i];
            if (evaluatedInRound[p] < 0 && !evaluate(p, round)) {
                continue;
            }
            order[kept++] = p;
        }
        return kept - from;
    }

    // The least affordable of order[from..to) by the values known.
    private int leastAffordable(int[] order, int from, int to) {
        int least = order[from];
        for (int i = from + 1; i < to; i++) {
            if (compareAffordability(order[i], least) < 0) {
                least = order[i];
            }
        }
        return least;
    }

    /**
     * Whether the scan may stop at {@code p}: its affordability can no longer beat the best. When
     * recording, the scan goes on through the window (EqualSharesRounds#WINDOW) above the best, so
     * that every project that close is evaluated exactly.
     */
    private boolean beyondScan(int p, int best) {
        if (!recordRounds) {
            return compareAffordability(p, best) > 0;
        }
        double window = rhoApprox[best] * WINDOW;
        double tolerance = EqualSharesRounds.Affordability.tolerance(rhoError[p], rhoError[best]);
        if (rhoApprox[p] > window * (1 + tolerance)) {
            return true; // a close double decides unless within its error bound
        }
        if (rhoApprox[p] < window * (1 - tolerance)) {
            return false;
        }
        BigInteger widened = rho[best].at().multiply(EqualSharesRounds.WINDOW_ABOVE);
        BigInteger below = rho[best].below().multiply(EqualSharesRounds.WINDOW_BELOW);
        return rho[p].at().multiply(below).compareTo(widened.multiply(rho[p].below())) > 0;
    }

    private int compareAffordability(int a, int b) {
        // A close double decides unless the two are within their error bounds; then exactly.
        double x = rhoApprox[a];
        double y = rhoApprox[b];
        double tolerance = EqualSharesRounds.Affordability.tolerance(rhoError[a], rhoError[b]);
        if (x < y * (1 - tolerance)) {
            return -1;
        }
        if (y < x * (1 - tolerance)) {
            return 1;
        }
        return rho[a].compareTo(rho[b]);
    }

    // numerator / denominator for positive integers, to about 1e-15 relative error.
    private static double ratio(BigInteger numerator, BigInteger denominator) {
        int shiftNumerator = Math.max(0, numerator.bitLength() - 60);
        int shiftDenominator = Math.max(0, denominator.bitLength() - 60);
        double quotient = numerator.shiftRight(shiftNumerator).doubleValue()
            / denominator.shiftRight(shiftDenominator).doubleValue();
        return Math.scalb(quotient, shiftNumerator - shiftDenominator);
    }

    /**
     * Recomputes the equal share of project {@code p} from its supporters' current money; false
     * when they no longer hold its cost (it can never become affordable again).
     */
    private boolean evaluate(int p, int round) {
        EqualSharesTrail.Collected known = following != null ? following.collectedFor(p, round, paidIntoInRound[p]) : null;
        int purses = known != null ? collectedBefore(known) : collectSupporterPurses(p);
        if (trail != null) {
            if (known != null) {
                trail.taken(round, p, known);
            } else {
                long[] weights = new long[purses];
                for (int i = 0; i < purses; i++) {
                    weights[i] = purseWeight[touched[i]];
                }
                trail.collected(round, p, Arrays.copyOf(touched, purses), weights);
            }
        }
        double moneyApprox = 0;
        long payers = 0;
        for (int i = 0; i < purses; i++) {
            int id = touched[i];
            moneyApprox += purseApprox[id] * purseWeight[id];
            payers += purseWeight[id];
        }
        double margin = payers * slack + costApprox[p] * 1e-12;
        if (moneyApprox < costApprox[p] - margin
            || (moneyApprox <= costApprox[p] + margin && exactMoney(purses).compareTo(costNow(p)) < 0)) {
            if (recording != null) {
                double rising = 0;
                for (int i = 0; i < purses; i++) {
                    rising += purseSlope[touched[i]] * purseWeight[touched[i]];
                }
                recording.addDrop(p, round, moneyApprox, rising);
            }
            return false;
        }
        // The purses paying in full are exactly those holding less than the final equal share. Find
        // them as pabutools' poor/rich loop does: whoever holds less than the share of the others so
        // far pays in full, which raises the share; repeat until nobody else falls below it. In
        // doubles with a rigorous error bound: a purse too close to the share to tell is compared
        // exactly, and the exact share is left for when a decision needs it.
        double cost = costApprox[p];
        double unpaid = cost;
        double magnitude = cost; // cost + money of the full payers: the sum's rounding scales with it
        double inherited = cost * ROUNDING; // the error of the terms themselves
        int full = 0;
        // Purses holding more than twice the first share are set aside at the end of touched (from
        // `near` on): the share rises little from one round of the loop to the next, and they are
        // read again only if it comes close to that (farError: the largest error among them).
        int near = purses;
        double far = Double.NaN;
        double farError = 0;
        while (true) {
            double share = unpaid / payers;
            double shareError = sumError(inherited, magnitude, full) / payers + share * 2 * ULP;
            if (Double.isNaN(far)) {
                far = 2 * share;
            } else if (share + shareError + farError >= far) {
                near = purses;
                far = Double.POSITIVE_INFINITY;
            }
            BigInteger threshold = null; // worked out only for a purse too close to the share
            int poorBefore = full;
            for (int i = full; i < near; ) {
                int id = touched[i];
                double money = purseApprox[id];
                if (money > far) {
                    farError = Math.max(farError, purseError[id]);
                    touched[i] = touched[--near];
                    touched[near] = id;
                    continue; // the purse moved here is yet to be read
                }
                double within = purseError[id] + shareError;
                boolean poor = money < share - within;
                if (!poor && money <= share + within) {
                    if (threshold == null) {
                        // purse < unpaid / payers  <=>  purse < ceil(unpaid / payers), all integers
                        BigInteger[] qr = unpaidExactly(p, touched, purseWeight, poorBefore)
                            .divideAndRemainder(BigInteger.valueOf(payers));
                        threshold = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
                    }
                    poor = exact(id).compareTo(threshold) < 0;
                }
                if (poor) {
                    touched[i] = touched[full];
                    touched[full++] = id;
                }
                i++;
            }
            if (full == poorBefore) {
                break;
            }
            for (int i = poorBefore; i < full; i++) {
                int id = touched[i];
                double paid = purseApprox[id] * purseWeight[id];
                unpaid -= paid;
                magnitude += paid;
                inherited += purseError[id] * purseWeight[id];
                payers -= purseWeight[id];
            }
        }
        int[] ids = Arrays.copyOf(touched, full);
        if (recordRounds) {
            // The same purses paying in full as the trail's, which holds the same purses: the same groups.
            signature[p] = known != null && samePurses(known.fullPayers(), ids) ? known.signature()
                : notPayingEqualShare(p, full);
            trail.paidInFull(p, ids, signature[p]);
            supportersMoney[p] = moneyApprox;
            // share = (cost - money of the full payers) / plain payers
            double fullRising = 0;
            for (int i = 0; i < full; i++) {
                fullRising += purseSlope[touched[i]] * purseWeight[touched[i]];
            }
            shareFall[p] = fullRising / payers;
        }
        long[] weights = new long[full];
        for (int i = 0; i < full; i++) {
            weights[i] = purseWeight[ids[i]];
        }
        fullPayers[p] = ids;
        fullWeights[p] = weights;
        sharePayers[p] = payers;
        double unpaidError = sumError(inherited, magnitude, full);
        shareApprox[p] = unpaid / payers;
        shareError[p] = unpaidError / payers + shareApprox[p] * 2 * ULP;
        setAffordability(p, unpaid, unpaidError);
        evaluatedInRound[p] = round;
        return true;
    }

    /**
     * rho = share / cost = unpaid / (cost·payers), from the double unpaid within unpaidError; worked
     * out exactly at once when that error is large against unpaid (cancellation: a share that is a
     * tiny remainder of the cost), else only when a decision needs it.
     */
    private void setAffordability(int p, double unpaid, double unpaidError) {
        int[] ids = fullPayers[p];
        long[] weights = fullWeights[p];
        long payers = sharePayers[p];
        EqualSharesRounds.Affordability value;
        if (unpaid > 1e6 * unpaidError) {
            double error = unpaidError / (unpaid - unpaidError) + 4 * ROUNDING;
            value = new EqualSharesRounds.Affordability(unpaid / (costApprox[p] * payers), error,
                () -> exactAffordability(p, ids, weights, payers));
        } else {
            BigInteger[] exactly = exactAffordability(p, ids, weights, payers);
            value = new EqualSharesRounds.Affordability(exactly[0], exactly[1], ratio(exactly[0], exactly[1]));
            shareError[p] = Double.POSITIVE_INFINITY; // too rough to pay with: bought exactly
        }
        rho[p] = value;
        rhoApprox[p] = value.approximately;
        rhoError[p] = value.error();
    }

    // A bound on the error of a double sum of terms + 1 terms: of the terms themselves (inherited),
    // and of rounding each product and partial sum (magnitude: the sum of the terms' sizes).
    private static double sumError(double inherited, double magnitude, int terms) {
        return inherited + magnitude * (terms + 2) * ULP;
    }

    // {unpaid, cost·payers} over the current denominator: rho = share / cost, exactly.
    private BigInteger[] exactAffordability(int p, int[] ids, long[] weights, long payers) {
        if (ids.length == 0) {
            return new BigInteger[] {BigInteger.ONE, BigInteger.valueOf(payers)}; // all pay cost / payers
        }
        synchronized (this) { // the rounds may ask after the pass, from another thread
            return new BigInteger[] {unpaidNow(p, ids, weights), costNow(p).multiply(BigInteger.valueOf(payers))};
        }
    }

    // cost - money of the purses ids (weights voters each), over the current denominator.
    private BigInteger unpaidNow(int p, int[] ids, long[] weights) {
        BigInteger unpaid = costNow(p);
        for (int i = 0; i < ids.length; i++) {
            unpaid = unpaid.subtract(times(exact(ids[i]), weights[i]));
        }
        return unpaid;
    }

    // cost - money of the purses ids[0..count), over the current denominator.
    private BigInteger unpaidExactly(int p, int[] ids, long[] weightById, int count) {
        BigInteger unpaid = costNow(p);
        for (int i = 0; i < count; i++) {
            unpaid = unpaid.subtract(times(exact(ids[i]), weightById[ids[i]]));
        }
        return unpaid;
    }

    // Whether two lists of distinct purses hold the same ones, in any order (null: none known).
    private boolean samePurses(int[] known, int[] ids) {
        if (known == null || known.length != ids.length) {
            return false;
        }
        int mark = ++stamp;
        for (int id : known) {
            purseStamp[id] = mark;
        }
        for (int id : ids) {
            if (purseStamp[id] != mark) {
                return false;
            }
        }
        return true;
    }

    /**
     * The supporter groups of p that pay all their money (possibly none), in the profile's order:
     * those of the purses touched[0..full) and of the empty purse, all stamped. Without a branch:
     * whether a group is in is too irregular to predict, so each is written and counted if in.
     */
    private int[] notPayingEqualShare(int p, int full) {
        int mark = ++stamp;
        for (int i = 0; i < full; i++) {
            purseStamp[touched[i]] = mark;
        }
        purseStamp[EMPTY_PURSE] = mark; // no other use: the empty purse is never collected
        int count = 0;
        for (int g : profile.projectGroups[p]) {
            signatureScratch[count] = g;
            count += purseStamp[groupPurse[g]] == mark ? 1 : 0;
        }
        return Arrays.copyOf(signatureScratch, count);
    }

    // Supporters pay min(money, share); voters of groups that shared a purse still share one after.
    private void buy(int p, int round) {
        int purchase = buyShare.size();
        buyProject.add(p);
        // The share is unpaid / (payers·D): the denominator becomes payers·D, over which the share's
        // numerator is unpaid over D. Who pays in full is decided on the double share, unless it is
        // too rough; the exact share is then worked out at once, else only when a purse is too close.
        double share = shareApprox[p];
        double error = shareError[p];
        BigInteger exactly = error > slack / 4 ? unpaidNow(p, fullPayers[p], fullWeights[p]) : null;
        scaleBy(sharePayers[p]);
        buyShare.add(exactly);
        buyEpoch.add(epoch);
        if (exactly != null) {
            share = ratio(exactly, denominator);
            error = share * ROUNDING;
        }
        emptiedCount = 0;
        payShare(p, purchase, share, error);
        for (int q : profile.neighbours(p)) {
            paidIntoInRound[q] = round;
        }
        if (trail != null) { // a pass that follows a trail leaves one too
            int[] emptiedNow = Arrays.copyOf(emptied, emptiedCount);
            if (following != null && !following.boughtAlike(round, p, emptiedNow)) {
                following = null; // the purses split otherwise from here on
            }
            if (trail != null) {
                trail.bought(round, p, emptiedNow);
            }
        }
    }

    // The share each supporter paid at a purchase, over the current denominator. Worked out late,
    // it is (cost - money of the full payers) / payers over today's denominator, which payers divides.
    private BigInteger shareNow(int purchase) {
        if (buyShare.get(purchase) == null) {
            int p = buyProject.get(purchase);
            BigInteger[] qr = unpaidNow(p, fullPayers[p], fullWeights[p]).divideAndRemainder(BigInteger.valueOf(sharePayers[p]));
            if (qr[1].signum() != 0) {
                throw new IllegalStateException("an equal share not whole over the common denominator");
            }
            buyShare.set(purchase, qr[0]);
            buyEpoch.set(purchase, epoch);
        }
        return buyShare.get(purchase).multiply(scaleSince(buyEpoch.get(purchase)));
    }

    // share: the equal share in currency units, within error (at most a quarter of slack).
    private void payShare(int p, int purchase, double share, double error) {
        int mark = ++stamp;
        // The winner was evaluated: its groups with money are among these (all of them, if its
        // purses were known from a trail).
        int[] groups = supporters[p] != null ? supporters[p] : profile.projectGroups[p];
        for (int i = 0, n = supporters[p] != null ? supporterCount[p] : groups.length; i < n; i++) {
            int g = groups[i];
            int id = groupPurse[g];
            if (id != EMPTY_PURSE) {
                if (purseStamp[id] != mark) {
                    purseStamp[id] = mark;
                    int after = purseAfterPaying(id, purchase, share, error); // may grow the arrays
                    purseMovesTo[id] = after;
                    if (after == EMPTY_PURSE && trail != null) {
                        if (emptiedCount == emptied.length) {
                            emptied = Arrays.copyOf(emptied, 2 * emptiedCount);
                        }
                        emptied[emptiedCount++] = id;
                    }
                    if (recordRounds && after != EMPTY_PURSE) {
                        purseSlope[after] = purseSlope[id] + shareFall[p]; // money - share
                    }
                }
                groupPurse[g] = purseMovesTo[id];
            }
        }
    }

    private int purseAfterPaying(int id, int purchase, double share, double shareError) {
        double money = purseApprox[id];
        if (money < share - slack) {
            return EMPTY_PURSE;
        }
        if (money > share + slack) {
            double left = money - share;
            return newLazyPurse(id, purchase, left, purseError[id] + shareError + share * ROUNDING + left * ULP);
        }
        BigInteger exact = exact(id);
        BigInteger exactShare = shareNow(purchase);
        if (exact.compareTo(exactShare) <= 0) {
            return EMPTY_PURSE;
        }
        return newPurse(exact.subtract(exactShare), ratio(exact.subtract(exactShare), denominator));
    }

    // The common denominator is multiplied by factor: a new epoch.
    private void scaleBy(long factor) {
        if (factor == 1) {
            return;
        }
        scaleSinceNow.clear();
        epoch++;
        denominator = denominator.multiply(BigInteger.valueOf(factor));
        denominatorAt.add(denominator);
    }

    // (denominator now) / (denominator at epoch e).
    private BigInteger scaleSince(int e) {
        if (e == epoch) {
            return BigInteger.ONE;
        }
        return scaleSinceNow.computeIfAbsent(e, since -> denominator.divide(denominatorAt.get(since)));
    }

    // The exact money of a purse, as a numerator over the current denominator.
    private BigInteger exact(int id) {
        if (purseAt[id] == null) {
            purseAt[id] = exact(purseParent[id]).subtract(shareNow(purseBuy[id]));
            purseEpoch[id] = epoch;
            purseApprox[id] = ratio(purseAt[id], denominator);
            purseError[id] = purseApprox[id] * ROUNDING;
        } else if (purseEpoch[id] != epoch) {
            purseAt[id] = purseAt[id].multiply(scaleSince(purseEpoch[id]));
            purseEpoch[id] = epoch;
        }
        return purseAt[id];
    }

    private BigInteger exactMoney(int purses) {
        BigInteger money = BigInteger.ZERO;
        for (int i = 0; i < purses; i++) {
            money = money.add(times(exact(touched[i]), purseWeight[touched[i]]));
        }
        return money;
    }

    private BigInteger costNow(int p) {
        int written = costEpoch[p];
        if (written != epoch) {
            costAt[p] = costAt[p].multiply(scaleSince(written));
            costEpoch[p] = epoch;
        }
        return costAt[p];
    }

    /**
     * Fills touched[0..n) with the distinct non-empty purses of p's supporters, purseWeight with
     * their voters. The hottest loop of a pass: groups left without money are dropped from p's list
     * for good (a quarter of the visits, on average, on a large file).
     */
    private int collectSupporterPurses(int p) {
        if (paidIntoInRound[p] < 0) {
            // No purchase has paid from the purses of p's supporters: all hold the endowment still.
            for (int i = 0; i < touchedBefore; i++) {
                purseWeight[touched[i]] = 0;
            }
            touched[0] = EVERYONE;
            purseWeight[EVERYONE] = profile.approvals[p];
            touchedBefore = 1;
            return 1;
        }
        int[] groups = supporters[p];
        if (groups == null) {
            groups = profile.projectGroups[p].clone();
            supporters[p] = groups;
            supporterCount[p] = groups.length;
        }
        long[] groupWeight = profile.groupWeight;
        for (int i = 0; i < touchedBefore; i++) {
            purseWeight[touched[i]] = 0;
        }
        int n = supporterCount[p];
        if (touched.length <= n) {
            touched = Arrays.copyOf(touched, n + 1);
        }
        int count = 0;
        int kept = 0;
        for (int i = 0; i < n; i++) {
            int g = groups[i];
            int id = groupPurse[g];
            if (id == EMPTY_PURSE) {
                continue;
            }
            groups[kept++] = g;
            // Without a branch (a new purse is too frequent to predict): a purse is new when it
            // has no voters yet (every group has one at least); written in any case, counted only then.
            long before = purseWeight[id];
            touched[count] = id;
            count += before == 0 ? 1 : 0;
            purseWeight[id] = before + groupWeight[g];
        }
        touchedBefore = count;
        supporterCount[p] = kept;
        return count;
    }

    // The purses of p's supporters as a pass in step with this one collected them: the same.
    private int collectedBefore(EqualSharesTrail.Collected known) {
        for (int i = 0; i < touchedBefore; i++) {
            purseWeight[touched[i]] = 0;
        }
        int[] purses = known.purses();
        int n = purses.length;
        if (touched.length <= n) {
            touched = Arrays.copyOf(touched, n + 1);
        }
        System.arraycopy(purses, 0, touched, 0, n);
        long[] weights = known.weights();
        for (int i = 0; i < n; i++) {
            purseWeight[purses[i]] = weights[i];
        }
        touchedBefore = n;
        return n;
    }

    // approx: within ratio()'s rounding.
    private int newPurse(BigInteger at, double approx) {
        int id = newLazyPurse(EMPTY_PURSE, -1, approx, approx * ROUNDING);
        purseAt[id] = at;
        return id;
    }

    // A purse holding the money of purse parent less the share of a purchase, worked out when needed.
    private int newLazyPurse(int parent, int purchase, double approx, double error) {
        if (purseCount == purseAt.length) {
            int size = purseCount * 2;
            purseApprox = Arrays.copyOf(purseApprox, size);
            purseError = Arrays.copyOf(purseError, size);
            purseSlope = Arrays.copyOf(purseSlope, size);
            purseAt = Arrays.copyOf(purseAt, size);
            purseParent = Arrays.copyOf(purseParent, size);
            purseBuy = Arrays.copyOf(purseBuy, size);
            purseEpoch = Arrays.copyOf(purseEpoch, size);
            purseWeight = Arrays.copyOf(purseWeight, size);
            purseStamp = Arrays.copyOf(purseStamp, size);
            purseMovesTo = Arrays.copyOf(purseMovesTo, size);
        }
        purseApprox[purseCount] = approx;
        purseError[purseCount] = error;
        purseSlope[purseCount] = 0;
        purseAt[purseCount] = null;
        purseParent[purseCount] = parent;
        purseBuy[purseCount] = purchase;
        purseEpoch[purseCount] = epoch;
        return purseCount++;
    }

    // Insertion sort: the order changes little from round to round, so this is close to linear.
    private void sortByAffordability(int[] order, int count) {
        for (int i = 1; i < count; i++) {
            int p = order[i];
            int j = i - 1;
            while (j >= 0 && compareAffordability(order[j], p) > 0) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = p;
        }
    }

    private static BigInteger times(BigInteger value, long factor) {
        return factor == 1 ? value : value.multiply(BigInteger.valueOf(factor));
    }

    static BigInteger lcm(BigInteger a, BigInteger b) {
        return a.divide(a.gcd(b)).multiply(b);
    }
}
