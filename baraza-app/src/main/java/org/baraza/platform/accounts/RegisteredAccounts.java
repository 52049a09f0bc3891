package org.baraza.platform.accounts;

import java.time.Instant;
import java.util.Optional;
import org.baraza.platform.AccountDirectory;
import org.baraza.platform.OrganizationId;
import org.springframework.stereotype.Component;

/** {@link AccountDirectory} over the account table. */
@Component
class RegisteredAccounts implements AccountDirectory, org.baraza.platform.ResidentMailbox {

    private final AccountRepository accounts;

    RegisteredAccounts(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<AccountSummary> findByLogin(OrganizationId organization, String emailOrPhone) {
        return Login.parse(emailOrPhone).flatMap(login -> accounts.findByLogin(organization, login))
            .map(RegisteredAccounts::summary);
    }

    @Override
    public Optional<AccountSummary> find(OrganizationId organization, long accountId) {
        return accounts.find(organization, accountId).map(RegisteredAccounts::summary);
    }

    @Override
    public Optional<Instant> createdAt(OrganizationId organization, long accountId) {
        return accounts.find(organization, accountId).map(StoredAccount::createdAt);
    }

    @Override
    public Optional<String> language(OrganizationId organization, long accountId) {
        return accounts.language(organization, accountId);
    }

    @Override
    public Optional<String> confirmedEmail(OrganizationId organization, long accountId) {
        return accounts.find(organization, accountId)
            .filter(account -> account.confirmed() && account.deletedAt() == null && account.login() != null)
            .map(StoredAccount::login)
            .filter(login -> login.channel() == Login.Channel.EMAIL)
            .map(Login::value);
    }

    private static AccountSummary summary(StoredAccount account) {
        return new AccountSummary(account.id(), account.displayName(),
            account.login() == null ? "" : account.login().masked(), account.confirmed());
    }
}
