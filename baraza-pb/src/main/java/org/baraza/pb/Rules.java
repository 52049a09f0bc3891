package org.baraza.pb;

import java.util.List;

/** Every rule by its command-line name: {@code Rules.named("mes-add1")}. */
public final class Rules {

    private static final List<String> NAMES = List.of(
        "greedy", "greedy-no-skip", "greedy-threshold", "auto");

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
            case "auto" -> new DeclaredRule();
            default -> throw new IllegalArgumentException(
                "unknown rule '" + name + "'; known rules: " + String.join(", ", NAMES));
        };
    }
}
