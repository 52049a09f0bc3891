package org.baraza.budgeting.results;

import java.util.List;
import java.util.Map;
import org.baraza.pb.Election;

/**
 * A heading's ballots as an engine {@link Election}: the heading's budget, the projects on its ballot (under the
 * ids {@code projects} maps back to) and one engine ballot per box ballot that took part in the heading.
 */
public record HeadingElection(Heading heading, Election election, Map<String, BallotProject> projects) {

    public HeadingElection {
        projects = Map.copyOf(projects);
    }

    public BallotProject project(String engineId) {
        BallotProject project = projects.get(engineId);
        if (project == null) {
            throw new IllegalArgumentException("no project " + engineId + " in heading " + heading.id());
        }
        return project;
    }

    public List<org.baraza.pb.Ballot> ballots() {
        return election.ballots();
    }
}
