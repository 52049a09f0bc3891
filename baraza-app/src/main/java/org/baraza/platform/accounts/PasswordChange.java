package org.baraza.platform.accounts;

import org.baraza.platform.OrganizationId;
import org.springframework.stereotype.Service;

/** A signed-in resident changes their password, proving they know the current one. */
@Service
class PasswordChange {

    private final AccountRepository accounts;
    private final PasswordHashing hashing;

    PasswordChange(AccountRepository accounts, PasswordHashing hashing) {
        this.accounts = accounts;
        this.hashing = hashing;
    }

    /** @return false, changing nothing, when the current password is wrong */
    boolean change(OrganizationId organization, long accountId, String currentPassword, String newPassword) {
        StoredAccount account = accounts.find(organization, accountId).filter(a -> !a.deleted()).orElse(null);
        if (account == null || !hashing.matches(currentPassword, account.passwordHash())) {
            return false;
        }
        accounts.changePassword(organization, accountId, hashing.hash(newPassword));
        return true;
    }
}
