package org.baraza.participation.consultations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.baraza.participation.web.FormErrors;
import org.baraza.participation.web.TextInput;

/**
 * A question as typed by an admin: its kind, the maximum for multiple-choice and ranked questions, and the
 * answers one per line (a textarea needs no JavaScript to add a row).
 */
record QuestionForm(String text, String type, String maxChoices, String answers) {

    static final int MAX_ANSWERS = 50;

    /** A checked question, ready for {@link ConsultationDesign}. */
    record Checked(String text, QuestionType type, int maxChoices, List<String> answers) {
    }

    static QuestionForm empty() {
        return new QuestionForm("", QuestionType.SINGLE.name(), "", "");
    }

    static QuestionForm of(Question question) {
        return new QuestionForm(question.text(), question.type().name(),
            question.isMultiple() || question.isRanked() ? Integer.toString(question.maxChoices()) : "",
            question.isYesNo() ? "" : String.join("\n", question.answers().stream().map(Answer::text).toList()));
    }

    Checked check(FormErrors errors) {
        String checkedText = TextInput.check(errors, "text", text, 500, true, false, "consultations.error.question");
        QuestionType kind = null;
        try {
            kind = QuestionType.valueOf(type == null ? "" : type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.reject("type", "consultations.error.type.unknown");
        }
        List<String> lines = new ArrayList<>();
        if (kind != null && kind != QuestionType.YES_NO) {
            String all = TextInput.check(errors, "answers", answers, MAX_ANSWERS * 301, true, true, "consultations.error.answers");
            if (all != null) {
                Set<String> seen = new HashSet<>();
                for (String line : all.split("\n")) {
                    String answer = line.strip();
                    if (answer.isEmpty()) {
                        continue;
                    }
                    if (answer.length() > 300) {
                        errors.reject("answers", "consultations.error.answers.tooLong", 300);
                    } else if (!seen.add(answer.toLowerCase(Locale.ROOT))) {
                        errors.reject("answers", "consultations.error.answers.duplicate");
                    }
                    lines.add(answer);
                }
                if (lines.size() < 2) {
                    errors.reject("answers", "consultations.error.answers.tooFew");
                } else if (lines.size() > MAX_ANSWERS) {
                    errors.reject("answers", "consultations.error.answers.tooMany", MAX_ANSWERS);
                }
            }
        }
        int max = 1;
        if (kind == QuestionType.MULTIPLE || kind == QuestionType.RANKED) {
            try {
                max = Integer.parseInt(maxChoices == null ? "" : maxChoices.strip());
                if (max < 1 || (!lines.isEmpty() && max > lines.size()) || max > MAX_ANSWERS) {
                    errors.reject("maxChoices", "consultations.error.maxChoices.range", Math.max(1, lines.size()));
                }
            } catch (NumberFormatException e) {
                errors.reject("maxChoices", "consultations.error.maxChoices.range", Math.max(1, lines.size()));
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new Checked(checkedText, kind, max, lines);
    }
}
