package org.baraza.budgeting.ballots;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every ballot rule, refused in plain words, and the ballots that keep them accepted. */
class BallotOfferTest {

    // headings: 1 city-wide (budget 1000), 2 north (500), 3 south (300)
    // projects: city 11 (400), 12 (500), 13 (300); north 21 (200), 22 (250); south 31 (100)
    private static final List<BallotOffer.Heading> HEADINGS = List.of(
        new BallotOffer.Heading(1, "City-wide", null, new BigDecimal("1000.00")),
        new BallotOffer.Heading(2, "North", "north", new BigDecimal("500.00")),
        new BallotOffer.Heading(3, "South", "south", new BigDecimal("300.00")));
    private static final List<BallotOffer.Project> PROJECTS = List.of(
        new BallotOffer.Project(11, 1, "Library hours", new BigDecimal("400.00")),
        new BallotOffer.Project(12, 1, "Bike lanes", new BigDecimal("500.00")),
        new BallotOffer.Project(13, 1, "Trees", new BigDecimal("300.00")),
        new BallotOffer.Project(21, 2, "North playground", new BigDecimal("200.00")),
        new BallotOffer.Project(22, 2, "North lights", new BigDecimal("250.00")),
        new BallotOffer.Project(31, 3, "South water point", new BigDecimal("100.00")));

    static BallotOffer offer(BallotRules rules) {
        return new BallotOffer(7, rules, HEADINGS, PROJECTS);
    }

    static BallotRules approval(int max) {
        return new BallotRules(BallotRules.Kind.APPROVAL, max, 0, null, null, BallotRules.HeadingChoice.OWN_DISTRICT_AND_CITY);
    }

    static BallotRules knapsack(int minPercent) {
        return new BallotRules(BallotRules.Kind.KNAPSACK, null, minPercent, null, null, BallotRules.HeadingChoice.OWN_DISTRICT_AND_CITY);
    }

    static BallotRules cumulative(int perVoter, int perProject) {
        return new BallotRules(BallotRules.Kind.CUMULATIVE, null, 0, perVoter, perProject, BallotRules.HeadingChoice.OWN_DISTRICT_AND_CITY);
    }

    static BallotRules ranked(int k) {
        return new BallotRules(BallotRules.Kind.RANKED, k, 0, null, null, BallotRules.HeadingChoice.OWN_DISTRICT_AND_CITY);
    }

    static BallotRules oneOfChoice(BallotRules rules) {
        return new BallotRules(rules.kind(), rules.maxProjects(), rules.minSpendPercent(), rules.pointsPerVoter(),
            rules.maxPointsPerProject(), BallotRules.HeadingChoice.ONE_OF_CHOICE);
    }

