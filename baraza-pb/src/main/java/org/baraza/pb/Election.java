package org.baraza.pb;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ObjLongConsumer;

/**
 * A participatory-budgeting election: a budget, projects in file order and every ballot cast
 * (empty ones included). {@code meta} keeps the pabulib META section as written, in order.
 */
public record Election(Map<String, String> meta, BigDecimal budget, BallotKind kind,
                       List<Project> projects, List<Ballot> ballots) {

    public Election {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(kind, "kind");
        meta = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
        projects = List.copyOf(projects);
        ballots = List.copyOf(ballots);
    }

    /** The META value for a key, or null. */
    public String meta(String key) {
        return meta.get(key);
    }

    /** The project with this id. @throws IllegalArgumentException if there is none */
    public Project project(String id) {
        for (Project project : projects) {
            if (project.id().equals(id)) {
                return project;
            }
        }
        throw new IllegalArgumentException("no project '" + id + "'");
    }

    /**
     * The ballots as runs of consecutive ballots holding the same lists (the same instances, not merely equal
     * ones), each run once with its length. A reader that builds one list per distinct ballot and puts identical
     * ballots side by side (as the application reads a ballot box) makes work per ballot work per distinct ballot;
     * for any other list of ballots a run is one ballot long.
     */
    public void forEachRun(ObjLongConsumer<Ballot> run) {
        int i = 0;
        while (i < ballots.size()) {
            Ballot first = ballots.get(i);
            int j = i + 1;
            while (j < ballots.size() && ballots.get(j).projects() == first.projects() && ballots.get(j).points() == first.points()) {
                j++;
            }
            run.accept(first, j - i);
            i = j;
        }
    }

    /** How many ballots list the project (the approval count). */
    public long approvals(String projectId) {
        long count = 0;
        for (Ballot ballot : ballots) {
            if (ballot.projects().contains(projectId)) {
                count++;
            }
        }
        return count;
    }
}
