package org.baraza.budgeting.editions;

import java.time.Instant;
import org.baraza.participation.ProcessId;
import org.baraza.platform.OrganizationId;

/**
 * A participatory budget: a participatory process (whose phases open submission, supports and balloting)
 * with the rules of its ballot and of the count. {@code title} may be null for an edition nobody named.
 */
public record Edition(long id, OrganizationId organization, ProcessId process, String title, BallotKind ballotKind,
                      Integer maxProjects, int minSpendPercent, Integer pointsPerVoter, Integer maxPointsPerProject,
                      HeadingChoice headingChoice, String rule, String tieBreak, Integer minimumAge,
                      Instant resultsPublishedAt) {

    /** The rules of baraza-pb an admin may choose, the default first (the issue: MES with add1 completion). */
    public static final java.util.List<String> RULES = java.util.List.of("mes-add1", "greedy", "mes", "mes-add1-greedy", "phragmen");
    public static final java.util.List<String> TIE_BREAKS = java.util.List.of("cost-then-votes", "lexicographic");

    public String path() {
        return "/budgets/" + id;
    }

    public boolean resultsPublished() {
        return resultsPublishedAt != null;
    }
}
