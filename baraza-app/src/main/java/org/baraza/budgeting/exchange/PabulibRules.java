package org.baraza.budgeting.exchange;

import java.util.Locale;
import java.util.Map;

/**
 * Between Baraza's rule names and pabulib's META {@code rule} (pabulib-format.md §2). pabulib names the rule used
 * in reality with its own vocabulary; where Baraza's rule has no pabulib name the export writes {@code unknown}
 * and says which rule in a {@code comment}.
 */
final class PabulibRules {

    private static final Map<String, String> TO_PABULIB = Map.of(
        "greedy", "greedy",
        "mes", "equalshares",
        "mes-add1", "equalshares/add1");

    private static final Map<String, String> FROM_PABULIB = Map.of(
        "greedy", "greedy",
        "equalshares", "mes",
        "equalshares/add1", "mes-add1",
        "equalshares/add1-comparison", "mes-add1");

    static final java.util.Set<String> OURS = java.util.Set.of("greedy", "mes", "mes-add1", "mes-add1-greedy", "phragmen");

    /** The default when a file names no rule Baraza runs: the Method of Equal Shares with add1 completion. */
    static final String DEFAULT = "mes-add1";

    private PabulibRules() {
    }

    static String toPabulib(String rule) {
        return TO_PABULIB.getOrDefault(rule, "unknown");
    }

    static String fromPabulib(String rule) {
        if (rule == null) {
            return DEFAULT;
        }
        String name = rule.trim().toLowerCase(Locale.ROOT);
        if (OURS.contains(name)) {
            return name;
        }
        return FROM_PABULIB.getOrDefault(name, DEFAULT);
    }
}
