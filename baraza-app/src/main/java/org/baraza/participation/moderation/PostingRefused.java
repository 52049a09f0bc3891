package org.baraza.participation.moderation;

import org.springframework.http.HttpStatus;

/**
 * A contribution refused before anything is stored: the account is blocked (403) or posts too fast, or too
 * much for a new account (429). Answered by {@link PostingRefusedPage} with a translated page.
 */
public class PostingRefused extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final Object[] arguments;

    PostingRefused(HttpStatus status, String messageKey, Object... arguments) {
        super(messageKey, null, false, false);
        this.status = status;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    /** The values the message names (e.g. the limit), in order. */
    public Object[] arguments() {
        return arguments.clone();
    }
}
