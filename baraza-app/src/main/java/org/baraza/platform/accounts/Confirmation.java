package org.baraza.platform.accounts;

import java.time.Clock;
import java.util.Optional;
import org.baraza.platform.Municipality;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A resident proves the login is theirs with the code sent there, or asks for a new code. */
@Service
class Confirmation {

    enum Result { CONFIRMED, ALREADY_CONFIRMED, WRONG_CODE, EXPIRED }

    private final AccountRepository accounts;
    private final OneTimeCodes codes;
    private final ResidentMessages messages;
    private final Clock clock;

    Confirmation(AccountRepository accounts, OneTimeCodes codes, ResidentMessages messages, Clock clock) {
        this.accounts = accounts;
        this.codes = codes;
        this.messages = messages;
        this.clock = clock;
    }

    /** An unknown login answers WRONG_CODE, as a wrong code does: the form does not tell who has an account. */
    @Transactional
    Result confirm(Municipality municipality, Login login, String code) {
        Optional<StoredAccount> account = accounts.findByLogin(municipality.id(), login);
        if (account.isEmpty()) {
            return Result.WRONG_CODE;
        }
        if (account.get().confirmed()) {
            return Result.ALREADY_CONFIRMED;
        }
        return switch (codes.check(municipality.id(), account.get().id(), OneTimeCodes.Purpose.CONFIRM, code)) {
            case ACCEPTED -> {
                accounts.confirm(municipality.id(), account.get().id(), clock.instant());
                yield Result.CONFIRMED;
            }
            case WRONG -> Result.WRONG_CODE;
            case EXPIRED -> Result.EXPIRED;
        };
    }

    /** Sends a new code if an unconfirmed account has this login; says nothing either way. */
    @Transactional
    void sendNewCode(Municipality municipality, Login login) {
        accounts.findByLogin(municipality.id(), login)
            .filter(account -> !account.confirmed())
            .ifPresent(account -> codes.issue(municipality.id(), account.id(), OneTimeCodes.Purpose.CONFIRM)
                .ifPresent(code -> messages.confirmationCode(municipality, account.id(), login, account.language(), code)));
    }
}
