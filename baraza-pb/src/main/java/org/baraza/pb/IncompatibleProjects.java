package org.baraza.pb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The incompatibilities of one election, as partners per project (by index in the election's
 * project list): the projects that may not be funded together with it. Ids not in the election are
 * left out (see {@link Incompatibility}).
 */
final class IncompatibleProjects {

    private static final int[] NONE = new int[0];

    private final int[][] partners;
    private final boolean any;

    private IncompatibleProjects(int[][] partners, boolean any) {
        this.partners = partners;
        this.any = any;
    }

    static IncompatibleProjects in(Election election, List<Incompatibility> incompatibilities) {
        List<Project> projects = election.projects();
        int[][] partners = new int[projects.size()][];
        Arrays.fill(partners, NONE);
        if (incompatibilities == null || incompatibilities.isEmpty()) {
            return new IncompatibleProjects(partners, false);
        }
        Map<String, Integer> index = new HashMap<>(projects.size() * 2);
        for (int p = 0; p < projects.size(); p++) {
            index.put(projects.get(p).id(), p);
        }
        List<Set<Integer>> found = new ArrayList<>(projects.size());
        for (int p = 0; p < projects.size(); p++) {
            found.add(new LinkedHashSet<>());
        }
        boolean any = false;
        for (Incompatibility incompatibility : incompatibilities) {
            List<Integer> members = new ArrayList<>();
            for (String id : incompatibility.projects()) {
                Integer p = index.get(id);
                if (p != null) {
                    members.add(p);
                }
            }
            for (int p : members) {
                for (int q : members) {
                    if (p != q) {
                        found.get(p).add(q);
                        any = true;
                    }
                }
            }
        }
        for (int p = 0; p < projects.size(); p++) {
            partners[p] = found.get(p).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return new IncompatibleProjects(partners, any);
    }

    /** Whether any two projects of the election are incompatible. */
    boolean any() {
        return any;
    }

    /** The projects that may not be funded together with {@code p}. */
    int[] partnersOf(int p) {
        return partners[p];
    }

    /** The first of {@code p}'s partners that is {@code chosen}, or -1. */
    int chosenPartner(int p, boolean[] chosen) {
        for (int q : partners[p]) {
            if (chosen[q]) {
                return q;
            }
        }
        return -1;
    }

    boolean clashesWithChosen(int p, boolean[] chosen) {
        return chosenPartner(p, chosen) >= 0;
    }
}