    /** A form with repeated "project" fields and any other fields given as name, value pairs. */
    static Map<String, List<String>> form(String... pairs) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            fields.computeIfAbsent(pairs[i], name -> new ArrayList<>()).add(pairs[i + 1]);
        }
        return fields;
    }

    static BallotOffer.Checked vote(BallotOffer offer, String district, String... pairs) {
        BallotOffer.Read read = offer.read(form(pairs));
        return offer.fill(district, read.draft(), read.violations());
    }

    static List<String> keys(BallotOffer.Checked checked) {
        assertThat(checked).isInstanceOf(BallotOffer.Invalid.class);
        return ((BallotOffer.Invalid) checked).violations().stream().map(v -> v.key().replace("budgetBallots.error.", "")).toList();
    }

    static BudgetBallot ballot(BallotOffer.Checked checked) {
        assertThat(checked).as("%s", checked).isInstanceOf(BallotOffer.Valid.class);
        return ((BallotOffer.Valid) checked).ballot();
    }

    @Test
    void approvalBallotWithinTheMaximumIsAcceptedWithEveryHeadingTheVoterTakesPartIn() {
        BudgetBallot ballot = ballot(vote(offer(approval(2)), "north", "project", "11", "project", "12", "project", "21"));

        assertThat(ballot.headings()).containsExactly(1L, 2L);
        assertThat(ballot.choices()).extracting(BudgetBallot.Choice::projectId).containsExactly(11L, 12L, 21L);
        assertThat(ballot.choices()).allMatch(choice -> choice.points() == 1 && choice.rank() == null);
    }

    @Test
    void approvalBallotOverTheMaximumIsRefused() {
        BallotOffer.Checked checked = vote(offer(approval(2)), "north", "project", "11", "project", "12", "project", "13");

        assertThat(keys(checked)).containsExactly("tooMany");
        assertThat(((BallotOffer.Invalid) checked).violations().get(0).arguments()).containsExactly("City-wide", 2, 3);
    }

    @Test
    void theMaximumCountsPerHeading() {
        assertThat(ballot(vote(offer(approval(1)), "north", "project", "11", "project", "21")).choices()).hasSize(2);
    }

    @Test
    void knapsackBallotOverTheHeadingsBudgetIsRefused() {
        // 400 + 500 + 300 = 1200 > 1000
        BallotOffer.Checked checked = vote(offer(knapsack(0)), "north", "project", "11", "project", "12", "project", "13");

        assertThat(keys(checked)).containsExactly("overBudget");
        assertThat(((BallotOffer.Invalid) checked).violations().get(0).arguments())
            .containsExactly("City-wide", new BigDecimal("1200.00"), new BigDecimal("1000.00"));
    }

    @Test
    void knapsackBallotExactlyAtTheBudgetIsAccepted() {
        assertThat(ballot(vote(offer(knapsack(0)), "north", "project", "12", "project", "13", "project", "21", "project", "22"))
            .choices()).hasSize(4);
    }

    @Test
    void knapsackBallotUnderTheMinimumShareIsRefusedButAnEmptyHeadingIsAnAbstention() {
        // 300 of 1000 is under 50 %; nothing in North is fine
        assertThat(keys(vote(offer(knapsack(50)), "north", "project", "13"))).containsExactly("underMinimum");
        assertThat(ballot(vote(offer(knapsack(50)), "north", "project", "12")).headings()).containsExactly(1L, 2L);
    }

    @Test
    void cumulativeBallotWithinThePointsIsAcceptedWithItsPoints() {
        BudgetBallot ballot = ballot(vote(offer(cumulative(10, 5)), "south", "points-11", "5", "points-12", "4", "points-31", "3",
            "points-13", "", "points-21", "0"));

        assertThat(ballot.choices()).extracting(BudgetBallot.Choice::points).containsExactly(5, 4, 3);
        assertThat(ballot.headings()).containsExactly(1L, 3L);
    }

    @Test
    void cumulativeBallotOverThePointsPerVoterIsRefused() {
        assertThat(keys(vote(offer(cumulative(10, 5)), "south", "points-11", "5", "points-12", "5", "points-13", "1")))
            .containsExactly("pointsTotal");
    }

    @Test
    void cumulativePointsOverTheMaximumPerProjectOrNotPositiveAreRefused() {
        assertThat(keys(vote(offer(cumulative(10, 5)), "south", "points-11", "6"))).containsExactly("pointsPerProject");
        assertThat(keys(vote(offer(cumulative(10, 5)), "south", "points-11", "-2", "points-12", "1"))).containsExactly("pointsPerProject");
        assertThat(keys(vote(offer(cumulative(10, 5)), "south", "points-11", "two"))).contains("pointsNotANumber");
    }

    @Test
    void rankedBallotWithRanksOneToNIsAccepted() {
        BudgetBallot ballot = ballot(vote(offer(ranked(3)), "north", "rank-12", "1", "rank-11", "2", "rank-21", "1"));

        assertThat(ballot.choices()).extracting(BudgetBallot.Choice::rank).containsExactly(1, 2, 1);
    }

    @Test
    void rankedBallotWithAGapTheSameRankTwiceOrARankBeyondKIsRefused() {
        assertThat(keys(vote(offer(ranked(3)), "north", "rank-12", "1", "rank-11", "3"))).containsExactly("rankGap");
        assertThat(keys(vote(offer(ranked(3)), "north", "rank-12", "1", "rank-11", "1"))).containsExactly("rankTwice");
        assertThat(keys(vote(offer(ranked(2)), "north", "rank-12", "3"))).containsExactly("rankOutOfRange");
        assertThat(keys(vote(offer(ranked(2)), "north", "rank-12", "0"))).contains("rankOutOfRange");
    }

    @Test
    void rankedBallotOverKProjectsIsRefused() {
        // ranks 1,2,1 is a gap-free pair of ranks but three projects in one heading with k = 2 is refused by the rank range
        assertThat(keys(vote(offer(ranked(2)), "north", "rank-11", "1", "rank-12", "2", "rank-13", "3")))
            .containsExactly("rankOutOfRange");
    }

    @Test
    void aProjectOfAHeadingTheVoterDoesNotVoteInIsRefused() {
        BallotOffer.Checked checked = vote(offer(approval(3)), "north", "project", "31");

        assertThat(keys(checked)).containsExactly("otherHeading");
        assertThat(((BallotOffer.Invalid) checked).violations().get(0).arguments()).containsExactly("South water point", "South");
    }

    @Test
    void aVoterWithoutADistrictHeadingVotesInTheCityWideHeadingsOnly() {
        assertThat(ballot(vote(offer(approval(3)), "east", "project", "11")).headings()).containsExactly(1L);
        assertThat(keys(vote(offer(approval(3)), null, "project", "21"))).containsExactly("otherHeading");
    }

    @Test
    void projectsNotOnTheBallotAreRefused() {
        // 99: another edition's, a withdrawn or an unfeasible project: none is on this ballot
        assertThat(keys(vote(offer(approval(3)), "north", "project", "99"))).containsExactly("notOnBallot");
        assertThat(keys(vote(offer(approval(3)), "north", "project", "1 OR 1=1"))).containsExactly("notOnBallot");
        assertThat(keys(vote(offer(approval(3)), "north", "project", "99999999999999999999999"))).containsExactly("notOnBallot");
        assertThat(keys(vote(offer(cumulative(5, 5)), "north", "points-99", "2"))).containsExactly("notOnBallot");
    }

    @Test
    void aDuplicateProjectIsRefused() {
        assertThat(keys(vote(offer(approval(3)), "north", "project", "11", "project", "11"))).containsExactly("duplicate");
    }

    @Test
    void anEmptyBallotIsRefused() {
        assertThat(keys(vote(offer(approval(3)), "north"))).containsExactly("empty");
    }

    @Test
    void everyBrokenRuleIsListed() {
        assertThat(keys(vote(offer(approval(1)), "north", "project", "11", "project", "12", "project", "31", "project", "99",
            "project", "21", "project", "21")))
            .containsExactlyInAnyOrder("otherHeading", "notOnBallot", "duplicate", "tooMany");
    }

    @Test
    void oneOfChoiceTakesExactlyTheHeadingChosen() {
        BallotOffer offer = offer(oneOfChoice(approval(2)));

        assertThat(ballot(vote(offer, "north", "heading", "3", "project", "31")).headings()).containsExactly(3L);
        assertThat(keys(vote(offer, "north", "heading", "3", "project", "11"))).containsExactly("otherHeading");
        assertThat(keys(vote(offer, "north", "project", "11", "project", "21"))).containsExactly("headingRequired");
        assertThat(keys(vote(offer, "north", "heading", "42", "project", "11"))).contains("headingNotOffered");
        // one heading's projects alone say which heading was meant
        assertThat(ballot(vote(offer, "north", "project", "21")).headings()).containsExactly(2L);
    }

    @Test
    void aPaperSheetIsABallotOfItsHeadingAndMayBeBlank() {
        BallotOffer offer = offer(approval(2));

        assertThat(((BallotOffer.Valid) offer.sheet(3L, new BallotOffer.Draft(3L, List.of()), List.of())).ballot().headings())
            .containsExactly(3L);
        assertThat(keys(offer.sheet(3L, new BallotOffer.Draft(3L, List.of(new BallotOffer.Mark(11, 1, null))), List.of())))
            .containsExactly("otherHeading");
        assertThat(keys(offer.sheet(9L, new BallotOffer.Draft(9L, List.of()), List.of()))).containsExactly("headingNotOffered");
    }

    @Test
    void theRunningTotalsAreWhatWasChosen() {
        BallotOffer offer = offer(knapsack(0));
        BallotOffer.Read read = offer.read(form("project", "11", "project", "13", "project", "21"));

        assertThat(offer.spent(1, read.draft())).isEqualByComparingTo("700");
        assertThat(offer.spent(2, read.draft())).isEqualByComparingTo("200");
    }

    @Test
    void csvLinesReadAsSheets() {
        List<Violation> violations = new ArrayList<>();
        BallotOffer.Draft ranked = PaperSheets.parse(offer(ranked(3)), "1, 12 ,11", violations);
        BallotOffer.Draft points = PaperSheets.parse(offer(cumulative(10, 5)), "1,11:3,12:2", violations);

        assertThat(violations).isEmpty();
        assertThat(ranked.heading()).isEqualTo(1L);
        assertThat(ranked.marks()).containsExactly(new BallotOffer.Mark(12, 1, 1), new BallotOffer.Mark(11, 1, 2));
        assertThat(points.marks()).containsExactly(new BallotOffer.Mark(11, 3, null), new BallotOffer.Mark(12, 2, null));
        assertThat(PaperSheets.parse(offer(approval(3)), "x,11", violations)).isNull();
        PaperSheets.parse(offer(cumulative(10, 5)), "1,11", violations);
        assertThat(violations).extracting(Violation::key).containsExactly("budgetBallots.error.csvHeading", "budgetBallots.error.csvPoints");
    }
}
