package org.baraza.pb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sequential Phragmén as pabutools' {@code sequential_phragmen} (mes-conventions.md §6): voters earn
 * virtual money at an equal rate; the project whose supporters could first pay for it, i.e. with the
 * least new maximal load (supporters' loads + cost) / approvals, is bought and its supporters' loads
 * set to that value. The rule stops as soon as any project tied for the least load does not fit.
 * Winners are listed in selection order (pabutools itself returns them sorted by id).
 */
public final class SequentialPhragmen {

    private SequentialPhragmen() {
    }

    /** The rule named {@code phragmen}. */
    public static Rule rule() {
        return new Rule() {
            @Override
            public String name() {
                return "phragmen";
            }

            @Override
            public Outcome apply(Election election, TieBreak tieBreak, List<Incompatibility> incompatibilities) {
                EqualSharesProfile profile = EqualSharesProfile.exact(election, tieBreak, incompatibilities);
                int[] winners = new Run(profile).select();
                return Outcome.of(name(), profile.idsOf(winners), election);
            }

            @Override
            public String toString() {
                return name();
            }
        };
    }

    /**
     * One run. Groups of identical ballots always carry the same load, and all supporters of a bought
     * project get the same load, so loads are shared values ("levels"): at most one per purchase.
     * <p>
     * Each project's new load is first computed in doubles; only the projects within rounding
     * distance of the least are computed exactly, and the exact values decide (all terms are
     * positive, so the doubles are within a few ulps of the truth, far inside {@link #NEAR}).
     */
    private static final class Run {

        private static final double NEAR = 1e-9;

        private final EqualSharesProfile profile;
        private final List<Rational> level = new ArrayList<>();
        private double[] levelApprox = new double[16];
        private final int[] groupLevel;
        // Per project: the new maximal load if bought now, approximate and (when asked for) exact.
        private final double[] newLoadApprox;
        private final Rational[] newLoad;
        private final boolean[] approxStale;
        private final boolean[] exactStale;
        private final double[] costApprox;
        private long[] levelWeight = new long[16];
        private int[] levelStamp = new int[16];
        private int[] used = new int[16];
        private int usedCount;
        private int stamp;

        Run(EqualSharesProfile profile) {
            this.profile = profile;
            this.groupLevel = new int[profile.groupCount];
            this.newLoadApprox = new double[profile.projectCount];
            this.newLoad = new Rational[profile.projectCount];
            this.approxStale = new boolean[profile.projectCount];
            this.exactStale = new boolean[profile.projectCount];
            this.costApprox = new double[profile.projectCount];
            for (int p = 0; p < profile.projectCount; p++) {
                costApprox[p] = profile.cost[p].doubleValue();
            }
            level.add(Rational.ZERO);
        }

        int[] select() {
            int[] candidates = new int[profile.projectCount];
            int remaining = 0;
            for (int p = 0; p < profile.projectCount; p++) {
                if (profile.cost[p].compareTo(profile.budget) <= 0) {
                    candidates[remaining++] = p;
                    approxStale[p] = true;
                    exactStale[p] = true;
                }
            }
            int[] selected = new int[remaining];
            int count = 0;
            Rational spent = Rational.ZERO;
            while (remaining > 0) {
                double least = Double.POSITIVE_INFINITY;
                for (int i = 0; i < remaining; i++) {
                    int p = candidates[i];
                    if (approxStale[p]) {
                        newLoadApprox[p] = approximateNewLoad(p);
                        approxStale[p] = false;
                    }
                    least = Math.min(least, newLoadApprox[p]);
                }
                int best = -1;
                boolean tiedDoesNotFit = false;
                for (int i = 0; i < remaining; i++) {
                    int p = candidates[i];
                    if (newLoadApprox[p] > least * (1 + NEAR)) {
                        continue; // cannot be least: unapproved projects (+infinity) only tie each other
                    }
                    if (exactStale[p]) {
                        newLoad[p] = exactNewLoad(p);
                        exactStale[p] = false;
                    }
                    int byLoad = best < 0 ? -1 : compareLoads(newLoad[p], newLoad[best]);
                    boolean fits = spent.add(profile.cost[p]).compareTo(profile.budget) <= 0;
                    if (byLoad < 0) {
                        best = p;
                        tiedDoesNotFit = !fits;
                    } else if (byLoad == 0) {
                        tiedDoesNotFit |= !fits;
                        if (profile.tieRank[p] < profile.tieRank[best]) {
                            best = p;
                        }
                    }
                }
                if (tiedDoesNotFit) {
                    break; // pabutools stops rather than skipping (mes-conventions.md §6)
                }
                selected[count++] = best;
                spent = spent.add(profile.cost[best]);
                remaining = without(candidates, remaining, best);
                for (int partner : profile.incompatible.partnersOf(best)) {
                    remaining = without(candidates, remaining, partner); // may no longer be funded
                }
                raiseSupporters(best);
            }
            return Arrays.copyOf(selected, count);
        }

        private void raiseSupporters(int p) {
            if (newLoad[p] == null) {
                return; // nobody approves it: no load changes
            }
            int id = level.size();
            level.add(newLoad[p]);
            if (levelApprox.length <= id) {
                levelApprox = Arrays.copyOf(levelApprox, id * 2);
            }
            levelApprox[id] = newLoad[p].doubleValue();
            for (int g : profile.projectGroups[p]) {
                groupLevel[g] = id;
            }
            for (int q : profile.neighbours(p)) {
                approxStale[q] = true;
                exactStale[q] = true;
            }
        }

        private double approximateNewLoad(int p) {
            if (profile.approvals[p] == 0) {
                return Double.POSITIVE_INFINITY;
            }
            collectLevels(p);
            double total = costApprox[p];
            for (int i = 0; i < usedCount; i++) {
                total += levelApprox[used[i]] * levelWeight[used[i]];
            }
            return total / profile.approvals[p];
        }

        // null stands for +infinity: a project nobody approves.
        private Rational exactNewLoad(int p) {
            if (profile.approvals[p] == 0) {
                return null;
            }
            collectLevels(p);
            Rational total = profile.cost[p];
            for (int i = 0; i < usedCount; i++) {
                total = total.add(level.get(used[i]).multiply(levelWeight[used[i]]));
            }
            return total.divide(profile.approvals[p]);
        }

        // used[0..usedCount): the non-zero load levels of p's supporters; levelWeight: their voters.
        private void collectLevels(int p) {
            int mark = ++stamp;
            if (levelWeight.length < level.size()) {
                levelWeight = Arrays.copyOf(levelWeight, level.size() * 2);
                levelStamp = Arrays.copyOf(levelStamp, level.size() * 2);
                used = new int[level.size() * 2];
            }
            usedCount = 0;
            for (int g : profile.projectGroups[p]) {
                int id = groupLevel[g];
                if (id == 0) {
                    continue;
                }
                if (levelStamp[id] != mark) {
                    levelStamp[id] = mark;
                    levelWeight[id] = 0;
                    used[usedCount++] = id;
                }
                levelWeight[id] += profile.groupWeight[g];
            }
        }

        // null is +infinity, and ties with itself (unapproved projects tie with each other).
        private static int compareLoads(Rational a, Rational b) {
            if (a == null || b == null) {
                return a == null ? (b == null ? 0 : 1) : -1;
            }
            return a.compareTo(b);
        }

        private static int without(int[] candidates, int count, int removed) {
            int kept = 0;
            for (int i = 0; i < count; i++) {
                if (candidates[i] != removed) {
                    candidates[kept++] = candidates[i];
                }
            }
            return kept;
        }
    }
}
