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
            public Outcome apply(Election election, TieBreak tieBreak) {
                EqualSharesProfile profile = EqualSharesProfile.exact(election, tieBreak);
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
     */
    private static final class Run {

        private final EqualSharesProfile profile;
        private final List<Rational> level = new ArrayList<>();
        private final int[] groupLevel;
        // Per project: the least new maximal load if bought now; null when it has no supporter (+infinity).
        private final Rational[] newLoad;
        private final boolean[] stale;
        private long[] levelWeight = new long[16];
        private int[] levelStamp = new int[16];
        private int stamp;

        Run(EqualSharesProfile profile) {
            this.profile = profile;
            this.groupLevel = new int[profile.groupCount];
            this.newLoad = new Rational[profile.projectCount];
            this.stale = new boolean[profile.projectCount];
            level.add(Rational.ZERO);
        }

        int[] select() {
            int[] candidates = new int[profile.projectCount];
            int remaining = 0;
            for (int p = 0; p < profile.projectCount; p++) {
                if (profile.cost[p].compareTo(profile.budget) <= 0) {
                    candidates[remaining++] = p;
                    stale[p] = true;
                }
            }
            int[] selected = new int[remaining];
            int count = 0;
            Rational spent = Rational.ZERO;
            while (remaining > 0) {
                int best = -1;
                boolean tiedDoesNotFit = false;
                for (int i = 0; i < remaining; i++) {
                    int p = candidates[i];
                    if (stale[p]) {
                        newLoad[p] = computeNewLoad(p);
                        stale[p] = false;
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
                raiseSupporters(best);
            }
            return Arrays.copyOf(selected, count);
        }

        private void raiseSupporters(int p) {
            int id = level.size();
            level.add(newLoad[p]);
            for (int g : profile.projectGroups[p]) {
                groupLevel[g] = id;
                for (int q : profile.groupProjects[g]) {
                    stale[q] = true;
                }
            }
        }

        private Rational computeNewLoad(int p) {
            if (profile.approvals[p] == 0) {
                return null;
            }
            int mark = ++stamp;
            if (levelWeight.length < level.size()) {
                levelWeight = Arrays.copyOf(levelWeight, level.size() * 2);
                levelStamp = Arrays.copyOf(levelStamp, level.size() * 2);
            }
            int[] used = new int[Math.min(level.size(), profile.projectGroups[p].length)];
            int usedCount = 0;
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
            Rational total = profile.cost[p];
            for (int i = 0; i < usedCount; i++) {
                total = total.add(level.get(used[i]).multiply(levelWeight[used[i]]));
            }
            return total.divide(profile.approvals[p]);
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
