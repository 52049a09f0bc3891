package org.baraza.budgeting.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.baraza.pb.Election;
import org.baraza.pb.Explanation;
import org.baraza.pb.Explanations;
import org.baraza.pb.Incompatibility;
import org.baraza.pb.Outcome;
import org.baraza.pb.Rules;
import org.baraza.pb.TieBreak;

/**
 * Turns the engine's explanation of a heading's outcome into the result residents read, and sets plain greedy by
 * votes beside it: which projects differ, and how many voters have at least one funded project they chose under
 * each. Pure: no Spring, no database.
 */
final class Explaining {

    private Explaining() {
    }

    static HeadingResult explain(HeadingElection heading, String rule, String tieBreakName, List<Incompatibility> incompatibilities) {
        Election election = heading.election();
        if (election.projects().isEmpty() || election.ballots().isEmpty()) {
            return nothingToFund(heading, rule, tieBreakName);
        }
        TieBreak tieBreak = TieBreak.named(tieBreakName);
        // plain greedy, for the comparison, on another core while the rule is explained: a city-wide heading's
        // results are computed while the admin waits
        CompletableFuture<Outcome> greedyBeside = rule.equals("greedy") ? null
            : CompletableFuture.supplyAsync(() -> Rules.named("greedy").apply(election, tieBreak, incompatibilities));
        Explanation explanation = Explanations.explain(rule, election, tieBreak, incompatibilities);
        Outcome greedy = greedyBeside == null ? explanation.outcome() : joined(greedyBeside);

        // per run of identical ballots (BallotBoxReader puts them side by side), not per voter
        Map<String, long[]> counts = new HashMap<>();
        election.forEachRun((ballot, voters) -> {
            for (String project : ballot.projects()) {
                long[] c = counts.computeIfAbsent(project, id -> new long[2]);
                long points = ballot.pointsFor(project);
                if (points > 0) {
                    c[0] += voters;
                    c[1] += points * voters;
                }
            }
        });
        List<HeadingResult.Winner> winners = new ArrayList<>();
        for (var funded : explanation.funded()) {
            long[] c = counts.getOrDefault(funded.projectId(), new long[2]);
            winners.add(new HeadingResult.Winner(heading.project(funded.projectId()), funded.position(), c[0], c[1],
                funded.largestPayment(), funded.supportersPayingAll(), funded.byCompletion()));
        }
        List<HeadingResult.NotFunded> notFunded = new ArrayList<>();
        for (var unfunded : explanation.unfunded()) {
            long[] c = counts.getOrDefault(unfunded.projectId(), new long[2]);
            notFunded.add(new HeadingResult.NotFunded(heading.project(unfunded.projectId()), c[0], c[1],
                HeadingResult.Reason.valueOf(unfunded.reason().name()), unfunded.supportersMoneyLeft()));
        }
        Outcome outcome = explanation.outcome();
        Set<String> ruleSet = new LinkedHashSet<>(outcome.selected());
        Set<String> greedySet = new LinkedHashSet<>(greedy.selected());
        List<BallotProject> onlyRule = new ArrayList<>();
        List<BallotProject> onlyGreedy = new ArrayList<>();
        for (String id : outcome.selected()) {
            if (!greedySet.contains(id)) {
                onlyRule.add(heading.project(id));
            }
        }
        for (String id : greedy.selected()) {
            if (!ruleSet.contains(id)) {
                onlyGreedy.add(heading.project(id));
            }
        }
        HeadingResult.Comparison comparison = new HeadingResult.Comparison(
            greedy.selected().stream().map(heading::project).toList(), onlyRule, onlyGreedy,
            satisfied(election, ruleSet), satisfied(election, greedySet), greedy.cost());
        return new HeadingResult(heading.heading(), election.ballots().size(), rule, tieBreakName,
            explanation.endowmentPerVoter(), winners, notFunded, outcome.cost(), comparison);
    }

    /**
     * A heading nobody voted in, or with no project on its ballot: nothing is funded and every project says why.
     * (Greedy would otherwise fund projects with no vote at all, and Equal Shares has no voter to share among.)
     */
    private static HeadingResult nothingToFund(HeadingElection heading, String rule, String tieBreak) {
        List<HeadingResult.NotFunded> notFunded = new ArrayList<>();
        for (var project : heading.election().projects()) {
            notFunded.add(new HeadingResult.NotFunded(heading.project(project.id()), 0, 0, HeadingResult.Reason.NO_SUPPORTERS,
                null));
        }
        return new HeadingResult(heading.heading(), heading.election().ballots().size(), rule, tieBreak, null, List.of(),
            notFunded, BigDecimal.ZERO, new HeadingResult.Comparison(List.of(), List.of(), List.of(), 0, 0, BigDecimal.ZERO));
    }

    // what the other core computed, or what it threw, as if computed here
    private static Outcome joined(CompletableFuture<Outcome> computing) {
        try {
            return computing.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    /** Voters with at least one funded project they chose (gave a positive score). */
    static long satisfied(Election election, Set<String> funded) {
        if (funded.isEmpty()) {
            return 0;
        }
        long[] satisfied = {0};
        election.forEachRun((ballot, voters) -> {
            for (String project : ballot.projects()) {
                if (funded.contains(project) && ballot.approves(project)) {
                    satisfied[0] += voters;
                    break;
                }
            }
        });
        return satisfied[0];
    }

}
