package org.baraza.pb;

import java.util.List;
import java.util.Objects;

/**
 * One voter's ballot. {@code projects} holds distinct project ids in the order the voter listed
 * them (for ordinal ballots: most preferred first); duplicates in a file are collapsed, as
 * pabutools does. {@code points} is parallel to {@code projects} for cumulative and scoring
 * ballots and empty for the others. An empty ballot is legal and still counts as a voter.
 */
public record Ballot(String voterId, List<String> projects, List<Long> points) {

    public Ballot {
        Objects.requireNonNull(voterId, "voterId");
        projects = List.copyOf(projects);
        points = List.copyOf(points);
        if (!points.isEmpty() && points.size() != projects.size()) {
            throw new IllegalArgumentException(
                "ballot " + voterId + " has " + projects.size() + " projects but " + points.size() + " points");
        }
    }

    /** An approval (or choose-1, or ordinal) ballot. */
    public static Ballot approving(String voterId, List<String> projects) {
        return new Ballot(voterId, projects, List.of());
    }

    /** The points given to a project: its points on a points ballot, 1 if listed on another, else 0. */
    public long pointsFor(String projectId) {
        int at = projects.indexOf(projectId);
        if (at < 0) {
            return 0;
        }
        return points.isEmpty() ? 1 : points.get(at);
    }

    /** Approval reading used by MES and Phragmén: every project the ballot gives a positive score. */
    public boolean approves(String projectId) {
        return pointsFor(projectId) > 0;
    }
}
