package org.baraza.budgeting.ballots;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ballot an edition offers: its rules, its headings with their budgets, and the projects on it
 * (feasible, not withdrawn, with the valuator's cost). It turns what a voter marked into a
 * {@link BudgetBallot}, or into the list of every rule the marks break, each said in plain words;
 * nothing else makes a ballot, so nothing else can put a ballot that breaks the rules in the box.
 * Framework-free: the same checks serve the online form, the booth, paper sheets and CSV imports.
 */
record BallotOffer(long editionId, BallotRules rules, List<Heading> headings, List<Project> projects) {

    /** A heading: city-wide when {@code districtCode} is null. */
    record Heading(long id, String name, String districtCode, BigDecimal budget) {
        public boolean cityWide() {
            return districtCode == null;
        }
    }

    /** A project on the ballot, with the cost the valuator set. */
    record Project(long id, long headingId, String title, BigDecimal cost) {
    }

    /** What a voter marked, before any rule is checked. {@code heading}: the one chosen (ONE_OF_CHOICE), else null. */
    record Draft(Long heading, List<Mark> marks) {
        Draft {
            marks = List.copyOf(marks);
        }

        public boolean marked(long project) {
            return marks.stream().anyMatch(mark -> mark.projectId() == project);
        }

        /** The points (or, on a ranked ballot, the rank) given to a project, as typed back into the form after an error. */
        public Integer valueFor(long project, BallotRules rules) {
            return marks.stream().filter(mark -> mark.projectId() == project).findFirst()
                .map(mark -> rules.ranks() ? mark.rank() : Integer.valueOf(mark.points())).orElse(null);
        }
    }

    /** One project marked: points 1 when ticked, the points given, or the rank given. */
    record Mark(long projectId, int points, Integer rank) {
    }

    /** The marks read from a form and what could not even be read. */
    record Read(Draft draft, List<Violation> violations) {
    }

    /** The outcome of checking: a ballot for the box, or every rule broken. */
    sealed interface Checked {
    }

    record Valid(BudgetBallot ballot) implements Checked {
    }

    record Invalid(List<Violation> violations) implements Checked {
        Invalid {
            violations = List.copyOf(violations);
        }
    }

    /** Field names of the ballot form. */
    static final String HEADING = "heading";
    static final String PROJECT = "project";
    static final String POINTS = "points-";
    static final String RANK = "rank-";
    /** The field the error summary points to for problems of the ballot as a whole. */
    static final String WHOLE = "projects";

    BallotOffer {
        headings = List.copyOf(headings);
        projects = List.copyOf(projects);
    }

    Heading heading(long id) {
        return headings.stream().filter(heading -> heading.id() == id).findFirst().orElse(null);
    }

    Project project(long id) {
        return projects.stream().filter(project -> project.id() == id).findFirst().orElse(null);
    }

    List<Project> projectsOf(long headingId) {
        return projects.stream().filter(project -> project.headingId() == headingId).toList();
    }

    /**
     * The headings a voter living in {@code districtCode} (null: unknown) may vote in: the city-wide
     * headings and their district's (OWN_DISTRICT_AND_CITY), or any one heading (ONE_OF_CHOICE).
     */
    List<Heading> headingsOpenTo(String districtCode) {
        if (rules.headingChoice() == BallotRules.HeadingChoice.ONE_OF_CHOICE) {
            return headings;
        }
        return headings.stream().filter(heading -> heading.cityWide()
            || (districtCode != null && districtCode.equals(heading.districtCode()))).toList();
    }

    /** What the chosen projects of a heading cost together. */
    BigDecimal spent(long headingId, Draft draft) {
        BigDecimal total = BigDecimal.ZERO;
        Set<Long> counted = new HashSet<>();
        for (Mark mark : draft.marks()) {
            Project project = project(mark.projectId());
            if (project != null && project.headingId() == headingId && counted.add(project.id())) {
                total = total.add(project.cost());
            }
        }
        return total;
    }

    /** The points given in a heading, for a cumulative ballot's running total. */
    int pointsGiven(long headingId, Draft draft) {
        int total = 0;
        for (Mark mark : draft.marks()) {
            Project project = project(mark.projectId());
            if (project != null && project.headingId() == headingId) {
                total += Math.max(0, mark.points());
            }
        }
        return total;
    }

    /**
     * Reads the ballot form: {@code heading} (ONE_OF_CHOICE), then {@code project} (ticked, repeatable) on
     * approval and knapsack ballots, {@code points-<project>} on cumulative ones, {@code rank-<project>} on
     * ranked ones. A blank or 0 means "not chosen". Fields of another ballot form are ignored.
     */
    Read read(Map<String, List<String>> fields) {
        List<Violation> violations = new ArrayList<>();
        Long heading = null;
        List<String> headingValues = fields.getOrDefault(HEADING, List.of());
        if (!headingValues.isEmpty() && !headingValues.get(0).isBlank()) {
            Long parsed = number(headingValues.get(0));
            if (parsed == null || heading(parsed) == null || headingValues.size() > 1) {
                violations.add(Violation.of(HEADING, "headingNotOffered"));
            } else {
                heading = parsed;
            }
        }
        List<Mark> marks = new ArrayList<>();
        if (rules.ticks()) {
            for (String value : fields.getOrDefault(PROJECT, List.of())) {
                Long id = number(value);
                if (id == null) {
                    violations.add(Violation.of(WHOLE, "notOnBallot", shown(value)));
                } else {
                    marks.add(new Mark(id, 1, null));
                }
            }
        } else {
            String prefix = rules.points() ? POINTS : RANK;
            for (Map.Entry<String, List<String>> field : fields.entrySet()) {
                if (!field.getKey().startsWith(prefix)) {
                    continue;
                }
                String idText = field.getKey().substring(prefix.length());
                Long id = number(idText);
                if (id == null) {
                    violations.add(Violation.of(WHOLE, "notOnBallot", shown(idText)));
                    continue;
                }
                Project project = project(id);
                String label = project == null ? Long.toString(id) : project.title();
                for (String value : field.getValue()) {
                    if (value == null || value.isBlank()) {
                        continue;
                    }
                    Integer amount = integer(value);
                    if (amount == null) {
                        violations.add(Violation.of(field(id), rules.points() ? "pointsNotANumber" : "rankNotANumber", label));
                    } else if (amount != 0) {
                        marks.add(rules.points() ? new Mark(id, amount, null) : new Mark(id, 1, amount));
                    } else if (rules.ranks()) {
                        violations.add(Violation.of(field(id), "rankOutOfRange", label, rules.maxProjects()));
                    }
                }
            }
        }
        return new Read(new Draft(heading, marks), violations);
    }

    /** Checks a voter's ballot: the headings they may vote in follow from their district and the edition's heading rule. */
    Checked fill(String voterDistrict, Draft draft, List<Violation> already) {
        List<Violation> violations = new ArrayList<>(already);
        List<Heading> open = headingsOpenTo(voterDistrict);
        List<Heading> voting;
        if (rules.headingChoice() == BallotRules.HeadingChoice.ONE_OF_CHOICE) {
            Long chosen = draft.heading() != null ? draft.heading() : onlyHeadingMarked(draft);
            if (chosen == null) {
                if (violations.stream().noneMatch(v -> v.field().equals(HEADING))) {
                    violations.add(Violation.of(HEADING, "headingRequired"));
                }
                voting = List.of();
            } else {
                voting = List.of(heading(chosen));
            }
        } else {
            voting = open;
            if (voting.isEmpty()) {
                violations.add(Violation.of(WHOLE, "noHeading"));
            }
        }
        if (draft.marks().isEmpty() && violations.isEmpty()) {
            violations.add(Violation.of(WHOLE, "empty"));
        }
        return check(voting, draft, violations);
    }

    /**
     * Checks a paper sheet of one heading, entered by an officer: the sheet's heading is the one voted in,
     * and a blank sheet is a valid (empty) ballot, counted among the heading's voters.
     */
    Checked sheet(Long headingId, Draft draft, List<Violation> already) {
        List<Violation> violations = new ArrayList<>(already);
        Long id = headingId != null ? headingId : onlyHeadingMarked(draft);
        if (id == null) {
            if (violations.stream().noneMatch(v -> v.field().equals(HEADING))) {
                violations.add(Violation.of(HEADING, "headingRequired"));
            }
            return new Invalid(violations);
        }
        Heading heading = heading(id);
        if (heading == null) {
            violations.add(Violation.of(HEADING, "headingNotOffered"));
            return new Invalid(violations);
        }
        return check(List.of(heading), draft, violations);
    }

    private Checked check(List<Heading> voting, Draft draft, List<Violation> violations) {
        Set<Long> votingIds = new LinkedHashSet<>();
        voting.forEach(heading -> votingIds.add(heading.id()));
        Set<Long> seen = new HashSet<>();
        Map<Long, List<Mark>> byHeading = new LinkedHashMap<>();
        voting.forEach(heading -> byHeading.put(heading.id(), new ArrayList<>()));
        for (Mark mark : draft.marks()) {
            Project project = project(mark.projectId());
            if (project == null) {
                violations.add(Violation.of(WHOLE, "notOnBallot", Long.toString(mark.projectId())));
                continue;
            }
            if (!seen.add(project.id())) {
                violations.add(Violation.of(field(project.id()), "duplicate", project.title()));
                continue;
            }
            if (!votingIds.contains(project.headingId())) {
                if (!voting.isEmpty()) {
                    violations.add(Violation.of(field(project.id()), "otherHeading", project.title(),
                        heading(project.headingId()).name()));
                }
                continue;
            }
            if (rules.points() && (mark.points() < 1 || mark.points() > rules.maxPointsPerProject())) {
                violations.add(Violation.of(field(project.id()), "pointsPerProject", project.title(), rules.maxPointsPerProject()));
                continue;
            }
            if (rules.ranks() && (mark.rank() == null || mark.rank() < 1 || mark.rank() > rules.maxProjects())) {
                violations.add(Violation.of(field(project.id()), "rankOutOfRange", project.title(), rules.maxProjects()));
                continue;
            }
            byHeading.get(project.headingId()).add(mark);
        }
        List<BudgetBallot.Choice> choices = new ArrayList<>();
        for (Heading heading : voting) {
            List<Mark> marks = byHeading.get(heading.id());
            checkHeading(heading, marks, violations);
            for (Mark mark : marks) {
                choices.add(new BudgetBallot.Choice(heading.id(), mark.projectId(), rules.points() ? mark.points() : 1,
                    rules.ranks() ? mark.rank() : null));
            }
        }
        if (!violations.isEmpty()) {
            return new Invalid(violations);
        }
        return new Valid(new BudgetBallot(List.copyOf(votingIds), choices));
    }

    private void checkHeading(Heading heading, List<Mark> marks, List<Violation> violations) {
        String field = "heading-" + heading.id();
        switch (rules.kind()) {
            case APPROVAL -> {
                if (marks.size() > rules.maxProjects()) {
                    violations.add(Violation.of(field, "tooMany", heading.name(), rules.maxProjects(), marks.size()));
                }
            }
            case KNAPSACK -> {
                BigDecimal cost = marks.stream().map(mark -> project(mark.projectId()).cost()).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (cost.compareTo(heading.budget()) > 0) {
                    violations.add(Violation.of(field, "overBudget", heading.name(), cost, heading.budget()));
                }
                BigDecimal least = heading.budget().multiply(BigDecimal.valueOf(rules.minSpendPercent()))
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.CEILING);
                if (!marks.isEmpty() && cost.compareTo(least) < 0) {
                    violations.add(Violation.of(field, "underMinimum", heading.name(), cost, least, rules.minSpendPercent()));
                }
            }
            case CUMULATIVE -> {
                int points = marks.stream().mapToInt(Mark::points).sum();
                if (points > rules.pointsPerVoter()) {
                    violations.add(Violation.of(field, "pointsTotal", heading.name(), points, rules.pointsPerVoter()));
                }
            }
            case RANKED -> {
                if (marks.size() > rules.maxProjects()) {
                    violations.add(Violation.of(field, "tooMany", heading.name(), rules.maxProjects(), marks.size()));
                }
                Set<Integer> ranks = new TreeSet<>();
                boolean twice = false;
                for (Mark mark : marks) {
                    twice |= !ranks.add(mark.rank());
                }
                if (twice) {
                    violations.add(Violation.of(field, "rankTwice", heading.name()));
                } else if (!ranks.isEmpty() && !Objects.equals(((TreeSet<Integer>) ranks).last(), ranks.size())) {
                    violations.add(Violation.of(field, "rankGap", heading.name()));
                }
            }
        }
    }

    /** ONE_OF_CHOICE without a heading ticked: the heading of the projects marked, if they are all in one. */
    private Long onlyHeadingMarked(Draft draft) {
        Set<Long> marked = new HashSet<>();
        for (Mark mark : draft.marks()) {
            Project project = project(mark.projectId());
            if (project != null) {
                marked.add(project.headingId());
            }
        }
        return marked.size() == 1 ? marked.iterator().next() : null;
    }

    static String field(long projectId) {
        return "project-" + projectId;
    }

    /** A positive id of at most 18 digits, or null (no exception for "1 OR 1=1" or 10^30). */
    static Long number(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.length() > 18) {
            return null;
        }
        for (int i = 0; i < trimmed.length(); i++) {
            if (trimmed.charAt(i) < '0' || trimmed.charAt(i) > '9') {
                return null;
            }
        }
        long value = Long.parseLong(trimmed);
        return value > 0 ? value : null;
    }

    /** A whole number between -1,000,000 and 1,000,000, or null. */
    static Integer integer(String text) {
        String trimmed = text.strip();
        boolean negative = trimmed.startsWith("-");
        Long magnitude = negative ? (trimmed.length() > 1 ? number(trimmed.substring(1)) : null) : number(trimmed);
        if ("0".equals(trimmed) || "-0".equals(trimmed)) {
            return 0;
        }
        if (magnitude == null || magnitude > 1_000_000) {
            return null;
        }
        return (int) (negative ? -magnitude : magnitude);
    }

    /** Part of a value typed by someone, safe to quote back in a message (the template escapes it). */
    private static String shown(String value) {
        String text = value == null ? "" : value.strip();
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }
}
