package org.baraza.pb;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Sequential Phragmén on elections small enough to follow by hand, and its properties on random ones. */
class SequentialPhragmenTest {

    private static final Rule PHRAGMEN = SequentialPhragmen.rule();

    @Test
    void buysWhatItsSupportersCanFirstAffordAndListsWinnersInSelectionOrder() {
        // New loads: a 4/2 = 2, b 3/1 = 3, c 6/3 = 2: a and c tie, a wins by id. Then b 3 against
        // c (2 + 2 + 0 + 6)/3 = 10/3: b. Then c (2 + 2 + 3 + 6)/3 no longer fits 10 - 7.
        Election election = ElectionBuilder.approval("10")
            .project("c", "6").project("b", "3").project("a", "4")
            .ballot("a", "c").ballot("a", "c").ballot("b", "c")
            .build();

        Outcome outcome = PHRAGMEN.apply(election, TieBreak.lexicographic());

        assertThat(outcome.rule()).isEqualTo("phragmen");
        assertThat(outcome.selected()).containsExactly("a", "b");
        assertThat(outcome.cost()).isEqualByComparingTo("7");
    }

    @Test
    void stopsAtTheFirstProjectItWouldBuyThatDoesNotFitRatherThanSkippingIt() {
        // a goes first (load 4/4 = 1). Then f would be next at (4·1 + 7)/4 = 2.75, before e at
        // (1 + 2)/1 = 3, but f does not fit in the 6 left: stop, although e would fit.
        Election election = ElectionBuilder.approval("10")
            .project("a", "4").project("f", "7").project("e", "2")
            .ballot("a", "f", "e").ballots(3, "a", "f")
            .build();

        assertThat(PHRAGMEN.apply(election, TieBreak.lexicographic()).selected()).containsExactly("a");
    }

    @Test
    void ignoresProjectsCostingMoreThanTheWholeBudget() {
        Election election = ElectionBuilder.approval("10")
            .project("big", "11").project("small", "4")
            .ballots(5, "big").ballot("small")
            .build();

        assertThat(PHRAGMEN.apply(election, TieBreak.lexicographic()).selected()).containsExactly("small");
    }

    @Test
    void tieBreakDecidesBetweenProjectsWithTheSameLoad() {
        Election election = ElectionBuilder.approval("30")
            .project("a", "20").project("b", "10")
            .ballots(2, "a").ballot("b")
            .build();

        assertThat(PHRAGMEN.apply(election, TieBreak.lexicographic()).selected()).containsExactly("a", "b");
        assertThat(PHRAGMEN.apply(election, TieBreak.costThenVotes()).selected()).containsExactly("b", "a");
    }

    @Test
    void noOutcomeExceedsTheBudget() {
        Random random = new Random(8_2026);
        for (int i = 0; i < 300; i++) {
            Election election = EqualSharesRandomElections.next(random, 8, 15, 100);

            assertThat(PHRAGMEN.apply(election, TieBreak.lexicographic()).cost())
                .as("instance %d", i)
                .isLessThanOrEqualTo(election.budget());
        }
    }

    @Test
    void theOrderOfBallotsDoesNotChangeTheOutcome() {
        Random random = new Random(9_2026);
        for (int i = 0; i < 300; i++) {
            Election election = EqualSharesRandomElections.next(random, 8, 15, 100);
            Election shuffled = EqualSharesRandomElections.shuffled(random, election);

            assertThat(PHRAGMEN.apply(shuffled, TieBreak.lexicographic()).selected())
                .as("instance %d", i)
                .isEqualTo(PHRAGMEN.apply(election, TieBreak.lexicographic()).selected());
        }
    }
}
