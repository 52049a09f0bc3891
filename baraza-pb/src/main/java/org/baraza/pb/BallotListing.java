package org.baraza.pb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects one ballot's projects as the voter listed them, collapsing a repeated id to its first
 * occurrence (and, on a points ballot, that occurrence's points), as pabutools does (pabulib-format.md §4).
 */
final class BallotListing {

    // Ballots are short; past this size a hash set beats scanning the list for repeats.
    private static final int SCAN_LIMIT = 16;

    private final List<String> projects = new ArrayList<>();
    private final List<Long> points = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    void clear() {
        projects.clear();
        points.clear();
        seen.clear();
    }

    /** Adds a project with its points, or with null points on a ballot without points. */
    void add(String projectId, Long projectPoints) {
        if (isListed(projectId)) {
            return;
        }
        projects.add(projectId);
        if (projectPoints != null) {
            points.add(projectPoints);
        }
    }

    private boolean isListed(String projectId) {
        if (projects.size() < SCAN_LIMIT) {
            return projects.contains(projectId);
        }
        if (seen.isEmpty()) {
            seen.addAll(projects);
        }
        return !seen.add(projectId);
    }

    Ballot toBallot(String voterId) {
        return new Ballot(voterId, projects, points);
    }
}
