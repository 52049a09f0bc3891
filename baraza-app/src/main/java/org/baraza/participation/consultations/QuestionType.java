package org.baraza.participation.consultations;

/** The kinds of question a consultation asks. */
public enum QuestionType {
    /** Choose one answer. */
    SINGLE,
    /** Choose up to the question's maximum of answers. */
    MULTIPLE,
    /** Rank up to the question's maximum of answers, 1 = first choice (top-k); tallied per rank and by Borda count. */
    RANKED,
    /** Yes or no, e.g. on a proposal that reached its threshold; its two answers are shown translated. */
    YES_NO
}
