package org.baraza.budgeting.editions;

/** The edition settings form as submitted: every field a string, so nothing typed fails to bind. */
record SettingsForm(String title, String ballotKind, String maxProjects, String minSpendPercent, String pointsPerVoter,
                    String maxPointsPerProject, String headingChoice, String rule, String tieBreak, String minimumAge) {

    static SettingsForm of(Edition edition) {
        return new SettingsForm(edition.title() == null ? "" : edition.title(), edition.ballotKind().name(),
            text(edition.maxProjects()), Integer.toString(edition.minSpendPercent()), text(edition.pointsPerVoter()),
            text(edition.maxPointsPerProject()), edition.headingChoice().name(), edition.rule(), edition.tieBreak(),
            text(edition.minimumAge()));
    }

    /** The settings, or null with the reasons in {@code errors}. Limits the chosen ballot kind does not use are cleared. */
    EditionRepository.Settings settings(FieldErrors errors) {
        String name = FormInput.text(errors, "title", title, 200, true, false);
        BallotKind kind = choice(BallotKind.class, ballotKind);
        if (kind == null) {
            errors.reject("ballotKind", "budgets.error.choose");
        }
        Integer max = null;
        int minSpend = 0;
        Integer points = null;
        Integer maxPoints = null;
        if (kind == BallotKind.APPROVAL || kind == BallotKind.RANKED) {
            max = FormInput.whole(errors, "maxProjects", maxProjects, 1, 1000, true);
        } else if (kind == BallotKind.KNAPSACK) {
            Integer percent = FormInput.whole(errors, "minSpendPercent", minSpendPercent, 0, 100, false);
            minSpend = percent == null ? 0 : percent;
        } else if (kind == BallotKind.CUMULATIVE) {
            points = FormInput.whole(errors, "pointsPerVoter", pointsPerVoter, 1, 1000, true);
            maxPoints = FormInput.whole(errors, "maxPointsPerProject", maxPointsPerProject, 1, 1000, true);
            if (points != null && maxPoints != null && maxPoints > points) {
                errors.reject("maxPointsPerProject", "budgets.error.maxPointsOverTotal");
            }
        }
        HeadingChoice choice = choice(HeadingChoice.class, headingChoice);
        if (choice == null) {
            errors.reject("headingChoice", "budgets.error.choose");
        }
        if (rule == null || !Edition.RULES.contains(rule)) {
            errors.reject("rule", "budgets.error.choose");
        }
        if (tieBreak == null || !Edition.TIE_BREAKS.contains(tieBreak)) {
            errors.reject("tieBreak", "budgets.error.choose");
        }
        Integer age = FormInput.whole(errors, "minimumAge", minimumAge, 0, 120, false);
        if (!errors.isEmpty()) {
            return null;
        }
        return new EditionRepository.Settings(name, kind, max, minSpend, points, maxPoints, choice, rule, tieBreak, age);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        return null;
    }

    private static String text(Integer value) {
        return value == null ? "" : value.toString();
    }
}
