package org.baraza.pb;

import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties every Equal Shares variant keeps, on a few hundred random elections (fixed seeds). */
class EqualSharesPropertiesTest {

    private static final int INSTANCES = 300;
    private static final List<Rule> RULES = List.of(EqualShares.mes(), EqualShares.mesAdd1(),
        EqualShares.mesAdd1Greedy(), EqualShares.equalsharesAdd1(), EqualShares.equalsharesAdd1Comparison());

    @Test
    void noOutcomeExceedsTheBudget() {
        Random random = new Random(1_2026);
        for (int i = 0; i < INSTANCES; i++) {
            Election election = EqualSharesRandomElections.next(random, 8, 15, 100);
            for (Rule rule : RULES) {
                assertThat(rule.apply(election, TieBreak.lexicographic()).cost())
                    .as("%s on instance %d", rule, i)
                    .isLessThanOrEqualTo(election.budget());
            }
            for (String metaRule : List.of("equalshares", "equalshares/add1", "equalshares/add1-comparison")) {
                assertThat(checkerOutcome(metaRule, election).cost())
                    .as("checker %s on instance %d", metaRule, i)
                    .isLessThanOrEqualTo(election.budget());
            }
        }
    }

    @Test
    void theOrderOfBallotsDoesNotChangeTheOutcome() {
        Random random = new Random(2_2026);
        for (int i = 0; i < INSTANCES; i++) {
            Election election = EqualSharesRandomElections.next(random, 8, 15, 100);
            Election shuffled = EqualSharesRandomElections.shuffled(random, election);
            for (Rule rule : RULES) {
                assertThat(rule.apply(shuffled, TieBreak.lexicographic()).selected())
                    .as("%s on instance %d", rule, i)
                    .isEqualTo(rule.apply(election, TieBreak.lexicographic()).selected());
            }
        }
    }

    @Test
    void aProjectEveryVoterApprovesThatFitsIsAlwaysChosen() {
        // Its affordability 1/n beats any project fewer voters want, and all n voters together hold
        // B: every pass buys it first (the generator makes it the only project all voters approve).
        Random random = new Random(3_2026);
        for (int i = 0; i < INSTANCES; i++) {
            Election election = EqualSharesRandomElections.withUnanimousProject(random,
                EqualSharesRandomElections.next(random, 8, 15, 100));

            assertThat(EqualShares.mesAdd1Greedy().apply(election, TieBreak.lexicographic()).selected())
                .as("instance %d", i)
                .contains("u");
        }
    }

    @Test
    void plainPassAgreesWithTheReferenceImplementation() {
        Random random = new Random(5_2026);
        for (int i = 0; i < INSTANCES; i++) {
            Election election = EqualSharesRandomElections.next(random, 10, 40, 1_000);
            EqualSharesReference reference = new EqualSharesReference(election, Comparator.naturalOrder());

            assertThat(EqualShares.mes().apply(election, TieBreak.lexicographic()).selected())
                .as("instance %d", i)
                .isEqualTo(reference.pass(reference.initialEndowment()));
        }
    }

    // The checker convention may refuse a tie; such an instance proves nothing about the budget.
    private static Outcome checkerOutcome(String metaRule, Election election) {
        try {
            return EqualShares.asPabulibChecker(metaRule).apply(election, TieBreak.lexicographic());
        } catch (IllegalStateException unbreakableTie) {
            return new Outcome(metaRule, List.of(), java.math.BigDecimal.ZERO);
        }
    }
}
