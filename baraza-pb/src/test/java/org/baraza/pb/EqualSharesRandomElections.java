package org.baraza.pb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Small random approval elections from a seeded {@link Random}, for property and differential tests
 * of Equal Shares and Phragmén. Ids are numbers, so that string order ("10" before "9") matters.
 */
final class EqualSharesRandomElections {

    private EqualSharesRandomElections() {
    }

    /** Up to {@code maxProjects} projects costing 1..{@code maxCost} (some with cents), up to {@code maxVoters} voters. */
    static Election next(Random random, int maxProjects, int maxVoters, int maxCost) {
        int projectCount = 1 + random.nextInt(maxProjects);
        List<Project> projects = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int p = 0; p < projectCount; p++) {
            BigDecimal cost = BigDecimal.valueOf(1 + random.nextInt(maxCost));
            if (random.nextInt(4) == 0) {
                cost = cost.add(BigDecimal.valueOf(random.nextInt(100), 2));
            }
            total = total.add(cost);
            projects.add(new Project(Integer.toString(p + 1), cost));
        }
        java.util.Collections.shuffle(projects, random); // file order is not id order
        // Budgets from a fraction of one project to more than all of them.
        BigDecimal budget = total.multiply(BigDecimal.valueOf(5 + random.nextInt(120), 2)).setScale(2, java.math.RoundingMode.DOWN)
            .max(BigDecimal.ONE);
        int voterCount = 1 + random.nextInt(maxVoters);
        List<Ballot> ballots = new ArrayList<>();
        int density = 2 + random.nextInt(4);
        for (int v = 0; v < voterCount; v++) {
            List<String> approved = new ArrayList<>();
            for (Project project : projects) {
                if (random.nextInt(density) == 0) {
                    approved.add(project.id());
                }
            }
            ballots.add(Ballot.approving("v" + v, approved));
        }
        return new Election(Map.of(), budget, BallotKind.APPROVAL, projects, ballots);
    }

    /** The next such election as Equal Shares sees it, ties broken lexicographically. */
    static EqualSharesProfile nextProfile(Random random, int maxProjects, int maxVoters, int maxCost) {
        return EqualSharesProfile.exact(next(random, maxProjects, maxVoters, maxCost), TieBreak.lexicographic());
    }

    /**
     * The same election with a project "u" every voter approves, costing at most the budget; the
     * first voter stops approving any other project all voters approved, so that u is the only one.
     */
    static Election withUnanimousProject(Random random, Election election) {
        BigDecimal cost = election.budget().multiply(BigDecimal.valueOf(1 + random.nextInt(100), 2))
            .setScale(2, java.math.RoundingMode.DOWN).max(new BigDecimal("0.01"));
        List<Project> projects = new ArrayList<>(election.projects());
        projects.add(new Project("u", cost));
        List<Ballot> ballots = new ArrayList<>();
        for (Ballot ballot : election.ballots()) {
            List<String> approved = new ArrayList<>(ballot.projects());
            if (ballots.isEmpty()) {
                approved.removeIf(id -> election.ballots().stream().allMatch(b -> b.projects().contains(id)));
            }
            approved.add(random.nextInt(approved.size() + 1), "u");
            ballots.add(Ballot.approving(ballot.voterId(), approved));
        }
        return new Election(election.meta(), election.budget(), election.kind(), projects, ballots);
    }

    /** The same election with its ballots in another order. */
    static Election shuffled(Random random, Election election) {
        List<Ballot> ballots = new ArrayList<>(election.ballots());
        java.util.Collections.shuffle(ballots, random);
        return new Election(election.meta(), election.budget(), election.kind(), election.projects(), ballots);
    }
}
