package org.baraza.participation.notifications;

import java.util.Locale;
import org.baraza.platform.AccountDirectory;
import org.baraza.platform.OrganizationId;
import org.springframework.stereotype.Component;

/**
 * The language a resident's mail is written in: the one they chose (remembered with their account), else
 * their municipality's default, as the platform knows them. A resident reading French on the site must not
 * get their notifications in English just because a scheduled job has no page language.
 */
@Component
class RecipientLanguages {

    private final AccountDirectory accounts;

    RecipientLanguages(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    Locale of(OrganizationId organization, long accountId) {
        return accounts.language(organization, accountId).map(Locale::forLanguageTag).orElse(Locale.ENGLISH);
    }
}
