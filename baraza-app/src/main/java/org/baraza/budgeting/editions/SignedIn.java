package org.baraza.budgeting.editions;

import java.util.Optional;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.SignedInAccount;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The person signed in to the current request, if they belong to the municipality of its host: a session
 * carried to another municipality's host counts as nobody here.
 */
public final class SignedIn {

    private SignedIn() {
    }

    public static Optional<SignedInAccount> current() {
        return SignedInAccount.current()
            .filter(account -> CurrentMunicipality.find().map(m -> m.id().equals(account.organization())).orElse(false));
    }

    /** @throws ResponseStatusException 403 when nobody of this municipality is signed in */
    public static SignedInAccount required() {
        return current().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
