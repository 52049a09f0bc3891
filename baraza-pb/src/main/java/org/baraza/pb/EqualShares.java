package org.baraza.pb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The Method of Equal Shares with cost utilities, in exact arithmetic, in the variants of
 * {@code shared/specs/pabulib/mes-conventions.md}: pabutools' plain rule and its add1 loop (with or
 * without greedy completion), and the add1 loop and comparison step of equalshares.net and of
 * pabulib's checker.
 */
public final class EqualShares {

    private EqualShares() {
    }

    /** Plain MES, endowment B/n, no completion (pabutools {@code method_of_equal_shares}, Cost_Sat). */
    public static Rule mes() {
        return rule("mes", (election, tieBreak) -> {
            EqualSharesProfile profile = EqualSharesProfile.exact(election, tieBreak);
            return plain(profile);
        });
    }

    /** MES with the endowment raised by 1 per voter until exhaustive or overspending, as pabutools {@code voter_budget_increment=1}. */
    public static Rule mesAdd1() {
        return rule("mes-add1", (election, tieBreak) -> pabutoolsAdd1(EqualSharesProfile.exact(election, tieBreak)));
    }

    /** {@link #mesAdd1()} completed greedily by approvals, as pabutools {@code completion_by_rule_combination}. */
    public static Rule mesAdd1Greedy() {
        return rule("mes-add1-greedy", (election, tieBreak) -> {
            EqualSharesProfile profile = EqualSharesProfile.exact(election, tieBreak);
            return greedyCompletion(profile, pabutoolsAdd1(profile));
        });
    }

    /**
     * The add1 loop of equalshares.net and pabulib's checker (mes-conventions.md §4 CHK): a first pass at B/n,
     * then whole endowments floor(B/n)+1, +2, ... while the outcome still fits; no completion.
     */
    public static Rule equalsharesAdd1() {
        return rule("equalshares/add1", (election, tieBreak) -> checkerAdd1(EqualSharesProfile.exact(election, tieBreak)));
    }

    /**
     * {@link #equalsharesAdd1()} followed by the comparison step: the greedy-by-approvals outcome
     * replaces it if strictly more voters approve more of its winners (satisfaction mode).
     */
    public static Rule equalsharesAdd1Comparison() {
        return rule("equalshares/add1-comparison", (election, tieBreak) -> {
            EqualSharesProfile profile = EqualSharesProfile.exact(election, tieBreak);
            return comparisonStep(profile, checkerAdd1(profile), false);
        });
    }

    /**
     * The rule pabulib's checker applies to verify a file whose META rule is {@code equalshares},
     * {@code equalshares-comparison}, {@code equalshares/add1} or {@code equalshares/add1-comparison}:
     * costs and budget floored to integers, ties to the lowest cost then the most approvals (an error
     * if still tied), comparison ties kept in file order (mes-conventions.md §1, §3, §4 "CHK"). The
     * tie-break argument of {@link Rule#apply} is ignored: the convention fixes it.
     *
     * @throws IllegalArgumentException for any other META rule
     */
    public static Rule asPabulibChecker(String metaRule) {
        boolean add1 = switch (metaRule) {
            case "equalshares", "equalshares-comparison" -> false;
            case "equalshares/add1", "equalshares/add1-comparison" -> true;
            default -> throw new IllegalArgumentException("not an Equal Shares rule of pabulib: '" + metaRule + "'");
        };
        boolean comparison = metaRule.endsWith("-comparison");
        return rule(metaRule, (election, ignored) -> {
            EqualSharesProfile profile = EqualSharesProfile.pabulibChecker(election);
            int[] winners = add1 ? checkerAdd1(profile) : plain(profile);
            return comparison ? comparisonStep(profile, winners, true) : winners;
        });
    }

    private static int[] plain(EqualSharesProfile profile) {
        if (profile.voters == 0) {
            return new int[0];
        }
        return EqualSharesPass.run(profile, profile.budget.divide(profile.voters), false).selected();
    }

    /**
     * pabutools' loop (§4 PT): endowment B/n, B/n+1, ...; the first outcome exhaustive over the
     * MES-eligible projects is the answer, or the last one that fits once an outcome overspends.
     * Passes whose outcome cannot differ from the one before are skipped (EqualSharesStability).
     */
    static int[] pabutoolsAdd1(EqualSharesProfile profile) {
        if (profile.voters == 0) {
            return new int[0];
        }
        Rational endowment = profile.budget.divide(profile.voters);
        int[] previous = new int[0];
        while (true) {
            EqualSharesPass.Result pass = EqualSharesPass.run(profile, endowment, true);
            int[] outcome = pass.selected();
            if (profile.costOf(outcome).compareTo(profile.budget) > 0) {
                return previous;
            }
            if (isExhaustiveOverEligible(profile, outcome)) {
                return outcome;
            }
            Optional<Rational> rise = pass.stability().stableRise();
            if (rise.isEmpty()) {
                // No decision depends on the endowment any more: pabutools would loop for ever.
                throw new IllegalStateException("MES add1 does not terminate on this election");
            }
            previous = outcome;
            endowment = endowment.add(rise.get());
        }
    }

