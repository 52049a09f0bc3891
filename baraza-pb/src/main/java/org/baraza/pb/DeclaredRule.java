package org.baraza.pb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code auto}: the rule a file's META {@code rule} names, applied the way pabulib's own checker verifies
 * the {@code selected} column (pabulib-format.md §5; mes-conventions.md §4 "CHK" for equal shares).
 */
final class DeclaredRule implements Rule {

    static final String NAME = "auto";

    // checker.py SENTINEL_PROJECT_COST: marks a withdrawn project, which greedy-no-skip passes over.
    private static final BigDecimal SENTINEL_COST = new BigDecimal("999999999");

    /** The checker's own tie-breaking: a stable sort, so equally ranked projects keep their file order. */
    private static final TieBreak CHECKER_CONVENTIONS = election -> {
        Map<String, Integer> position = new HashMap<>();
        for (Project project : election.projects()) {
            position.put(project.id(), position.size());
        }
        return Comparator.comparing(project -> position.get(project.id()));
    };

    /**
     * The tie-breaking auto uses unless told otherwise: file order for greedy rules, as pabulib's checker
     * does. (For equal shares the checker's convention, lowest cost then most approvals, always applies.)
     */
    static TieBreak checkerConventions() {
        return CHECKER_CONVENTIONS;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Outcome apply(Election election, TieBreak tieBreak, List<Incompatibility> incompatibilities) {
        String declared = declaredRule(election);
        return switch (declared) {
            // greedy-exclusive and greedy-custom are city-specific; the checker compares them with plain greedy.
            case "greedy", "greedy-threshold", "greedy-exclusive", "greedy-custom" ->
                checkerGreedy(election, tieBreak, true, incompatibilities);
            case "greedy-no-skip" -> checkerGreedy(election, tieBreak, false, incompatibilities);
            // The checker's equal-shares conventions (integral costs, its own tie-breaking) are fixed.
            case "equalshares", "equalshares-comparison", "equalshares/add1", "equalshares/add1-comparison" -> {
                Outcome outcome = EqualShares.asPabulibChecker(declared).apply(election, tieBreak, incompatibilities);
                yield new Outcome(NAME, outcome.selected(), outcome.cost());
            }
            default -> throw new IllegalArgumentException(
                "META rule '" + declared + "' names no rule that auto can apply; choose one with --rule");
        };
    }

    private static String declaredRule(Election election) {
        String declared = election.meta("rule");
        return declared == null ? "" : declared.trim();
    }

    // checker.py verify_greedy_selected / verify_greedy_no_skip_selected, with the budget kept exact.
    private static Outcome checkerGreedy(Election election, TieBreak tieBreak, boolean skipsWhatDoesNotFit,
                                         List<Incompatibility> incompatibilities) {
        String column = rankingColumn(election);
        BigDecimal threshold = election.meta(Greedy.THRESHOLD_KEY) == null ? BigDecimal.ZERO : Greedy.threshold(election);
        Map<String, BigDecimal> ranking = new HashMap<>();
        List<Project> ranked = new ArrayList<>();
        for (Project project : election.projects()) {
            BigDecimal value = columnValue(project, column);
            ranking.put(project.id(), value);
            if (value.compareTo(threshold) >= 0) {
                ranked.add(project);
            }
        }
        Comparator<Project> byColumn = Comparator.comparing((Project p) -> ranking.get(p.id())).reversed();
        ranked.sort(byColumn.thenComparing(tieBreak.order(election)));
        List<String> funded = Greedy.fund(ranked, election, skipsWhatDoesNotFit,
            project -> !skipsWhatDoesNotFit && project.cost().compareTo(SENTINEL_COST) == 0,
            IncompatibleProjects.in(election, incompatibilities));
        return Outcome.of(NAME, funded, election);
    }

    /** {@code score} when the PROJECTS section has it, else {@code votes}, else none (file order). */
    private static String rankingColumn(Election election) {
        for (String column : List.of("score", "votes")) {
            for (Project project : election.projects()) {
                if (project.attribute(column) != null) {
                    return column;
                }
            }
        }
        return null;
    }

    private static BigDecimal columnValue(Project project, String column) {
        String written = column == null ? null : project.attribute(column);
        if (written == null || written.isBlank()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(written.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("project " + project.id() + " has " + column + " '" + written + "', not a number");
        }
    }
}
