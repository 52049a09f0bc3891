package org.baraza.pb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the greedy rules on a few hundred random elections (seeded, so failures replay). */
class GreedyPropertiesTest {

    private static final int INSTANCES = 400;
    private static final List<String> RULES = List.of("greedy", "greedy-no-skip", "greedy-threshold");
    private static final List<TieBreak> TIE_BREAKS = List.of(TieBreak.lexicographic(), TieBreak.costThenVotes());

    @Test
    void noGreedyRuleEverExceedsTheBudget() {
        Random random = new Random(4_001);
        for (int instance = 0; instance < INSTANCES; instance++) {
            Election election = randomElection(random, false);
            for (String rule : RULES) {
                for (TieBreak tieBreak : TIE_BREAKS) {
                    Outcome outcome = Rules.named(rule).apply(election, tieBreak);

                    assertThat(outcome.cost()).as("%s on instance %d", rule, instance)
                        .isLessThanOrEqualTo(election.budget())
                        .isEqualByComparingTo(costOf(outcome.selected(), election));
                    assertThat(new HashSet<>(outcome.selected())).hasSameSizeAs(outcome.selected());
                }
            }
        }
    }

    @Test
    void greedyIsExhaustiveNoUnselectedProjectFitsTheLeftover() {
        Random random = new Random(4_002);
        for (int instance = 0; instance < INSTANCES; instance++) {
            Election election = randomElection(random, false);
            Outcome outcome = Rules.named("greedy").apply(election, TIE_BREAKS.get(instance % 2));
            BigDecimal leftover = election.budget().subtract(outcome.cost());

            for (Project project : election.projects()) {
                if (!outcome.selected().contains(project.id())) {
                    assertThat(project.cost()).as("unselected %s on instance %d", project.id(), instance)
                        .isGreaterThan(leftover);
                }
            }
        }
    }

    @Test
    void aProjectEveryVoterApprovesThatFitsAloneIsAlwaysChosen() {
        Random random = new Random(4_003);
        for (int instance = 0; instance < INSTANCES; instance++) {
            Election election = randomElection(random, true);
            Outcome outcome = Rules.named("greedy").apply(election, TIE_BREAKS.get(instance % 2));

            assertThat(outcome.selected()).as("instance %d", instance).contains("everyone");
        }
    }

    private static BigDecimal costOf(List<String> selected, Election election) {
        BigDecimal cost = BigDecimal.ZERO;
        for (String id : selected) {
            cost = cost.add(election.project(id).cost());
        }
        return cost;
    }

    /**
     * 1–12 projects with costs of up to two decimals, 0–30 voters (empty ballots possible), a budget
     * between a tenth and the whole of the total cost. With {@code withUniversalProject}, one project
     * ("everyone") that fits the budget is approved by every voter and no other project is.
     */
    private static Election randomElection(Random random, boolean withUniversalProject) {
        int projects = 1 + random.nextInt(12);
        int voters = (withUniversalProject ? 1 : 0) + random.nextInt(30);
        List<String> ids = new ArrayList<>();
        List<BigDecimal> costs = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int p = 0; p < projects; p++) {
            ids.add(random.nextInt(4) == 0 ? "p" + p : String.valueOf(p));
            BigDecimal cost = BigDecimal.valueOf(1 + random.nextInt(10_000), random.nextInt(3));
            costs.add(cost);
            total = total.add(cost);
        }
        BigDecimal budget = total.multiply(BigDecimal.valueOf(10 + random.nextInt(91), 2));
        ElectionBuilder builder = ElectionBuilder.approval(budget.toPlainString())
            .meta("min_project_score_threshold", String.valueOf(random.nextInt(Math.max(1, voters / 2) + 1)));
        for (int p = 0; p < projects; p++) {
            builder.project(ids.get(p), costs.get(p).toPlainString());
        }
        if (withUniversalProject) {
            builder.project("everyone", budget.multiply(BigDecimal.valueOf(random.nextInt(101), 2)).toPlainString());
        }
        List<Set<String>> ballots = new ArrayList<>();
        for (int v = 0; v < voters; v++) {
            Set<String> approved = new HashSet<>();
            for (String id : ids) {
                if (random.nextInt(3) == 0) {
                    approved.add(id);
                }
            }
            ballots.add(approved);
        }
        if (withUniversalProject) {
            // Keep "everyone" the only project on every ballot, so no other project ties with it.
            for (String id : ids) {
                if (ballots.stream().allMatch(ballot -> ballot.contains(id))) {
                    ballots.get(random.nextInt(voters)).remove(id);
                }
            }
            ballots.forEach(ballot -> ballot.add("everyone"));
        }
        for (Set<String> ballot : ballots) {
            builder.ballot(ballot.toArray(String[]::new));
        }
        return builder.build();
    }
}