    /**
     * The checker's loop (§4 CHK): a first pass at B/n, then floor(B/n)+k per voter for k = 1, 2, ...
     * while the outcome fits. When every project fits the budget, the loop would never end; then,
     * as equalshares.net does, the first pass is the answer.
     */
    static int[] checkerAdd1(EqualSharesProfile profile) {
        int[] winners = plain(profile);
        if (profile.voters == 0 || profile.costOf(allProjects(profile)).compareTo(profile.budget) <= 0) {
            return winners;
        }
        Rational endowment = profile.budget.divide(profile.voters).floor().add(Rational.ONE);
        while (true) {
            EqualSharesPass.Result pass = EqualSharesPass.run(profile, endowment, true);
            int[] next = pass.selected();
            if (profile.costOf(next).compareTo(profile.budget) > 0) {
                return winners;
            }
            winners = next;
            Optional<Rational> rise = pass.stability().stableRise();
            if (rise.isEmpty()) {
                return winners; // every further pass gives this outcome again
            }
            endowment = endowment.add(rise.get());
        }
    }

    private static boolean isExhaustiveOverEligible(EqualSharesProfile profile, int[] outcome) {
        Rational spent = profile.costOf(outcome);
        boolean[] chosen = chosen(profile, outcome);
        for (int p = 0; p < profile.projectCount; p++) {
            boolean eligible = profile.cost[p].signum() > 0 && profile.approvals[p] > 0;
            if (eligible && !chosen[p] && spent.add(profile.cost[p]).compareTo(profile.budget) <= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * pabutools' greedy completion with cost utilities (§4 PT completion_by_rule_combination): the
     * other projects by approvals, most first (a cost-0 project has no cost utility, so it comes
     * with the unapproved ones), ties by rank; each added if it still fits.
     */
    static int[] greedyCompletion(EqualSharesProfile profile, int[] outcome) {
        Comparator<Integer> byUtility = Comparator
            .<Integer>comparingLong(p -> profile.cost[p].signum() > 0 ? -profile.approvals[p] : 0)
            .thenComparingInt(p -> profile.tieRank[p]);
        return fillGreedily(profile, outcome, byUtility);
    }

    /**
     * The comparison step (§4 CHK "-comparison", satisfaction mode): greedy by approvals from
     * nothing; it replaces {@code winners} if more voters approve strictly more of its projects
     * than approve strictly more of the winners. Greedy ties keep file order (the checker's stable
     * sort) or follow the tie-break rank.
     */
    static int[] comparisonStep(EqualSharesProfile profile, int[] winners, boolean tiesInFileOrder) {
        Comparator<Integer> byApprovals = Comparator
            .<Integer>comparingLong(p -> -profile.approvals[p])
            .thenComparingInt(p -> tiesInFileOrder ? p : profile.tieRank[p]);
        int[] greedy = fillGreedily(profile, new int[0], byApprovals);
        boolean[] inWinners = chosen(profile, winners);
        boolean[] inGreedy = chosen(profile, greedy);
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

    private static int[] fillGreedily(EqualSharesProfile profile, int[] start, Comparator<Integer> order) {
        boolean[] taken = chosen(profile, start);
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
            if (profile.cost[p].compareTo(left) <= 0) {
                result[count++] = p;
                left = left.subtract(profile.cost[p]);
            }
        }
        return Arrays.copyOf(result, count);
    }

    private static boolean[] chosen(EqualSharesProfile profile, int[] projects) {
        boolean[] chosen = new boolean[profile.projectCount];
        for (int p : projects) {
            chosen[p] = true;
        }
        return chosen;
    }

    private static int[] allProjects(EqualSharesProfile profile) {
        int[] all = new int[profile.projectCount];
        Arrays.setAll(all, p -> p);
        return all;
    }

    private static Rule rule(String name, Selection selection) {
        return new Rule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Outcome apply(Election election, TieBreak tieBreak) {
                int[] winners = selection.select(election, tieBreak);
                List<String> ids = new ArrayList<>(winners.length);
                for (int p : winners) {
                    ids.add(election.projects().get(p).id());
                }
                return Outcome.of(name, ids, election);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    @FunctionalInterface
    private interface Selection {
        int[] select(Election election, TieBreak tieBreak);
    }
}
