package org.baraza.budgeting.ballots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DemoBudgetBallotsTest {

    @Test
    void syntheticBallotsKeepEveryRuleOfEachBallotFormAndAreReproducible() {
        for (BallotRules rules : List.of(BallotOfferTest.approval(3), BallotOfferTest.knapsack(30), BallotOfferTest.cumulative(10, 4),
            BallotOfferTest.ranked(3), BallotOfferTest.oneOfChoice(BallotOfferTest.approval(2)))) {
            BallotOffer offer = BallotOfferTest.offer(rules);

            List<BudgetBallot> ballots = DemoBudgetBallots.ballots(offer, new Random(2026));

            assertThat(ballots).as("%s", rules).hasSize(DemoBudgetBallots.VOTERS);
            assertThat(DemoBudgetBallots.ballots(offer, new Random(2026))).as("same seed, same ballots").isEqualTo(ballots);
        }
    }

    @Test
    void someProjectsArePopularAndVotersFavourTheirDistrict() {
        List<BudgetBallot> ballots = DemoBudgetBallots.ballots(BallotOfferTest.offer(BallotOfferTest.approval(2)), new Random(2026));
        Map<Long, Integer> votes = new HashMap<>();
        // the city-wide heading's three projects, which every synthetic voter sees
        ballots.forEach(ballot -> ballot.choices().stream().filter(choice -> choice.headingId() == 1)
            .forEach(choice -> votes.merge(choice.projectId(), 1, Integer::sum)));

        assertThat(votes).hasSize(3);
        int most = votes.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        int least = votes.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
        assertThat(most).as("%s", votes).isGreaterThan(least * 5 / 4);
        long north = ballots.stream().filter(ballot -> ballot.headings().contains(2L)).count();
        long south = ballots.stream().filter(ballot -> ballot.headings().contains(3L)).count();
        assertThat(north + south).isEqualTo(DemoBudgetBallots.VOTERS);
        assertThat(north).as("districts of different sizes").isNotEqualTo(south);
    }
}
