package org.baraza.budgeting.editions;

import org.springframework.http.HttpStatus;

/** Why an admin or valuator change to an edition was refused; each has a translated explanation. */
public enum EditionRefusal {
    /** A voting phase has started: what decides the vote can no longer change. */
    FROZEN(HttpStatus.CONFLICT),
    PROCESS_UNKNOWN(HttpStatus.BAD_REQUEST),
    PROCESS_HAS_EDITION(HttpStatus.CONFLICT),
    HEADING_HAS_PROJECTS(HttpStatus.CONFLICT);

    private final HttpStatus status;

    EditionRefusal(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return "budgets.refused." + name();
    }

    /** A refused change, nothing stored. */
    public static final class Refused extends RuntimeException {
        private final EditionRefusal reason;

        public Refused(EditionRefusal reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
        }

        public EditionRefusal reason() {
            return reason;
        }
    }
}
