package org.baraza.participation.voting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.baraza.participation.consultations.Answer;
import org.baraza.participation.consultations.Consultation;
import org.baraza.participation.consultations.Question;
import org.baraza.participation.web.FormErrors;
import org.baraza.participation.web.TextInput;

/**
 * The paper ballots of one booth, counted by its officers after closing: how many ballots were in the box,
 * how many were null (spoiled, unreadable), and for each question the votes per answer (per answer and rank
 * for ranked questions) and the blanks. The counts must add up, as on a paper tally sheet.
 */
public record PaperTally(String booth, int ballots, int nullBallots, List<Count> counts) {

    /** Votes for an answer (at a rank, for ranked questions); {@code answerId} null counts the blanks of the question. */
    public record Count(long questionId, Long answerId, Integer rank, int votes) {
    }

    static final int MAX_COUNT = 10_000_000;

    public PaperTally {
        counts = List.copyOf(counts);
    }

    /** The form's field for a count: {@code q1a2}, {@code q1a2r3}, or {@code q1blank}. */
    public static String field(long questionId, Long answerId, Integer rank) {
        return "q" + questionId + (answerId == null ? "blank" : "a" + answerId + (rank == null ? "" : "r" + rank));
    }

    /** Reads and checks a tally sheet; null with the reasons in {@code errors}. */
    static PaperTally read(Consultation consultation, Map<String, String> fields, FormErrors errors) {
        String booth = TextInput.check(errors, "booth", fields.get("booth"), 80, true, false, "consultations.paper.error.booth");
        int ballots = number(errors, "ballots", fields.get("ballots"));
        int nulls = number(errors, "nullBallots", fields.get("nullBallots"));
        if (ballots >= 0 && nulls > ballots) {
            errors.reject("nullBallots", "consultations.paper.error.moreNullThanBallots");
        }
        int valid = Math.max(0, ballots - Math.max(0, nulls));
        List<Count> counts = new ArrayList<>();
        for (Question question : consultation.questions()) {
            int blank = number(errors, field(question.id(), null, null), fields.get(field(question.id(), null, null)));
            counts.add(new Count(question.id(), null, null, Math.max(0, blank)));
            if (question.isRanked()) {
                Map<Integer, Long> perRank = new HashMap<>();
                for (Answer answer : question.answers()) {
                    long answerTotal = 0;
                    for (int rank = 1; rank <= question.maxChoices(); rank++) {
                        String name = field(question.id(), answer.id(), rank);
                        int votes = number(errors, name, fields.get(name));
                        counts.add(new Count(question.id(), answer.id(), rank, Math.max(0, votes)));
                        perRank.merge(rank, (long) Math.max(0, votes), Long::sum);
                        answerTotal += Math.max(0, votes);
                    }
                    if (answerTotal > valid) {
                        errors.reject(question.field(), "consultations.paper.error.doesNotAddUp");
                    }
                }
                long answered = valid - (long) Math.max(0, blank);
                if (blank > valid || perRank.getOrDefault(1, 0L) != answered) {
                    errors.reject(question.field(), "consultations.paper.error.doesNotAddUp");
                }
                for (int rank = 2; rank <= question.maxChoices(); rank++) {
                    if (perRank.getOrDefault(rank, 0L) > perRank.getOrDefault(rank - 1, 0L)) {
                        errors.reject(question.field(), "consultations.paper.error.doesNotAddUp");
                    }
                }
            } else {
                long sum = 0;
                for (Answer answer : question.answers()) {
                    String name = field(question.id(), answer.id(), null);
                    int votes = number(errors, name, fields.get(name));
                    counts.add(new Count(question.id(), answer.id(), null, Math.max(0, votes)));
                    sum += Math.max(0, votes);
                    if (votes > valid) {
                        errors.reject(question.field(), "consultations.paper.error.doesNotAddUp");
                    }
                }
                long answered = valid - (long) Math.max(0, blank);
                boolean addsUp = question.isMultiple()
                    ? blank <= valid && sum >= answered && sum <= answered * question.maxChoices()
                    : sum + Math.max(0, blank) == valid;
                if (!addsUp) {
                    errors.reject(question.field(), "consultations.paper.error.doesNotAddUp");
                }
            }
        }
        return errors.isEmpty() ? new PaperTally(booth, ballots, nulls, counts) : null;
    }

    /** A whole number from 0 to {@link #MAX_COUNT}; an empty field counts as 0. -1 with an error otherwise. */
    private static int number(FormErrors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        String digits = value.strip();
        if (digits.length() > 8 || !digits.chars().allMatch(Character::isDigit)) {
            errors.reject(field, "consultations.paper.error.number", MAX_COUNT);
            return -1;
        }
        int number = Integer.parseInt(digits);
        if (number > MAX_COUNT) {
            errors.reject(field, "consultations.paper.error.number", MAX_COUNT);
            return -1;
        }
        return number;
    }
}
