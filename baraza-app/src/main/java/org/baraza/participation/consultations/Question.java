package org.baraza.participation.consultations;

import java.util.List;
import java.util.Optional;

/**
 * A question of a consultation, with its answers in order.
 *
 * @param maxChoices MULTIPLE: the most answers a voter may choose; RANKED: how many a voter may rank; else 1
 * @param proposalId for a yes/no question on a qualified proposal, the proposal asked about; else null
 */
public record Question(long id, int position, String text, QuestionType type, int maxChoices, Long proposalId,
                       List<Answer> answers) {

    public Question {
        answers = List.copyOf(answers);
    }

    public Optional<Answer> answer(long answerId) {
        return answers.stream().filter(answer -> answer.id() == answerId).findFirst();
    }

    public boolean isYesNo() {
        return type == QuestionType.YES_NO;
    }

    public boolean isRanked() {
        return type == QuestionType.RANKED;
    }

    public boolean isMultiple() {
        return type == QuestionType.MULTIPLE;
    }

    /** The form field of this question on a ballot (answers of ranked questions add {@code a<answer id>}). */
    public String field() {
        return "q" + id;
    }
}
