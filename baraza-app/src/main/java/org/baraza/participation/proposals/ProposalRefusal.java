package org.baraza.participation.proposals;

import org.springframework.http.HttpStatus;

/** Why a resident may not do something to a proposal now; each has a translated explanation. */
enum ProposalRefusal {
    NOT_VERIFIED(HttpStatus.FORBIDDEN),
    CREATION_CLOSED(HttpStatus.FORBIDDEN),
    SUPPORTS_CLOSED(HttpStatus.FORBIDDEN),
    NOT_AUTHOR(HttpStatus.FORBIDDEN),
    EDIT_CLOSED(HttpStatus.CONFLICT),
    WITHDRAWN(HttpStatus.CONFLICT),
    HIDDEN(HttpStatus.CONFLICT),
    TOO_MANY_DOCUMENTS(HttpStatus.BAD_REQUEST);

    private final HttpStatus status;

    ProposalRefusal(HttpStatus status) {
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }

    String messageKey() {
        return "proposals.refused." + name();
    }
}
