package org.baraza.pb;

import java.util.Objects;
import java.util.Set;

/**
 * Projects of which at most one may be funded (two proposals for the same plot of land, say). Every
 * rule honours a list of them: a project incompatible with one already chosen is passed over. Ids
 * that are not in the election at hand are ignored, so one list for a whole edition can be given to
 * the election of each heading.
 */
public record Incompatibility(Set<String> projects) {

    public Incompatibility {
        Objects.requireNonNull(projects, "projects");
        projects = Set.copyOf(projects);
    }

    /** The incompatibility of these projects. */
    public static Incompatibility of(String... projectIds) {
        return new Incompatibility(Set.of(projectIds));
    }
}
