package org.baraza.pb;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * A project on the ballot: its id (an opaque string, as in pabulib), its exact cost, and the other
 * columns of its PROJECTS row (name, votes, score, selected, ...) kept as written.
 */
public record Project(String id, BigDecimal cost, Map<String, String> attributes) {

    public Project {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cost, "cost");
        attributes = Map.copyOf(attributes);
    }

    public Project(String id, BigDecimal cost) {
        this(id, cost, Map.of());
    }

    /** A column of the PROJECTS row, or null when absent. */
    public String attribute(String column) {
        return attributes.get(column);
    }
}
