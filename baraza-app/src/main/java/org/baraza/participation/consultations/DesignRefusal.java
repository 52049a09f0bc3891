package org.baraza.participation.consultations;

/** Why an admin's change to a consultation was refused; nothing was changed. */
public enum DesignRefusal {
    /** Voting has started (it opened, or someone voted): its questions, dates and eligibility are frozen. */
    VOTING_STARTED,
    /** Already closed. */
    ALREADY_CLOSED,
    /** A consultation may ask at most {@link ConsultationDesign#MAX_QUESTIONS} questions. */
    TOO_MANY_QUESTIONS,
    NOT_FOUND;

    public String messageKey() {
        return "consultations.refused." + name();
    }
}
