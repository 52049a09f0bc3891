package org.baraza.budgeting.results;

import java.time.Instant;
import org.baraza.participation.ProcessId;
import org.baraza.platform.OrganizationId;

/**
 * What results and exchange need of a budget edition: its process, ballot form, rule and whether results are
 * published. {@code ballotKind} is the stored APPROVAL, KNAPSACK, CUMULATIVE or RANKED; {@code title} may be null.
 */
public record Edition(long id, OrganizationId organization, ProcessId process, String title, String ballotKind,
                      Integer maxProjects, Integer pointsPerVoter, String rule, String tieBreak, Instant resultsPublishedAt,
                      Instant createdAt) {

    public boolean published() {
        return resultsPublishedAt != null;
    }

    /** The engine's reading of the ballots: approval for approval and knapsack ballots, points, or ranks. */
    public org.baraza.pb.BallotKind engineBallotKind() {
        return switch (ballotKind) {
            case "CUMULATIVE" -> org.baraza.pb.BallotKind.CUMULATIVE;
            case "RANKED" -> org.baraza.pb.BallotKind.ORDINAL;
            default -> org.baraza.pb.BallotKind.APPROVAL;
        };
    }
}
