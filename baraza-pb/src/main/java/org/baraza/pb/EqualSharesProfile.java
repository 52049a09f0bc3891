package org.baraza.pb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An election seen as approval ballots grouped by distinct ballot, with exact costs and a tie-break
 * rank per project. Equal Shares and sequential Phragmén both work on it: voters with the same
 * ballot always hold the same money (or load), so one group with a multiplicity stands for all of
 * them, exactly, and far faster than voter by voter.
 * <p>
 * A ballot approves every project it gives a positive score (Ballot#approves); {@code voters}
 * counts every ballot, empty ones included (mes-conventions.md §6).
 */
final class EqualSharesProfile {

    final int projectCount;
    final String[] ids;
    final Rational[] cost;
    /** How many voters approve each project. */
    final long[] approvals;
    /** Lower rank wins a tie; equal ranks are a tie the convention cannot break. */
    final int[] tieRank;
    final long voters;
    final Rational budget;

    final int groupCount;
    final long[] groupWeight;
    final int[][] groupProjects;
    final int[][] projectGroups;
    /** Projects that may not be funded together (Incompatibility). */
    final IncompatibleProjects incompatible;
    private volatile int[][] neighbours;
    /** The least common multiple of the costs' denominators. */
    final java.math.BigInteger costDenominator;
    // The most purses a pass has made so far: a later pass sizes its arrays by it at once.
    private volatile int pursesSeen;

    private EqualSharesProfile(Election election, Rational budget, Function<Project, Rational> costing,
                               TieRanking ranking, List<Incompatibility> incompatibilities) {
        List<Project> projects = election.projects();
        projectCount = projects.size();
        ids = new String[projectCount];
        cost = new Rational[projectCount];
        Map<String, Integer> index = new HashMap<>();
        for (int p = 0; p < projectCount; p++) {
            Project project = projects.get(p);
            ids[p] = project.id();
            cost[p] = costing.apply(project);
            index.put(project.id(), p);
        }
        this.budget = budget;
        this.voters = election.ballots().size();

        Map<Key, Integer> groupOf = new HashMap<>();
        List<int[]> distinct = new ArrayList<>();
        List<long[]> weights = new ArrayList<>();
        // once per run of ballots sharing their lists (Election#forEachRun), not once per voter
        election.forEachRun((ballot, voters) -> {
            int[] approved = approvedIndices(ballot, index);
            if (approved.length == 0) {
                return; // counts in voters, approves nothing
            }
            Integer group = groupOf.putIfAbsent(new Key(approved), distinct.size());
            if (group == null) {
                distinct.add(approved);
                weights.add(new long[] {voters});
            } else {
                weights.get(group)[0] += voters;
            }
        });
        groupCount = distinct.size();
        approvals = new long[projectCount];
        for (int g = 0; g < groupCount; g++) {
            for (int p : distinct.get(g)) {
                approvals[p] += weights.get(g)[0];
            }
        }
        Integer[] order = byPopularProjects(distinct, approvals);
        groupProjects = new int[groupCount][];
        groupWeight = new long[groupCount];
        for (int g = 0; g < groupCount; g++) {
            groupProjects[g] = distinct.get(order[g]);
            groupWeight[g] = weights.get(order[g])[0];
        }
        int[] supporterGroups = new int[projectCount];
        for (int g = 0; g < groupCount; g++) {
            for (int p : groupProjects[g]) {
                supporterGroups[p]++;
            }
        }
        projectGroups = new int[projectCount][];
        for (int p = 0; p < projectCount; p++) {
            projectGroups[p] = new int[supporterGroups[p]];
        }
        int[] filled = new int[projectCount];
        for (int g = 0; g < groupCount; g++) {
            for (int p : groupProjects[g]) {
                projectGroups[p][filled[p]++] = g;
            }
        }
        tieRank = ranking.ranks(election, this);
        incompatible = IncompatibleProjects.in(election, incompatibilities);
        java.math.BigInteger denominators = java.math.BigInteger.ONE;
        for (Rational c : cost) {
            denominators = EqualSharesPass.lcm(denominators, c.denominator());
        }
        costDenominator = denominators;
    }

    /** How many purses passes have made at most so far (a hint for sizing, 0 at first). */
    int pursesSeen() {
        return pursesSeen;
    }

    void sawPurses(int count) {
        if (count > pursesSeen) {
            pursesSeen = count; // a race may keep a smaller count: only a hint
        }
    }

    /**
     * The groups in the order of which popular projects they approve: those approving the most
     * approved project first, then within each part by the next, and so on for the 63 most
     * approved. Voters approving the same winners hold the same money, and winners are mostly
     * popular projects, so a project's supporter groups come in runs sharing a purse, which a pass
     * reads faster (Budapest 2024's add1 search: -13 %).
     */
    private static Integer[] byPopularProjects(List<int[]> ballots, long[] approvals) {
        Integer[] byApprovals = new Integer[approvals.length];
        Arrays.setAll(byApprovals, p -> p);
        Arrays.sort(byApprovals, Comparator.comparingLong((Integer p) -> -approvals[p]).thenComparingInt(p -> p));
        long[] bit = new long[approvals.length];
        for (int r = 0; r < Math.min(63, bit.length); r++) {
            bit[byApprovals[r]] = 1L << (62 - r);
        }
        long[] key = new long[ballots.size()];
        for (int g = 0; g < key.length; g++) {
            for (int p : ballots.get(g)) {
                key[g] |= bit[p];
            }
        }
        Integer[] order = new Integer[key.length];
        Arrays.setAll(order, g -> g);
        Arrays.sort(order, Comparator.comparingLong((Integer g) -> -key[g]).thenComparingInt(g -> g));
        return order;
    }

    /** Exact costs and budget; ties broken by {@code tieBreak}. */
    static EqualSharesProfile exact(Election election, TieBreak tieBreak) {
        return exact(election, tieBreak, List.of());
    }

    /** Exact costs and budget; ties broken by {@code tieBreak}; at most one project of each incompatibility. */
    static EqualSharesProfile exact(Election election, TieBreak tieBreak, List<Incompatibility> incompatibilities) {
        return new EqualSharesProfile(election, Rational.of(election.budget()),
            project -> Rational.of(project.cost()), byTieBreak(tieBreak), incompatibilities);
    }

    /**
     * Pabulib's checker: costs and budget floored to integers, ties to the lowest cost, then the
     * most approvals, and no further (mes-conventions.md §1 and §3, column CHK).
     */
    static EqualSharesProfile pabulibChecker(Election election) {
        return pabulibChecker(election, List.of());
    }

    static EqualSharesProfile pabulibChecker(Election election, List<Incompatibility> incompatibilities) {
        return new EqualSharesProfile(election, Rational.of(election.budget()).floor(),
            project -> Rational.of(project.cost()).floor(), (e, profile) -> {
                Integer[] order = profile.indices();
                Comparator<Integer> byCostThenApprovals = Comparator
                    .<Integer, Rational>comparing(p -> profile.cost[p])
                    .thenComparing(p -> -profile.approvals[p]);
                Arrays.sort(order, byCostThenApprovals);
                int[] rank = new int[profile.projectCount];
                for (int i = 1; i < order.length; i++) {
                    boolean tied = byCostThenApprovals.compare(order[i - 1], order[i]) == 0;
                    rank[order[i]] = tied ? rank[order[i - 1]] : i;
                }
                return rank;
            }, incompatibilities);
    }

    private static TieRanking byTieBreak(TieBreak tieBreak) {
        return (election, profile) -> {
            Comparator<Project> order = tieBreak.order(election);
            Integer[] sorted = profile.indices();
            List<Project> projects = election.projects();
            Arrays.sort(sorted, (a, b) -> order.compare(projects.get(a), projects.get(b)));
            int[] rank = new int[profile.projectCount];
            for (int i = 0; i < sorted.length; i++) {
                rank[sorted[i]] = i; // a tie-break is a total order: project ids are unique
            }
            return rank;
        };
    }

    private Integer[] indices() {
        Integer[] all = new Integer[projectCount];
        for (int p = 0; p < projectCount; p++) {
            all[p] = p;
        }
        return all;
    }

    /** The projects sharing at least one supporter with {@code p}, p included; computed once. */
    int[] neighbours(int p) {
        int[][] known = neighbours;
        if (known == null) {
            known = new int[projectCount][];
            java.util.BitSet[] shared = new java.util.BitSet[projectCount];
            for (int q = 0; q < projectCount; q++) {
                shared[q] = new java.util.BitSet(projectCount);
            }
            java.util.BitSet ballot = new java.util.BitSet(projectCount);
            for (int[] approved : groupProjects) {
                ballot.clear();
                for (int q : approved) {
                    ballot.set(q);
                }
                for (int q : approved) {
                    shared[q].or(ballot);
                }
            }
            for (int q = 0; q < projectCount; q++) {
                known[q] = shared[q].stream().toArray();
            }
            neighbours = known;
        }
        return known[p];
    }

    /** MES considers a project with positive cost and at least one supporter (mes-conventions.md §1.2). */
    boolean isEligible(int p) {
        return cost[p].signum() > 0 && approvals[p] > 0;
    }

    boolean overspends(int[] outcome) {
        return costOf(outcome).compareTo(budget) > 0;
    }

    /**
     * No eligible project outside the outcome still fits (pabutools' is_exhaustive over MES's projects);
     * one incompatible with a chosen project cannot be added, so it does not count.
     */
    boolean isExhaustiveOverEligible(int[] outcome) {
        Rational left = budget.subtract(costOf(outcome));
        boolean[] chosen = chosen(outcome);
        for (int p = 0; p < projectCount; p++) {
            if (isEligible(p) && !chosen[p] && !incompatible.clashesWithChosen(p, chosen)
                && cost[p].compareTo(left) <= 0) {
                return false;
            }
        }
        return true;
    }

    /** Every eligible project is chosen, or incompatible with a chosen one. */
    boolean holdsEveryEligible(int[] outcome) {
        boolean[] chosen = chosen(outcome);
        for (int p = 0; p < projectCount; p++) {
            if (isEligible(p) && !chosen[p] && !incompatible.clashesWithChosen(p, chosen)) {
                return false;
            }
        }
        return true;
    }

    boolean[] chosen(int[] projects) {
        boolean[] chosen = new boolean[projectCount];
        for (int p : projects) {
            chosen[p] = true;
        }
        return chosen;
    }

    int[] allProjects() {
        int[] all = new int[projectCount];
        Arrays.setAll(all, p -> p);
        return all;
    }

    /** Total cost of some projects. */
    Rational costOf(int[] projects) {
        Rational total = Rational.ZERO;
        for (int p : projects) {
            total = total.add(cost[p]);
        }
        return total;
    }

    List<String> idsOf(int[] projects) {
        List<String> selected = new ArrayList<>(projects.length);
        for (int p : projects) {
            selected.add(ids[p]);
        }
        return selected;
    }

    private static int[] approvedIndices(Ballot ballot, Map<String, Integer> index) {
        List<String> listed = ballot.projects();
        List<Long> points = ballot.points();
        int[] approved = new int[listed.size()];
        int count = 0;
        for (int i = 0; i < listed.size(); i++) {
            if (!points.isEmpty() && points.get(i) <= 0) {
                continue;
            }
            Integer p = index.get(listed.get(i));
            if (p == null) {
                throw new IllegalArgumentException(
                    "ballot " + ballot.voterId() + " lists unknown project '" + listed.get(i) + "'");
            }
            approved[count++] = p;
        }
        int[] sorted = Arrays.copyOf(approved, count);
        Arrays.sort(sorted);
        return sorted;
    }

    @FunctionalInterface
    private interface TieRanking {
        int[] ranks(Election election, EqualSharesProfile profile);
    }

    private record Key(int[] projects) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Arrays.equals(projects, other.projects);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(projects);
        }
    }
}
