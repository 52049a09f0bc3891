package org.baraza.pb;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Method of Equal Shares on elections small enough to follow by hand. */
class EqualSharesTest {

    private static final TieBreak LEXICOGRAPHIC = TieBreak.lexicographic();

    /**
     * Budget 100, four voters, so 25 each at first. a (60) is wanted by three, b (40) by two,
     * c (30) by one.
     */
    private static Election threeProjects() {
        return ElectionBuilder.approval("100")
            .project("a", "60").project("b", "40").project("c", "30")
            .ballot("a").ballot("a").ballot("a", "b").ballot("b", "c")
            .build();
    }

    @Test
    void buysTheProjectWithTheSmallestEqualShareAndDropsWhatSupportersCanNoLongerPay() {
        // Round 1: a costs its three supporters 20 each (affordability 1/3), b 20 each (1/2); c's one
        // supporter holds 25 < 30. After a, b's supporters hold 5 + 25 < 40: nothing more.
        Outcome outcome = EqualShares.mes().apply(threeProjects(), LEXICOGRAPHIC);

        assertThat(outcome.rule()).isEqualTo("mes");
        assertThat(outcome.selected()).containsExactly("a");
        assertThat(outcome.cost()).isEqualByComparingTo("60");
    }

    @Test
    void add1RaisesEveryVotersMoneyUntilTheOutcomeIsExhaustive() {
        // At 30 each: a (20 each), then b: the a-and-b voter pays its last 10, the other 30, and
        // a + b = 100 leaves no room for c. At 25..29 b stays out of reach.
        EqualSharesAdd1.Result result = EqualSharesAdd1.pabutools(EqualSharesProfile.exact(threeProjects(), LEXICOGRAPHIC));

        assertThat(EqualShares.mesAdd1().apply(threeProjects(), LEXICOGRAPHIC).selected()).containsExactly("a", "b");
        assertThat(result.endowmentAtStop()).isEqualTo(Rational.of(30));
        assertThat(result.stoppedAt()).isEqualTo(5);
    }

    @Test
    void greedyCompletionAddsWhatStillFitsEvenAProjectNobodyApproved() {
        // x is bought at once and already exhaustive over the projects MES can buy (y does not fit);
        // the greedy completion then finds room for z, which no one approved.
        Election election = ElectionBuilder.approval("100")
            .project("x", "70").project("y", "40").project("z", "30")
            .ballots(3, "x").ballot("y")
            .build();

        assertThat(EqualShares.mesAdd1().apply(election, LEXICOGRAPHIC).selected()).containsExactly("x");
        assertThat(EqualShares.mesAdd1Greedy().apply(election, LEXICOGRAPHIC).selected()).containsExactly("x", "z");
    }

    @Test
    void emptyBallotsCountAsVotersAndShrinkEveryonesShare() {
        Election withEmpty = ElectionBuilder.approval("100").project("a", "60")
            .ballots(2, "a").ballots(2)
            .build();
        Election withoutEmpty = ElectionBuilder.approval("100").project("a", "60")
            .ballots(2, "a")
            .build();

        assertThat(EqualShares.mes().apply(withEmpty, LEXICOGRAPHIC).selected()).isEmpty();
        assertThat(EqualShares.mes().apply(withoutEmpty, LEXICOGRAPHIC).selected()).containsExactly("a");
    }

    @Test
    void lexicographicTieBreakComparesProjectIdsAsStrings() {
        Election election = ElectionBuilder.approval("20")
            .project("9", "10").project("10", "10")
            .ballot("9").ballot("10")
            .build();

        assertThat(EqualShares.mes().apply(election, LEXICOGRAPHIC).selected()).containsExactly("10", "9");
    }

    @Test
    void costThenVotesTieBreakPrefersTheCheaperOfTwoEquallyAffordableProjects() {
        // Each costs its two supporters half its cost apiece: affordability 1/2 for both.
        Election election = ElectionBuilder.approval("60")
            .project("a", "20").project("b", "10")
            .ballots(2, "a").ballots(2, "b")
            .build();

        assertThat(EqualShares.mes().apply(election, LEXICOGRAPHIC).selected()).containsExactly("a", "b");
        assertThat(EqualShares.mes().apply(election, TieBreak.costThenVotes()).selected()).containsExactly("b", "a");
    }

    @Test
    void aProjectGivenZeroPointsIsNotApproved() {
        // Were a approved by the first voter, the 4 left after b would buy it.
        Election election = ElectionBuilder.of(BallotKind.CUMULATIVE, "10")
            .project("a", "4").project("b", "2")
            .pointsBallot(List.of("b", "a"), List.of(3L, 0L))
            .pointsBallot(List.of("b"), List.of(2L))
            .build();

        assertThat(EqualShares.mes().apply(election, LEXICOGRAPHIC).selected()).containsExactly("b");
    }

