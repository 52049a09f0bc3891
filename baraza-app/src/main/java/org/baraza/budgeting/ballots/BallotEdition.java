package org.baraza.budgeting.ballots;

import org.baraza.participation.ProcessId;
import org.baraza.platform.OrganizationId;

/**
 * An edition as balloting sees it: its process (whose phases say when voting is open), its public name
 * (null: not named yet), its voting rules and minimum age, and whether results are out.
 */
record BallotEdition(OrganizationId organization, long id, ProcessId process, String title, BallotRules rules,
                     Integer minimumAge, boolean resultsPublished) {
}
