package org.baraza.pb;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code auto} follows pabulib's checker: it ranks by the PROJECTS columns, not by the ballots. */
class DeclaredRuleTest {

    private static Outcome auto(Election election) {
        return Rules.named("auto").apply(election, DeclaredRule.checkerConventions());
    }

    @Test
    void greedyRanksByTheVotesColumnEvenWhenBallotsSayOtherwise() {
        Election election = ElectionBuilder.approval("100").meta("rule", "greedy")
            .project("a", "60", "votes", "5").project("b", "50", "votes", "9").project("c", "40", "votes", "1")
            .ballots(3, "a")
            .build();

        assertThat(auto(election).selected()).containsExactly("b", "c");
    }

    @Test
    void scoreColumnOutranksTheVotesColumn() {
        Election election = ElectionBuilder.approval("60").meta("rule", "greedy")
            .project("a", "60", "votes", "9", "score", "10").project("b", "60", "votes", "5", "score", "20")
            .build();

        assertThat(auto(election).selected()).containsExactly("b");
    }

    @Test
    void equallyRankedProjectsKeepTheirFileOrder() {
        Election election = ElectionBuilder.approval("60").meta("rule", "greedy")
            .project("z", "60", "votes", "5").project("a", "60", "votes", "5")
            .build();

        assertThat(auto(election).selected()).containsExactly("z");
        assertThat(Rules.named("auto").apply(election, TieBreak.lexicographic()).selected()).containsExactly("a");
    }

    @Test
    void greedyThresholdLeavesOutProjectsBelowTheThreshold() {
        Election election = ElectionBuilder.approval("100").meta("rule", "greedy-threshold")
            .meta("min_project_score_threshold", "5")
            .project("a", "10", "votes", "9").project("b", "10", "votes", "4").project("c", "10", "votes", "5")
            .build();

        assertThat(auto(election).selected()).containsExactly("a", "c");
    }

    @Test
    void greedyNoSkipStopsAtTheFirstMisfitButPassesOverWithdrawnProjects() {
        Election election = ElectionBuilder.approval("100").meta("rule", "greedy-no-skip")
            .project("a", "50", "votes", "9").project("withdrawn", "999999999", "votes", "8")
            .project("b", "40", "votes", "7").project("big", "20", "votes", "6").project("c", "5", "votes", "5")
            .build();

        assertThat(auto(election).selected()).containsExactly("a", "b");
    }

    @Test
    void budgetIsExactNotFloatingPoint() {
        Election election = ElectionBuilder.approval("0.3").meta("rule", "greedy")
            .project("a", "0.1", "votes", "2").project("b", "0.2", "votes", "1")
            .build();

        assertThat(auto(election).selected()).containsExactly("a", "b");
    }

    @Test
    void unknownDeclaredRuleIsRefusedWithAMessage() {
        Election election = ElectionBuilder.approval("10").meta("rule", "unknown").project("a", "1").build();

        assertThatThrownBy(() -> auto(election))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("META rule 'unknown'");
    }
}
