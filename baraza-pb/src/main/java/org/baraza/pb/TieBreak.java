package org.baraza.pb;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a rule chooses between projects it values equally: the project this order puts first wins.
 * {@link #order(Election)} is computed once per run, so it may count votes.
 */
public interface TieBreak {

    Comparator<Project> order(Election election);

    /** By project id string, ascending: pabutools' default. */
    static TieBreak lexicographic() {
        return election -> Comparator.comparing(Project::id);
    }

    /** Lowest cost first, then most approvals, then project id: the convention of equalshares.net and pabulib's checker. */
    static TieBreak costThenVotes() {
        return election -> {
            Map<String, Long> approvals = new HashMap<>();
            election.forEachRun((ballot, voters) -> {
                for (String id : ballot.projects()) {
                    approvals.merge(id, voters, Long::sum);
                }
            });
            return Comparator.comparing(Project::cost)
                .thenComparing(p -> -approvals.getOrDefault(p.id(), 0L))
                .thenComparing(Project::id);
        };
    }

    /** An order drawn by lot beforehand: projects earlier in the list win ties; unlisted ones come last, by id. */
    static TieBreak lotOrder(List<String> projectIds) {
        return election -> Comparator
            .comparingInt((Project p) -> {
                int at = projectIds.indexOf(p.id());
                return at < 0 ? Integer.MAX_VALUE : at;
            })
            .thenComparing(Project::id);
    }

    /** @throws IllegalArgumentException for a name other than {@code lexicographic} or {@code cost-then-votes} */
    static TieBreak named(String name) {
        return switch (name) {
            case "lexicographic" -> lexicographic();
            case "cost-then-votes" -> costThenVotes();
            default -> throw new IllegalArgumentException("unknown tie-break '" + name + "'");
        };
    }
}
