package org.baraza.pb;

import java.util.List;

/** Every rule by its command-line name: {@code Rules.named("mes-add1")}. */
public final class Rules {

    private static final List<String> NAMES = List.of(
        "greedy", "greedy-no-skip", "greedy-threshold", "phragmen", "mes", "mes-add1", "mes-add1-greedy",
        "equalshares/add1", "equalshares/add1-comparison", "auto");

    private Rules() {
    }

    /** The names {@link #named(String)} accepts. */
    public static List<String> names() {
        return NAMES;
    }

    /** @throws IllegalArgumentException for a name that is not in {@link #names()} */
    public static Rule named(String name) {
        return switch (name) {
            case "greedy" -> Greedy.greedy();
            case "greedy-no-skip" -> Greedy.greedyNoSkip();
            case "greedy-threshold" -> Greedy.greedyThreshold();
            case "phragmen" -> SequentialPhragmen.rule();
            case "mes" -> EqualShares.mes();
            case "mes-add1" -> EqualShares.mesAdd1();
            case "mes-add1-greedy" -> EqualShares.mesAdd1Greedy();
            case "equalshares/add1" -> EqualShares.equalsharesAdd1();
            case "equalshares/add1-comparison" -> EqualShares.equalsharesAdd1Comparison();
            case "auto" -> new DeclaredRule();
            default -> throw new IllegalArgumentException(
                "unknown rule '" + name + "'; known rules: " + String.join(", ", NAMES));
        };
    }
}
