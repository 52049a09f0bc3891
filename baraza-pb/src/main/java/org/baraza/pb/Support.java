package org.baraza.pb;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The support each project receives on the ballots, as the greedy rules count it (issue #4 §1):
 * the number of ballots listing it for approval, choose-1 and ordinal ballots, the total of its
 * points for cumulative and scoring ballots.
 */
final class Support {

    private final Map<String, Long> byProject;

    private Support(Map<String, Long> byProject) {
        this.byProject = byProject;
    }

    static Support countedFrom(Election election) {
        List<Project> projects = election.projects();
        Map<String, Integer> index = new HashMap<>(projects.size() * 2);
        for (int i = 0; i < projects.size(); i++) {
            index.put(projects.get(i).id(), i);
        }
        long[] totals = new long[projects.size()];
        boolean points = election.kind().hasPoints();
        election.forEachRun((ballot, voters) -> {
            List<String> listed = ballot.projects();
            for (int i = 0; i < listed.size(); i++) {
                Integer at = index.get(listed.get(i));
                if (at == null) {
                    throw new IllegalArgumentException("ballot " + ballot.voterId() + " names unknown project " + listed.get(i));
                }
                totals[at] += (points ? ballot.points().get(i) : 1) * voters;
            }
        });
        Map<String, Long> byProject = new HashMap<>(projects.size() * 2);
        for (int i = 0; i < projects.size(); i++) {
            byProject.put(projects.get(i).id(), totals[i]);
        }
        return new Support(byProject);
    }

    long of(Project project) {
        return byProject.getOrDefault(project.id(), 0L);
    }
}
