package org.baraza.pb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExplanationsTest {

    private static final TieBreak LEXICOGRAPHIC = TieBreak.lexicographic();

    /*
     * Budget 40, four voters, 10 each: v1 and v2 approve {a, b}, v3 {b, c}, v4 {b}; a costs 8, b 24, c 9.
     * Round 1: b costs 24/4 = 6 per supporter (6/24 = 0.25 of its cost), a 8/2 = 4 (0.5), c 9 > 10? no:
     *   c's one supporter holds 10 >= 9, q = 9 (1.0). b is bought, everyone pays 6 and keeps 4.
     * Round 2: a: v1 and v2 hold 4 + 4 = 8 = its cost, so each pays all of their 4 (0.5);
     *   c: v3 holds 4 < 9, short. a is bought.
     * End: c's supporter has 4 left, short of 9. Spent 32 of 40.
     */
    private static Election drained() {
        return ElectionBuilder.approval("40")
            .project("a", "8").project("b", "24").project("c", "9")
            .ballots(2, "a", "b").ballot("b", "c").ballot("b")
            .build();
    }

    @Test
    void mesShowsEachPurchaseAndWhoPaidAllTheyHad() {
        Explanation explanation = Explanations.explain("mes", drained(), LEXICOGRAPHIC, List.of());

        assertThat(explanation.outcome().selected()).containsExactly("b", "a");
        assertThat(explanation.endowmentPerVoter()).isEqualByComparingTo("10");
        assertThat(explanation.funded()).containsExactly(
            new FundedProject("b", 1, 4, new BigDecimal("24"), new BigDecimal("6.00"), 0, false),
            new FundedProject("a", 2, 2, new BigDecimal("8"), new BigDecimal("4.00"), 2, false));
        assertThat(explanation.unfunded()).containsExactly(
            new UnfundedProject("c", 1, new BigDecimal("9"), UnfundedProject.Reason.SUPPORTERS_MONEY_SHORT,
                new BigDecimal("4.00")));
    }

    /*
     * drained(), payment by payment: b: 4 x 6 = 24; a: 2 x 4 = 8. v1 and v2 paid 6 + 4 = 10, all of
     * their 10; v3 and v4 paid 6 and keep 4.
     */
    @Test
    void eachPurchaseIsPaidExactlyAndNobodyPaysMoreThanTheirShare() {
        EqualSharesProfile profile = EqualSharesProfile.exact(drained(), LEXICOGRAPHIC);
        EqualSharesPayments payments = EqualSharesPayments.replay(profile, Rational.of(10), EqualShares.plain(profile));

        assertThat(payments.purchases()).extracting(EqualSharesPayments.Purchase::share)
            .containsExactly(Rational.of(6), Rational.of(4));
        assertPaymentsAddUp(profile, payments);
        assertThat(payments.supportersMoneyLeft(profile.ids.length - 1)).isEqualTo(Rational.of(4)); // c: v3's 4
    }

    /*
     * Budget 100, ten voters: 5 approve {a, b}, 3 {a}, 2 {c}; a and b cost 30, c 40.
     * At 10 each: a costs 30/8 = 3.75 per supporter, then b 30/5 = 6 (its supporters hold 6.25); c's two
     * supporters hold 20 < 40. mes-add1 raises the endowment by 1 while the outcome leaves money a
     * project could use: at 19, c is still short (38 < 40); at 20 each c's supporters pay all 20, the
     * outcome a, b, c spends exactly 100 and the loop stops there.
     */
    private static Election pair() {
        return ElectionBuilder.approval("100")
            .project("a", "30").project("b", "30").project("c", "40")
            .ballots(5, "a", "b").ballots(3, "a").ballots(2, "c")
            .build();
    }

    @Test
    void mesAdd1ReportsTheRaisedEndowmentOfTheFinalPass() {
        Explanation explanation = Explanations.explain("mes-add1", pair(), LEXICOGRAPHIC, List.of());

        assertThat(explanation.outcome().selected()).containsExactly("a", "b", "c");
        assertThat(explanation.endowmentPerVoter()).isEqualByComparingTo("20");
        assertThat(explanation.funded()).extracting(FundedProject::largestPayment)
            .containsExactly(new BigDecimal("3.75"), new BigDecimal("6.00"), new BigDecimal("20.00"));
        assertThat(explanation.funded()).extracting(FundedProject::supportersPayingAll).containsExactly(0L, 0L, 2L);
        assertThat(explanation.unfunded()).isEmpty();
    }

    /*
     * Budget 10, two voters: v1 approves x, v2 approves y, each costing 6. At 5 each neither is
     * affordable; at 6 each both are, and together they overspend (12 > 10), so mes-add1 answers with
     * the pass at 5: nothing. The greedy completion then takes x (approvals tie, x first by id), and y
     * no longer fits in the 4 left.
     */
    private static Election twoVotersTwoProjects() {
        return ElectionBuilder.approval("10").project("x", "6").project("y", "6").ballot("x").ballot("y").build();
    }

    @Test
    void aProjectTheCompletionAddsIsMarkedAndWhatNoLongerFitsIsBudgetExhausted() {
        Explanation explanation = Explanations.explain("mes-add1-greedy", twoVotersTwoProjects(), LEXICOGRAPHIC, List.of());

        assertThat(explanation.endowmentPerVoter()).isEqualByComparingTo("5");
        assertThat(explanation.funded()).containsExactly(
            new FundedProject("x", 1, 1, new BigDecimal("6"), null, 0, true));
        assertThat(explanation.unfunded()).containsExactly(
            new UnfundedProject("y", 1, new BigDecimal("6"), UnfundedProject.Reason.BUDGET_EXHAUSTED, new BigDecimal("5.00")));
    }

    @Test
    void withoutCompletionBothAreShortOfTheirSupportersMoney() {
        Explanation explanation = Explanations.explain("mes-add1", twoVotersTwoProjects(), LEXICOGRAPHIC, List.of());

        assertThat(explanation.funded()).isEmpty();
        assertThat(explanation.unfunded()).extracting(UnfundedProject::reason)
            .containsOnly(UnfundedProject.Reason.SUPPORTERS_MONEY_SHORT);
        assertThat(explanation.unfunded()).extracting(UnfundedProject::supportersMoneyLeft)
            .containsOnly(new BigDecimal("5.00"));
    }

    /*
     * pair() with a and b incompatible and a project d nobody approves, costing 50: greedy funds a (8
     * approvals), passes over b, funds c (40; 30 left), and d does not fit.
     */
    @Test
    void greedyGivesIncompatibilityAndMissingSupportAsReasons() {
        Election election = ElectionBuilder.approval("100")
            .project("a", "30").project("b", "30").project("c", "40").project("d", "50")
            .ballots(5, "a", "b").ballots(3, "a").ballots(2, "c")
            .build();

        Explanation explanation = Explanations.explain("greedy", election, LEXICOGRAPHIC, List.of(Incompatibility.of("a", "b")));

        assertThat(explanation.endowmentPerVoter()).isNull();
        assertThat(explanation.funded()).containsExactly(
            new FundedProject("a", 1, 8, new BigDecimal("30"), null, 0, false),
            new FundedProject("c", 2, 2, new BigDecimal("40"), null, 0, false));
        assertThat(explanation.unfunded()).containsExactly(
            new UnfundedProject("b", 5, new BigDecimal("30"), UnfundedProject.Reason.INCOMPATIBLE_WITH_WINNER, null),
            new UnfundedProject("d", 0, new BigDecimal("50"), UnfundedProject.Reason.NO_SUPPORTERS, null));
    }

    /*
     * Budget 50 on pair()'s ballots. Phragmén's new loads: a 30/8 = 3.75, b 6, c 20: a is bought (30).
     * Then b (30 + 5 x 3.75)/5 = 9.75 is least, but 30 + 30 > 50: Phragmén stops there, and c (40,
     * more than the 20 left) is left too.
     */
    @Test
    void phragmenLeavesWhatDidNotFitAsBudgetExhausted() {
        Election election = ElectionBuilder.approval("50")
            .project("a", "30").project("b", "30").project("c", "40")
            .ballots(5, "a", "b").ballots(3, "a").ballots(2, "c")
            .build();

        Explanation explanation = Explanations.explain("phragmen", election, LEXICOGRAPHIC, List.of());

        assertThat(explanation.funded()).containsExactly(new FundedProject("a", 1, 8, new BigDecimal("30"), null, 0, false));
        assertThat(explanation.unfunded()).extracting(UnfundedProject::reason)
            .containsOnly(UnfundedProject.Reason.BUDGET_EXHAUSTED);
    }

    @Test
    void anUnknownRuleIsRefused() {
        assertThatThrownBy(() -> Explanations.explain("borda", pair(), LEXICOGRAPHIC, List.of()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("borda");
    }

    @Test
    void onRandomElectionsTheOutcomeIsTheRulesAndEveryProjectIsAccountedFor() {
        Random random = new Random(7_101);
        for (int instance = 0; instance < 150; instance++) {
            Election election = EqualSharesRandomElections.next(random, 9, 25, 50);
            List<Incompatibility> groups = instance % 2 == 0 ? List.of() : List.of(randomPair(random, election));
            for (String rule : Explanations.RULES) {
                Explanation explanation = Explanations.explain(rule, election, LEXICOGRAPHIC, groups);

                assertThat(explanation.outcome()).as("%s on instance %d", rule, instance)
                    .isEqualTo(Rules.named(rule).apply(election, LEXICOGRAPHIC, groups));
                assertThat(explanation.funded()).extracting(FundedProject::projectId)
                    .containsExactlyElementsOf(explanation.outcome().selected());
                Set<String> all = new HashSet<>();
                explanation.funded().forEach(f -> all.add(f.projectId()));
                explanation.unfunded().forEach(u -> all.add(u.projectId()));
                assertThat(all).hasSize(election.projects().size());
                for (int i = 0; i < explanation.funded().size(); i++) {
                    assertThat(explanation.funded().get(i).position()).isEqualTo(i + 1);
                }
            }
        }
    }

    @Test
    void onRandomElectionsEveryPurchaseIsPaidInFullAndNobodyPaysMoreThanTheirShare() {
        Random random = new Random(7_102);
        for (int instance = 0; instance < 150; instance++) {
            Election election = EqualSharesRandomElections.next(random, 9, 25, 50);
            List<Incompatibility> groups = instance % 2 == 0 ? List.of() : List.of(randomPair(random, election));
            EqualSharesProfile profile = EqualSharesProfile.exact(election, LEXICOGRAPHIC, groups);
            EqualSharesAdd1.Result add1 = EqualSharesAdd1.pabutools(profile);
            assertPaymentsAddUp(profile, EqualSharesPayments.replay(profile, add1.answerEndowment(), add1.answer()));
            Rational share = profile.budget.divide(profile.voters);
            assertPaymentsAddUp(profile, EqualSharesPayments.replay(profile, share, EqualShares.plain(profile)));
        }
    }

    /** Each purchase's payments sum to its cost; each voter's payments to at most the endowment. */
    static void assertPaymentsAddUp(EqualSharesProfile profile, EqualSharesPayments payments) {
        Rational[] paidByGroup = new Rational[profile.groupCount];
        java.util.Arrays.fill(paidByGroup, Rational.ZERO);
        for (EqualSharesPayments.Purchase purchase : payments.purchases()) {
            int[] groups = profile.projectGroups[purchase.project()];
            Rational total = Rational.ZERO;
            for (int i = 0; i < groups.length; i++) {
                Rational paid = purchase.paidPerVoter()[i];
                assertThat(paid.compareTo(purchase.share())).isLessThanOrEqualTo(0);
                assertThat(paid.compareTo(purchase.largestPayment())).isLessThanOrEqualTo(0);
                total = total.add(paid.multiply(profile.groupWeight[groups[i]]));
                paidByGroup[groups[i]] = paidByGroup[groups[i]].add(paid);
            }
            assertThat(total).as("payments for %s", profile.ids[purchase.project()]).isEqualTo(profile.cost[purchase.project()]);
        }
        for (int g = 0; g < profile.groupCount; g++) {
            assertThat(paidByGroup[g].compareTo(payments.endowment())).isLessThanOrEqualTo(0);
            assertThat(paidByGroup[g].add(payments.moneyLeft(g))).isEqualTo(payments.endowment());
        }
    }

    private static Incompatibility randomPair(Random random, Election election) {
        List<String> ids = new ArrayList<>();
        election.projects().forEach(p -> ids.add(p.id()));
        java.util.Collections.shuffle(ids, random);
        return new Incompatibility(Set.copyOf(ids.subList(0, Math.min(2, ids.size()))));
    }
}