    @Test
    void noBallotsSelectNothing() {
        Election election = ElectionBuilder.approval("100").project("a", "10").build();

        assertThat(EqualShares.mes().apply(election, LEXICOGRAPHIC).selected()).isEmpty();
        assertThat(EqualShares.mesAdd1().apply(election, LEXICOGRAPHIC).selected()).isEmpty();
        assertThat(EqualShares.equalsharesAdd1().apply(election, LEXICOGRAPHIC).selected()).isEmpty();
    }

    /**
     * Costs 75.4 and 75.3 do not both fit 150.5, but floored (75 + 75 = 150) they do; c is there so
     * that not every project fits. Three voters: 50.17 each at first.
     */
    private static Election flooringMatters() {
        return ElectionBuilder.approval("150.5")
            .project("a", "75.4").project("b", "75.3").project("c", "500")
            .ballots(2, "a", "b").ballot("a")
            .build();
    }

    @Test
    void pabulibCheckerFloorsCostsAndBudgetBeforeRaisingTheEndowment() {
        assertThat(EqualShares.asPabulibChecker("equalshares/add1").apply(flooringMatters(), LEXICOGRAPHIC).selected())
            .containsExactly("a", "b");
        assertThat(EqualShares.equalsharesAdd1().apply(flooringMatters(), LEXICOGRAPHIC).selected())
            .containsExactly("a");
        assertThat(EqualShares.asPabulibChecker("equalshares").apply(flooringMatters(), LEXICOGRAPHIC).selected())
            .containsExactly("a");
    }

    @Test
    void pabulibCheckerRefusesATieThatCostAndApprovalsCannotBreak() {
        Election election = ElectionBuilder.approval("100")
            .project("a", "50").project("b", "50")
            .ballots(2, "a", "b")
            .build();

        assertThatThrownBy(() -> EqualShares.asPabulibChecker("equalshares").apply(election, LEXICOGRAPHIC))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("tie-breaking failed");
    }

    @Test
    void comparisonStepTurnsToGreedyWhenMoreVotersApproveMoreOfItsProjects() {
        // MES with add1 funds c for the four voters of b and c; greedy funds a for the other six.
        Election election = ElectionBuilder.approval("100")
            .project("a", "100").project("b", "50").project("c", "49")
            .ballots(6, "a").ballots(4, "b", "c")
            .build();

        assertThat(EqualShares.asPabulibChecker("equalshares/add1").apply(election, LEXICOGRAPHIC).selected())
            .containsExactly("c");
        assertThat(EqualShares.asPabulibChecker("equalshares/add1-comparison").apply(election, LEXICOGRAPHIC).selected())
            .containsExactly("a");
        assertThat(EqualShares.equalsharesAdd1Comparison().apply(election, TieBreak.costThenVotes()).selected())
            .containsExactly("a");
    }

    @Test
    void affordabilitiesTooCloseForDoublesAreComparedExactly() {
        // 13 voters with 10^14 each. w (9 voters and v) is bought first and leaves v with 1. Then b
        // (cost C = 10^14) and a (C + 1) have the same four supporters, v paying its 1 and the three
        // others the rest: affordabilities (C - 1) / 3C and C / 3(C + 1), apart by 1 part in 10^28,
        // the same double. Exactly, b is the more affordable; a tie would go to a.
        String c = "100000000000000";
        Election election = ElectionBuilder.approval("1300000000000000")
            .project("w", "999999999999990").project("a", "100000000000001").project("b", c)
            .ballots(9, "w").ballot("w", "a", "b").ballots(3, "a", "b")
            .build();
        EqualSharesProfile profile = EqualSharesProfile.exact(election, LEXICOGRAPHIC);
        Rational endowment = Rational.of(Long.parseLong(c));
        EqualSharesRounds recorded = EqualSharesPass.selectRecordingRounds(profile, endowment);

        assertThat(EqualShares.mes().apply(election, LEXICOGRAPHIC).selected()).containsExactly("w", "b", "a");
        assertThat(recorded.selected()).isEqualTo(EqualSharesPass.select(profile, endowment));
        // The certificate's comparisons of a with b fall back to exact arithmetic too.
        assertThat(recorded.certifiesUpTo(recorded)).isTrue();
    }

    @Test
    void pabulibCheckerKnowsOnlyTheEqualSharesRulesOfPabulib() {
        assertThatThrownBy(() -> EqualShares.asPabulibChecker("greedy"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("greedy");
    }

    @Test
    void rulesAreNamedAsOnTheCommandLine() {
        assertThat(List.of(EqualShares.mes(), EqualShares.mesAdd1(), EqualShares.mesAdd1Greedy(),
            EqualShares.equalsharesAdd1(), EqualShares.equalsharesAdd1Comparison(),
            EqualShares.asPabulibChecker("equalshares/add1")))
            .extracting(Rule::name)
            .containsExactly("mes", "mes-add1", "mes-add1-greedy", "equalshares/add1",
                "equalshares/add1-comparison", "equalshares/add1");
    }
}
