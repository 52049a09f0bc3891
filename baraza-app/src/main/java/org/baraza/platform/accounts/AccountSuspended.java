package org.baraza.platform.accounts;

import org.springframework.security.authentication.AccountStatusException;

/** A sign-in with the right password to an account that is suspended: refused, and the page says so. */
class AccountSuspended extends AccountStatusException {

    AccountSuspended() {
        super("suspended");
    }
}
