package org.baraza.participation.voting;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baraza.participation.consultations.Answer;
import org.baraza.participation.consultations.Consultation;
import org.baraza.participation.consultations.Question;
import org.baraza.participation.web.FormErrors;

/**
 * A filled-in ballot: for every question of the consultation, the answers chosen (with their rank for ranked
 * questions) or a blank. It is read from the submitted form and checked against the consultation's own
 * questions: an answer of another question or poll, too many choices, a repeated or missing rank are refused
 * with a message per question, and nothing is stored.
 */
public record BallotPaper(List<Choice> choices) {

    /** One line of the ballot; {@code answerId} null is a blank for the question, {@code rank} only for ranked questions. */
    public record Choice(long questionId, Long answerId, Integer rank) {
    }

    private static final Pattern QUESTION_FIELD = Pattern.compile("q(\\d{1,18})(?:a(\\d{1,18}))?");

    public BallotPaper {
        choices = List.copyOf(choices);
    }

    /**
     * Reads a ballot from form fields: {@code q<question>} = answer id (several for multiple choice; none for a
     * blank), and for ranked questions {@code q<question>a<answer>} = rank (empty for "not ranked").
     *
     * @return the ballot, or null with the reasons in {@code errors} (field {@code q<question>}, or {@code ballot})
     */
    public static BallotPaper read(Consultation consultation, Map<String, List<String>> fields, FormErrors errors) {
        for (String name : fields.keySet()) {
            Matcher matcher = QUESTION_FIELD.matcher(name);
            if (name.startsWith("q") && !matcher.matches()) {
                errors.reject("ballot", "consultations.ballot.error.unknownQuestion");
            } else if (matcher.matches()) {
                Question question = consultation.question(parse(matcher.group(1))).orElse(null);
                if (question == null) {
                    errors.reject("ballot", "consultations.ballot.error.unknownQuestion");
                } else if (matcher.group(2) != null && (!question.isRanked() || question.answer(parse(matcher.group(2))).isEmpty())) {
                    errors.reject(question.field(), "consultations.ballot.error.notAnAnswer");
                }
            }
        }
        List<Choice> choices = new ArrayList<>();
        for (Question question : consultation.questions()) {
            if (question.isRanked()) {
                readRanked(question, fields, errors, choices);
            } else {
                readChosen(question, fields.getOrDefault(question.field(), List.of()), errors, choices);
            }
        }
        return errors.isEmpty() ? new BallotPaper(choices) : null;
    }

    private static void readChosen(Question question, List<String> values, FormErrors errors, List<Choice> choices) {
        List<String> chosen = values.stream().map(String::strip).filter(value -> !value.isEmpty() && !value.equals("blank")).toList();
        int max = question.isMultiple() ? question.maxChoices() : 1;
        if (chosen.size() > max) {
            errors.reject(question.field(), "consultations.ballot.error.tooManyChoices", max);
            return;
        }
        Set<Long> seen = new HashSet<>();
        List<Choice> mine = new ArrayList<>();
        for (String value : chosen) {
            long answerId = parse(value);
            if (answerId <= 0 || question.answer(answerId).isEmpty()) {
                errors.reject(question.field(), "consultations.ballot.error.notAnAnswer");
                return;
            }
            if (!seen.add(answerId)) {
                errors.reject(question.field(), "consultations.ballot.error.duplicateChoice");
                return;
            }
            mine.add(new Choice(question.id(), answerId, null));
        }
        choices.addAll(mine.isEmpty() ? List.of(new Choice(question.id(), null, null)) : mine);
    }

    private static void readRanked(Question question, Map<String, List<String>> fields, FormErrors errors, List<Choice> choices) {
        int k = question.maxChoices();
        List<Choice> mine = new ArrayList<>();
        Set<Integer> ranks = new HashSet<>();
        for (Answer answer : question.answers()) {
            List<String> values = fields.getOrDefault(question.field() + "a" + answer.id(), List.of());
            if (values.size() > 1) {
                errors.reject(question.field(), "consultations.ballot.error.duplicateRank");
                return;
            }
            String value = values.isEmpty() ? "" : values.get(0).strip();
            if (value.isEmpty()) {
                continue;
            }
            long rank = parse(value);
            if (rank < 1 || rank > k) {
                errors.reject(question.field(), "consultations.ballot.error.rankOutOfRange", k);
                return;
            }
            if (!ranks.add((int) rank)) {
                errors.reject(question.field(), "consultations.ballot.error.duplicateRank");
                return;
            }
            mine.add(new Choice(question.id(), answer.id(), (int) rank));
        }
        for (int rank = 1; rank <= ranks.size(); rank++) {
            if (!ranks.contains(rank)) {
                errors.reject(question.field(), "consultations.ballot.error.rankGap");
                return;
            }
        }
        mine.sort(java.util.Comparator.comparing(Choice::rank));
        choices.addAll(mine.isEmpty() ? List.of(new Choice(question.id(), null, null)) : mine);
    }

    /** A positive number, or -1 for anything else (letters, signs, overflow). */
    private static long parse(String value) {
        if (value == null || value.isEmpty() || value.length() > 18) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(value);
    }

    /** The choices of one question, for showing the ballot back. */
    public List<Choice> of(long questionId) {
        return choices.stream().filter(choice -> choice.questionId() == questionId).toList();
    }
}
