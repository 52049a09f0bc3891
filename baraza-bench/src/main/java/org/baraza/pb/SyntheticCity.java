package org.baraza.pb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A city-scale PB edition, generated deterministically from a seed: 400,000 voters, 20 headings
 * (districts) of 15 projects each, 300 projects in all. District sizes differ (the largest about
 * four times the smallest); each voter votes in one heading and approves one to six of its projects,
 * drawn with Zipf-skewed popularity (a few favourites, a long tail), 2 % hand in an empty ballot.
 * Each heading's budget funds about a third of what its projects cost.
 */
final class SyntheticCity {

    static final int VOTERS = 400_000;
    static final int HEADINGS = 20;
    static final int PROJECTS_PER_HEADING = 15;

    private SyntheticCity() {
    }

    /** One election per heading, in heading order. */
    static List<Election> headings(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] size = new double[HEADINGS];
        double total = 0;
        for (int h = 0; h < HEADINGS; h++) {
            size[h] = 1 + 3 * random.nextDouble();
            total += size[h];
        }
        List<Election> headings = new ArrayList<>(HEADINGS);
        int assigned = 0;
        for (int h = 0; h < HEADINGS; h++) {
            int voters = h == HEADINGS - 1 ? VOTERS - assigned : (int) Math.round(VOTERS * size[h] / total);
            assigned += voters;
            headings.add(heading(h, voters, random.split()));
        }
        return headings;
    }

    private static Election heading(int h, int voters, SplittableRandom random) {
        List<Project> projects = new ArrayList<>(PROJECTS_PER_HEADING);
        long totalCost = 0;
        for (int p = 0; p < PROJECTS_PER_HEADING; p++) {
            long cost = 1_000L * (20 + random.nextInt(780));
            totalCost += cost;
            projects.add(new Project("D%02d-P%03d".formatted(h + 1, h * PROJECTS_PER_HEADING + p + 1), BigDecimal.valueOf(cost)));
        }
        long budget = Math.max(10_000L, totalCost / 3 / 10_000L * 10_000L);

        // Popularity: project at rank r (a random order) is drawn with weight 1 / r^1.1.
        int[] byRank = shuffled(PROJECTS_PER_HEADING, random);
        double[] cumulative = new double[PROJECTS_PER_HEADING];
        double sum = 0;
        for (int r = 0; r < PROJECTS_PER_HEADING; r++) {
            sum += 1 / Math.pow(r + 1, 1.1);
            cumulative[r] = sum;
        }

        List<Ballot> ballots = new ArrayList<>(voters);
        for (int v = 0; v < voters; v++) {
            int wanted = random.nextInt(100) < 2 ? 0 : 1 + random.nextInt(6);
            boolean[] chosen = new boolean[PROJECTS_PER_HEADING];
            List<String> approved = new ArrayList<>(wanted);
            while (approved.size() < wanted) {
                double x = random.nextDouble() * sum;
                int r = 0;
                while (cumulative[r] < x) {
                    r++;
                }
                int project = byRank[r];
                if (!chosen[project]) {
                    chosen[project] = true;
                    approved.add(projects.get(project).id());
                }
            }
            ballots.add(Ballot.approving("v" + (v + 1), approved));
        }

        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("description", "Synthetic city, heading D%02d".formatted(h + 1));
        meta.put("country", "Synthetic");
        meta.put("unit", "City");
        meta.put("subunit", "D%02d".formatted(h + 1));
        meta.put("instance", "2026");
        meta.put("num_projects", String.valueOf(PROJECTS_PER_HEADING));
        meta.put("num_votes", String.valueOf(voters));
        meta.put("budget", String.valueOf(budget));
        meta.put("vote_type", "approval");
        // Baraza's default rule for an edition: the Method of Equal Shares with add1 completion.
        meta.put("rule", "equalshares/add1");
        return new Election(meta, BigDecimal.valueOf(budget), BallotKind.APPROVAL, projects, ballots);
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
