package org.baraza.pb;

import java.util.ArrayList;
import java.util.List;

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
        return rule("mes", (election, tieBreak, incompatibilities) ->
            plain(EqualSharesProfile.exact(election, tieBreak, incompatibilities)));
    }

    /** MES with the endowment raised by 1 per voter until exhaustive or overspending, as pabutools {@code voter_budget_increment=1}. */
    public static Rule mesAdd1() {
        return rule("mes-add1", (election, tieBreak, incompatibilities) ->
            EqualSharesAdd1.pabutools(EqualSharesProfile.exact(election, tieBreak, incompatibilities)).answer());
    }

    /** {@link #mesAdd1()} completed greedily by approvals, as pabutools {@code completion_by_rule_combination}. */
    public static Rule mesAdd1Greedy() {
        return rule("mes-add1-greedy", (election, tieBreak, incompatibilities) -> {
            EqualSharesProfile profile = EqualSharesProfile.exact(election, tieBreak, incompatibilities);
            return EqualSharesCompletion.greedy(profile, EqualSharesAdd1.pabutools(profile).answer());
        });
    }

    /**
     * The add1 loop of equalshares.net and pabulib's checker (mes-conventions.md §4 CHK): a first pass at B/n,
     * then whole endowments floor(B/n)+1, +2, ... while the outcome still fits; no completion.
     */
    public static Rule equalsharesAdd1() {
        return rule("equalshares/add1", (election, tieBreak, incompatibilities) ->
            EqualSharesAdd1.pabulibChecker(EqualSharesProfile.exact(election, tieBreak, incompatibilities)).answer());
    }

    /**
     * {@link #equalsharesAdd1()} followed by the comparison step: the greedy-by-approvals outcome
     * replaces it if strictly more voters approve more of its winners (satisfaction mode).
     */
    public static Rule equalsharesAdd1Comparison() {
        return rule("equalshares/add1-comparison", (election, tieBreak, incompatibilities) -> {
            EqualSharesProfile profile = EqualSharesProfile.exact(election, tieBreak, incompatibilities);
            return EqualSharesCompletion.comparedWithGreedy(profile, EqualSharesAdd1.pabulibChecker(profile).answer(), false);
        });
    }

    /**
     * The rule pabulib's checker applies to verify a file whose META rule is {@code equalshares},
     * {@code equalshares-comparison}, {@code equalshares/add1} or {@code equalshares/add1-comparison}:
     * costs and budget floored to integers, ties to the lowest cost then the most approvals (an error
     * if still tied), comparison ties kept in file order (mes-conventions.md §1, §3, §4 "CHK"). The
     * tie-break argument of {@link Rule#apply} is ignored: the convention fixes it, and applying the
     * rule throws {@link IllegalStateException} when two projects still tie, as the checker does.
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
        return rule(metaRule, (election, ignored, incompatibilities) -> {
            EqualSharesProfile profile = EqualSharesProfile.pabulibChecker(election, incompatibilities);
            int[] winners = add1 ? EqualSharesAdd1.pabulibChecker(profile).answer() : plain(profile);
            return comparison ? EqualSharesCompletion.comparedWithGreedy(profile, winners, true) : winners;
        });
    }

    static int[] plain(EqualSharesProfile profile) {
        if (profile.voters == 0) {
            return new int[0];
        }
        return EqualSharesPass.select(profile, profile.budget.divide(profile.voters));
    }

    private static Rule rule(String name, Selection selection) {
        return new Rule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Outcome apply(Election election, TieBreak tieBreak, List<Incompatibility> incompatibilities) {
                int[] winners = selection.select(election, tieBreak, incompatibilities);
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
        int[] select(Election election, TieBreak tieBreak, List<Incompatibility> incompatibilities);
    }
}
