package org.baraza.participation.moderation;

import org.springframework.http.HttpStatus;

/**
 * A contribution refused before anything is stored: the account is blocked (403) or posts too fast (429).
 * Answered by {@link PostingRefusedPage} with a translated page.
 */
public class PostingRefused extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;

    PostingRefused(HttpStatus status, String messageKey) {
        super(messageKey, null, false, false);
        this.status = status;
        this.messageKey = messageKey;
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }
}
