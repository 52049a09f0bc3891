package org.baraza.budgeting.projects;

import org.springframework.http.HttpStatus;

/** Why a resident, valuator or admin may not do something to a project now; each has a translated explanation. */
enum ProjectRefusal {
    NOT_VERIFIED(HttpStatus.FORBIDDEN),
    SUBMISSION_CLOSED(HttpStatus.FORBIDDEN),
    SUPPORTS_CLOSED(HttpStatus.FORBIDDEN),
    NOT_AUTHOR(HttpStatus.FORBIDDEN),
    ALREADY_VALUED(HttpStatus.CONFLICT),
    WITHDRAWN(HttpStatus.CONFLICT),
    NOT_FEASIBLE(HttpStatus.CONFLICT),
    NOT_ASSIGNED(HttpStatus.FORBIDDEN),
    FROZEN(HttpStatus.CONFLICT),
    SAME_PROJECT(HttpStatus.BAD_REQUEST),
    UNKNOWN_PROJECT(HttpStatus.BAD_REQUEST),
    UNKNOWN_VALUATOR(HttpStatus.BAD_REQUEST);

    private final HttpStatus status;

    ProjectRefusal(HttpStatus status) {
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }

    String messageKey() {
        return "budgets.refused." + name();
    }

    /** A refused action, nothing stored. */
    static final class Refused extends RuntimeException {
        private final ProjectRefusal reason;

        Refused(ProjectRefusal reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
        }

        ProjectRefusal reason() {
            return reason;
        }
    }
}
