package org.baraza.pb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The greedy rules: fund projects from the most supported down while the budget lasts, support
 * being counted from the ballots ({@link Support}). {@code greedy} skips a project that does not
 * fit, {@code greedy-no-skip} stops there, {@code greedy-threshold} skips it and also every project
 * below META {@code min_project_score_threshold}.
 */
final class Greedy implements Rule {

    static final String THRESHOLD_KEY = "min_project_score_threshold";

    private final String name;
    private final boolean skipsWhatDoesNotFit;
    private final boolean needsThreshold;

    private Greedy(String name, boolean skipsWhatDoesNotFit, boolean needsThreshold) {
        this.name = name;
        this.skipsWhatDoesNotFit = skipsWhatDoesNotFit;
        this.needsThreshold = needsThreshold;
    }

    static Rule greedy() {
        return new Greedy("greedy", true, false);
    }

    static Rule greedyNoSkip() {
        return new Greedy("greedy-no-skip", false, false);
    }

    static Rule greedyThreshold() {
        return new Greedy("greedy-threshold", true, true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Outcome apply(Election election, TieBreak tieBreak, List<Incompatibility> incompatibilities) {
        Support support = Support.countedFrom(election);
        BigDecimal threshold = needsThreshold ? threshold(election) : null;
        // pabutools (Cost_Sat) ranks by support per unit of satisfaction, which puts a free project with
        // support first (density +∞, mes-conventions.md §6); for every other project it is the support itself.
        Comparator<Project> order = Comparator
            .comparing((Project p) -> !(p.cost().signum() == 0 && support.of(p) > 0))
            .thenComparing(Comparator.comparingLong((Project p) -> support.of(p)).reversed())
            .thenComparing(tieBreak.order(election));
        List<Project> ranked = new ArrayList<>();
        for (Project project : election.projects()) {
            if (threshold == null || BigDecimal.valueOf(support.of(project)).compareTo(threshold) >= 0) {
                ranked.add(project);
            }
        }
        ranked.sort(order);
        return Outcome.of(name, fund(ranked, election, skipsWhatDoesNotFit, p -> false,
            IncompatibleProjects.in(election, incompatibilities)), election);
    }

    /**
     * Funds projects in the given order while the election's budget lasts; a project that does not fit
     * is skipped or ends the walk; {@code withdrawn} projects and those incompatible with one already
     * funded are passed over either way.
     */
    static List<String> fund(List<Project> ranked, Election election, boolean skipsWhatDoesNotFit,
                             Predicate<Project> withdrawn, IncompatibleProjects incompatible) {
        List<String> funded = new ArrayList<>();
        BigDecimal left = election.budget();
        Map<String, Integer> index = new HashMap<>();
        for (Project project : election.projects()) {
            index.put(project.id(), index.size());
        }
        boolean[] chosen = new boolean[index.size()];
        for (Project project : ranked) {
            int at = index.get(project.id());
            if (withdrawn.test(project) || incompatible.clashesWithChosen(at, chosen)) {
                continue;
            }
            if (project.cost().compareTo(left) <= 0) {
                funded.add(project.id());
                chosen[at] = true;
                left = left.subtract(project.cost());
            } else if (!skipsWhatDoesNotFit) {
                break;
            }
        }
        return funded;
    }

    /** META min_project_score_threshold (pabulib-format.md §2). */
    static BigDecimal threshold(Election election) {
        String written = election.meta(THRESHOLD_KEY);
        if (written == null || written.isBlank()) {
            throw new IllegalArgumentException("greedy-threshold needs META " + THRESHOLD_KEY + ", which this election lacks");
        }
        try {
            return new BigDecimal(written.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("META " + THRESHOLD_KEY + " '" + written + "' is not a number");
        }
    }
}
