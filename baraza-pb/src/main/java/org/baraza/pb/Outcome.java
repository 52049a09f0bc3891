package org.baraza.pb;

import java.math.BigDecimal;
import java.util.List;

/** What a rule chose: the projects in selection order and their exact total cost. */
public record Outcome(String rule, List<String> selected, BigDecimal cost) {

    public Outcome {
        selected = List.copyOf(selected);
    }

    /** Builds the outcome, summing the selected projects' costs from the election. */
    public static Outcome of(String rule, List<String> selected, Election election) {
        BigDecimal cost = BigDecimal.ZERO;
        for (String id : selected) {
            cost = cost.add(election.project(id).cost());
        }
        return new Outcome(rule, selected, cost);
    }
}
