package org.baraza.platform.accounts;

import java.time.Clock;
import org.baraza.platform.AccountDeleted;
import org.baraza.platform.OrganizationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A resident deletes their account. What identifies them goes (login, names, password, language,
 * demographics, roles, messages, codes); the row stays as "Former resident" so that contributions
 * keep an author id, and other modules anonymise theirs on {@link AccountDeleted}.
 */
@Service
class AccountDeletion {

    private static final Logger log = LoggerFactory.getLogger(AccountDeletion.class);

    private final AccountRepository accounts;
    private final PasswordHashing hashing;
    private final Demographics demographics;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AccountDeletion(AccountRepository accounts, PasswordHashing hashing, Demographics demographics, Outbox outbox,
                    JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
        this.accounts = accounts;
        this.hashing = hashing;
        this.demographics = demographics;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** @return false, deleting nothing, when the password is wrong */
    boolean delete(OrganizationId organization, long accountId, String password) {
        StoredAccount account = accounts.find(organization, accountId).filter(a -> !a.deleted()).orElse(null);
        if (account == null || !hashing.matches(password, account.passwordHash())) {
            return false;
        }
        transaction.executeWithoutResult(status -> {
            accounts.findForUpdate(organization, accountId);
            demographics.remove(organization, accountId);
            outbox.forget(organization, accountId);
            jdbc.sql("DELETE FROM account_code WHERE organization_id = :org AND account_id = :id")
                .param("org", organization.value()).param("id", accountId).update();
            jdbc.sql("DELETE FROM role_assignment WHERE organization_id = :org AND account_id = :id")
                .param("org", organization.value()).param("id", accountId).update();
            accounts.anonymise(organization, accountId, clock.instant());
            events.publishEvent(new AccountDeleted(organization, accountId));
        });
        log.info("account {} deleted by its owner", accountId);
        return true;
    }
}
