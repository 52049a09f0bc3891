package org.baraza.platform.accounts;

import java.util.Optional;
import org.baraza.platform.OrganizationId;
import org.springframework.stereotype.Service;

/** A resident edits what their account says about them: public pseudonym, private legal name, language. */
@Service
class AccountProfile {

    private final AccountRepository accounts;

    AccountProfile(AccountRepository accounts) {
        this.accounts = accounts;
    }

    Optional<StoredAccount> of(OrganizationId organization, long accountId) {
        return accounts.find(organization, accountId).filter(account -> !account.deleted());
    }

    void change(OrganizationId organization, long accountId, String displayName, String legalName, String language) {
        accounts.changeProfile(organization, accountId, displayName,
            legalName == null || legalName.isBlank() ? null : legalName, language);
    }

    void changeLanguage(OrganizationId organization, long accountId, String language) {
        accounts.changeLanguage(organization, accountId, language);
    }
}
