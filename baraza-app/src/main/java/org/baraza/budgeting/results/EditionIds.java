package org.baraza.budgeting.results;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Ids in paths and parameters: anything but a positive number is a page that does not exist (404), never a 500. */
public final class EditionIds {

    private EditionIds() {
    }

    public static long parse(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 18) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) < '0' || raw.charAt(i) > '9') {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
        }
        long id = Long.parseLong(raw);
        if (id <= 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return id;
    }
}
