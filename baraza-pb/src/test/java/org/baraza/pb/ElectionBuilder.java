package org.baraza.pb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds small elections for tests: {@code ElectionBuilder.approval("100").project("a", "60").ballot("a").build()}. */
final class ElectionBuilder {

    private final BallotKind kind;
    private final BigDecimal budget;
    private final Map<String, String> meta = new LinkedHashMap<>();
    private final List<Project> projects = new ArrayList<>();
    private final List<Ballot> ballots = new ArrayList<>();

    private ElectionBuilder(BallotKind kind, String budget) {
        this.kind = kind;
        this.budget = new BigDecimal(budget);
        meta.put("budget", budget);
        meta.put("vote_type", kind.voteType());
    }

    static ElectionBuilder approval(String budget) {
        return new ElectionBuilder(BallotKind.APPROVAL, budget);
    }

    static ElectionBuilder of(BallotKind kind, String budget) {
        return new ElectionBuilder(kind, budget);
    }

    ElectionBuilder meta(String key, String value) {
        meta.put(key, value);
        return this;
    }

    /** A project; {@code columns} are PROJECTS column/value pairs such as {@code "votes", "12"}. */
    ElectionBuilder project(String id, String cost, String... columns) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i + 1 < columns.length; i += 2) {
            attributes.put(columns[i], columns[i + 1]);
        }
        projects.add(new Project(id, new BigDecimal(cost), attributes));
        return this;
    }

    /** A ballot listing these projects (approval, choose-1 or ordinal). */
    ElectionBuilder ballot(String... projectIds) {
        ballots.add(Ballot.approving("v" + (ballots.size() + 1), List.of(projectIds)));
        return this;
    }

    /** The same ballot cast by several voters. */
    ElectionBuilder ballots(int voters, String... projectIds) {
        for (int i = 0; i < voters; i++) {
            ballot(projectIds);
        }
        return this;
    }

    /** A cumulative or scoring ballot: project ids and their points. */
    ElectionBuilder pointsBallot(List<String> projectIds, List<Long> points) {
        ballots.add(new Ballot("v" + (ballots.size() + 1), projectIds, points));
        return this;
    }

    Election build() {
        return new Election(meta, budget, kind, projects, ballots);
    }
}
