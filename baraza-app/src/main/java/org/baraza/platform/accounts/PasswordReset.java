package org.baraza.platform.accounts;

import java.time.Clock;
import java.util.Optional;
import org.baraza.platform.Municipality;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A resident who forgot their password gets a code at their login and sets a new one. Both steps
 * answer the same whether or not the login has an account, so the form tells nobody who is registered.
 * Receiving the code proves the login is theirs, so a reset also confirms an unconfirmed account.
 */
@Service
class PasswordReset {

    enum Result { CHANGED, WRONG_CODE, EXPIRED }

    private final AccountRepository accounts;
    private final OneTimeCodes codes;
    private final ResidentMessages messages;
    private final PasswordHashing hashing;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PasswordReset(AccountRepository accounts, OneTimeCodes codes, ResidentMessages messages, PasswordHashing hashing,
                  TransactionTemplate transaction, Clock clock) {
        this.accounts = accounts;
        this.codes = codes;
        this.messages = messages;
        this.hashing = hashing;
        this.transaction = transaction;
        this.clock = clock;
    }

    void sendCode(Municipality municipality, Login login) {
        transaction.executeWithoutResult(status -> accounts.findByLogin(municipality.id(), login)
            .ifPresent(account -> codes.issue(municipality.id(), account.id(), OneTimeCodes.Purpose.RESET)
                .ifPresent(code -> messages.resetCode(municipality, account.id(), login, account.language(), code))));
    }

    Result reset(Municipality municipality, Login login, String code, String newPassword) {
        String hash = hashing.hash(newPassword);
        return transaction.execute(status -> {
            Optional<StoredAccount> account = accounts.findByLogin(municipality.id(), login);
            if (account.isEmpty()) {
                return Result.WRONG_CODE;
            }
            long id = account.get().id();
            return switch (codes.check(municipality.id(), id, OneTimeCodes.Purpose.RESET, code)) {
                case ACCEPTED -> {
                    accounts.changePassword(municipality.id(), id, hash);
                    accounts.confirm(municipality.id(), id, clock.instant());
                    yield Result.CHANGED;
                }
                case WRONG -> Result.WRONG_CODE;
                case EXPIRED -> Result.EXPIRED;
            };
        });
    }
}
