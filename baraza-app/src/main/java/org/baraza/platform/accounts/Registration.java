package org.baraza.platform.accounts;

import java.time.Clock;
import java.util.Optional;
import org.baraza.platform.Municipality;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A resident registers with an e-mail address or mobile number; the account is usable once they
 * enter the code sent there. One login, one account per municipality: the unique index decides races.
 */
@Service
class Registration {

    sealed interface Outcome {
    }

    record Registered(long accountId) implements Outcome {
    }

    record LoginTaken() implements Outcome {
    }

    /** A registration whose fields were validated by the form. */
    record NewResident(Login login, String password, String displayName, String legalName, String language) {
    }

    private final AccountRepository accounts;
    private final PasswordHashing hashing;
    private final OneTimeCodes codes;
    private final ResidentMessages messages;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Registration(AccountRepository accounts, PasswordHashing hashing, OneTimeCodes codes, ResidentMessages messages,
                 TransactionTemplate transaction, Clock clock) {
        this.accounts = accounts;
        this.hashing = hashing;
        this.codes = codes;
        this.messages = messages;
        this.transaction = transaction;
        this.clock = clock;
    }

    Outcome register(Municipality municipality, NewResident resident) {
        if (accounts.findByLogin(municipality.id(), resident.login()).isPresent()) {
            return new LoginTaken();
        }
        // Hashing takes tens of milliseconds: done before the transaction, so no connection waits on it.
        String hash = hashing.hash(resident.password());
        try {
            return transaction.execute(status -> {
                long id = accounts.insert(municipality.id(), resident.login(), hash, resident.displayName(),
                    Optional.ofNullable(resident.legalName()).filter(name -> !name.isBlank()).orElse(null),
                    resident.language(), clock.instant(), null);
                codes.issue(municipality.id(), id, OneTimeCodes.Purpose.CONFIRM).ifPresent(code ->
                    messages.confirmationCode(municipality, id, resident.login(), resident.language(), code));
                return new Registered(id);
            });
        } catch (DuplicateKeyException raced) {
            return new LoginTaken();
        }
    }
}
