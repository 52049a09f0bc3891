package org.baraza.platform.accounts;

import java.util.Optional;
import org.springframework.validation.BindingResult;

/** Checks the forms share beyond their annotations: each adds at most one message per field. */
final class FormChecks {

    private FormChecks() {
    }

    /** The parsed login, or empty with a message on the {@code login} field. */
    static Optional<Login> login(String typed, BindingResult errors) {
        if (errors.hasFieldErrors("login")) {
            return Optional.empty();
        }
        Optional<Login> login = Login.parse(typed);
        if (login.isEmpty()) {
            errors.rejectValue("login", "accounts.login.invalid");
        }
        return login;
    }

    /** The six digits of a code, or null with a message on the {@code code} field. */
    static String code(String typed, BindingResult errors) {
        if (errors.hasFieldErrors("code")) {
            return null;
        }
        String code = OneTimeCodes.normalise(typed);
        if (code == null) {
            errors.rejectValue("code", "accounts.code.format");
        }
        return code;
    }
}
