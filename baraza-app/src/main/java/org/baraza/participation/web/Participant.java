package org.baraza.participation.web;

import java.util.Optional;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.SignedInAccount;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The person signed in to the current request, if they belong to the municipality of its host. A
 * session of another municipality (a cookie carried to another host) counts as nobody here.
 */
public final class Participant {

    private Participant() {
    }

    public static Optional<SignedInAccount> current() {
        return SignedInAccount.current()
            .filter(account -> CurrentMunicipality.find().map(m -> m.id().equals(account.organization())).orElse(false));
    }

    /** The signed-in account of this municipality. @throws ResponseStatusException 403 otherwise */
    public static SignedInAccount required() {
        return current().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }

    /** Parses an id from a path: anything that is not a positive number is a 404, never a 400 or 500. */
    public static long id(String raw) {
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException notANumber) {
            // fall through
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
