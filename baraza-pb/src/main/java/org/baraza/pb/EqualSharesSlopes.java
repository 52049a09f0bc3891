package org.baraza.pb;

import java.util.Arrays;

/**
 * How fast money and equal shares can move as the endowment rises from e to f, for two passes that
 * bought the same projects so far: per group of voters, bounds on the slope of its money that hold
 * at every endowment in [e, f] (see EqualSharesRounds, point 3, for why they hold).
 * <p>
 * Every money is a piecewise-affine function of the endowment. Its slope changes only where a
 * supporter of a winner switches from paying all its money to paying the plain share; the groups
 * that do are the ones in the winner's signature at e but not at f, so with few of them the bounds
 * stay narrow. Doubles rounded outwards after each operation keep the bounds bounds.
 */
final class EqualSharesSlopes {

    private final EqualSharesProfile profile;
    // Per group: every voter's money slope lies in [low, high] all over [e, f].
    private final double[] low;
    private final double[] high;
    // Scratch marks: which groups are in a signature at e / at f.
    private final int[] markE;
    private final int[] markF;
    private int stamp;

    EqualSharesSlopes(EqualSharesProfile profile) {
        this.profile = profile;
        low = new double[profile.groupCount];
        high = new double[profile.groupCount];
        Arrays.fill(low, 1.0); // before any purchase every voter holds the endowment
        Arrays.fill(high, 1.0);
        markE = new int[profile.groupCount];
        markF = new int[profile.groupCount];
    }

    /**
     * Bounds {low, high} on how fast project p's equal share falls (minus its slope) all over [e, f],
     * from the groups paying all their money at e and at f; null if the signature at f is not within
     * the one at e (then the passes do not have the same purchases so far).
     * <p>
     * share = (cost - money of full payers) / plain payers, so it falls at (sum of the full payers'
     * money slopes) / (plain payers). Over [e, f] the full payers are at most those at e and at least
     * those at f, and the plain payers at least those at e and at most those at f.
     */
    double[] shareFall(int p, int[] fullAtE, int[] fullAtF) {
        if (!within(fullAtF, fullAtE)) {
            return null;
        }
        double highSum = 0;
        long fullWeightE = 0;
        for (int g : fullAtE) {
            highSum = up(highSum + up(high[g] * profile.groupWeight[g]));
            fullWeightE += profile.groupWeight[g];
        }
        double lowSum = 0;
        long fullWeightF = 0;
        for (int g : fullAtF) {
            lowSum = down(lowSum + down(low[g] * profile.groupWeight[g]));
            fullWeightF += profile.groupWeight[g];
        }
        long plainE = profile.approvals[p] - fullWeightE;
        long plainF = profile.approvals[p] - fullWeightF;
        return new double[] {Math.max(0, down(lowSum / plainF)), up(highSum / plainE)};
    }

    /**
     * The slopes after project p is bought, over [e, f]: a plain payer's money is money - share, so
     * its slope rises by how fast the share falls; a full payer's is 0, and a group that switches in
     * between has either.
     */
    void buy(int p, int[] fullAtE, int[] fullAtF, double[] shareFall) {
        int mark = ++stamp;
        for (int g : fullAtE) {
            markE[g] = mark;
        }
        for (int g : fullAtF) {
            markF[g] = mark;
        }
        for (int g : profile.projectGroups[p]) {
            if (markF[g] == mark) {
                low[g] = 0;
                high[g] = 0;
            } else if (markE[g] == mark) {
                low[g] = 0;
                high[g] = up(high[g] + shareFall[1]);
            } else {
                low[g] = down(low[g] + shareFall[0]);
                high[g] = up(high[g] + shareFall[1]);
            }
        }
    }

    // Both sorted ascending (they list a project's groups in its order): is every inner one in outer?
    private static boolean within(int[] inner, int[] outer) {
        int j = 0;
        for (int g : inner) {
            while (j < outer.length && outer[j] != g) {
                j++;
            }
            if (j == outer.length) {
                return false;
            }
        }
        return true;
    }

    // A rounded non-negative sum, product or quotient moved one double outwards: exact results lie between.
    private static double up(double rounded) {
        return Math.nextUp(rounded);
    }

    // max(0, nextDown(rounded)), NaN kept: one step down the bits of a positive double.
    private static double down(double rounded) {
        if (rounded > 0) {
            return Double.longBitsToDouble(Double.doubleToRawLongBits(rounded) - 1);
        }
        return Double.isNaN(rounded) ? rounded : 0.0;
    }
}
