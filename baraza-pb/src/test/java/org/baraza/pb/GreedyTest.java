package org.baraza.pb;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GreedyTest {

    private static final TieBreak LEXICOGRAPHIC = TieBreak.lexicographic();

    @Test
    void fundsTheMostApprovedFirstAndSkipsWhatDoesNotFit() {
        Election election = ElectionBuilder.approval("100")
            .project("a", "60").project("b", "50").project("c", "40")
            .ballots(3, "a").ballots(2, "b").ballots(1, "c")
            .build();

        Outcome outcome = Rules.named("greedy").apply(election, LEXICOGRAPHIC);

        assertThat(outcome.selected()).containsExactly("a", "c");
        assertThat(outcome.cost()).isEqualByComparingTo("100");
        assertThat(outcome.rule()).isEqualTo("greedy");
    }

    @Test
    void noSkipStopsAtTheFirstProjectThatDoesNotFit() {
        Election election = ElectionBuilder.approval("100")
            .project("a", "60").project("b", "50").project("c", "40")
            .ballots(3, "a").ballots(2, "b").ballots(1, "c")
            .build();

        assertThat(Rules.named("greedy-no-skip").apply(election, LEXICOGRAPHIC).selected()).containsExactly("a");
    }

    @Test
    void thresholdLeavesOutProjectsBelowTheMetaThresholdButKeepsThoseAtIt() {
        Election election = ElectionBuilder.approval("100")
            .meta("min_project_score_threshold", "2")
            .project("a", "30").project("b", "30").project("c", "30")
            .ballots(3, "a").ballots(2, "b").ballots(1, "c")
            .build();

        assertThat(Rules.named("greedy-threshold").apply(election, LEXICOGRAPHIC).selected()).containsExactly("a", "b");
        assertThat(Rules.named("greedy").apply(election, LEXICOGRAPHIC).selected()).containsExactly("a", "b", "c");
    }

    @Test
    void thresholdRuleWithoutAThresholdInMetaIsRefused() {
        Election election = ElectionBuilder.approval("100").project("a", "30").ballot("a").build();

        assertThatThrownBy(() -> Rules.named("greedy-threshold").apply(election, LEXICOGRAPHIC))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("min_project_score_threshold");
    }

    @Test
    void lexicographicTiesCompareIdsAsStrings() {
        Election election = ElectionBuilder.approval("10")
            .project("9", "10").project("10", "10")
            .ballot("9", "10")
            .build();

        assertThat(Rules.named("greedy").apply(election, LEXICOGRAPHIC).selected()).containsExactly("10");
    }

    @Test
    void costThenVotesTiesGoToTheCheaperProject() {
        Election election = ElectionBuilder.approval("10")
            .project("a", "10").project("b", "6").project("c", "5")
            .ballot("a", "b", "c")
            .build();

        assertThat(Rules.named("greedy").apply(election, TieBreak.costThenVotes()).selected()).containsExactly("c");
    }

    @Test
    void projectsWithoutVotesAreFundedLastWhenTheyFit() {
        Election election = ElectionBuilder.approval("100")
            .project("unwanted", "10").project("wanted", "80")
            .ballot("wanted")
            .build();

        assertThat(Rules.named("greedy").apply(election, LEXICOGRAPHIC).selected()).containsExactly("wanted", "unwanted");
    }

    @Test
    void cumulativeBallotsRankProjectsByTotalPointsNotByVoters() {
        Election election = ElectionBuilder.of(BallotKind.CUMULATIVE, "10")
            .project("popular", "10").project("intense", "10")
            .pointsBallot(List.of("popular"), List.of(1L))
            .pointsBallot(List.of("popular"), List.of(1L))
            .pointsBallot(List.of("intense", "popular"), List.of(9L, 1L))
            .build();

        assertThat(Rules.named("greedy").apply(election, LEXICOGRAPHIC).selected()).containsExactly("intense");
    }

    @Test
    void ordinalBallotsCountEveryListedProjectOnce() {
        Election election = ElectionBuilder.of(BallotKind.ORDINAL, "10")
            .project("first", "10").project("second", "10")
            .ballot("first", "second")
            .ballot("second")
            .build();

        assertThat(Rules.named("greedy").apply(election, LEXICOGRAPHIC).selected()).containsExactly("second");
    }

    @Test
    void decimalCostsAreAddedExactly() {
        Election election = ElectionBuilder.approval("0.3")
            .project("a", "0.1").project("b", "0.2")
            .ballots(2, "a").ballot("b")
            .build();

        Outcome outcome = Rules.named("greedy").apply(election, LEXICOGRAPHIC);

        assertThat(outcome.selected()).containsExactly("a", "b");
        assertThat(outcome.cost()).isEqualByComparingTo("0.3");
    }

    @Test
    void emptyBallotsChangeNothing() {
        Election election = ElectionBuilder.approval("10")
            .project("a", "10").project("b", "10")
            .ballot().ballot().ballot("b")
            .build();

        assertThat(Rules.named("greedy").apply(election, LEXICOGRAPHIC).selected()).containsExactly("b");
    }
}
