package org.baraza.platform.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.SignedInAccount;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Signs a resident in at the municipality whose host they are on: the login is looked up in that
 * municipality only. Five wrong passwords lock the account for 15 minutes (kept in the database, so
 * every node agrees); an unconfirmed or suspended account cannot sign in. The principal is a {@link SignedInAccount}.
 */
@Component
class AccountSignIn implements AuthenticationProvider {

    static final int FAILURES_BEFORE_LOCK = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    private final AccountRepository accounts;
    private final AccountSessions sessions;
    private final PasswordHashing hashing;
    private final Suspensions suspensions;
    private final Clock clock;

    AccountSignIn(AccountRepository accounts, AccountSessions sessions, PasswordHashing hashing, Suspensions suspensions,
                  Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.hashing = hashing;
        this.suspensions = suspensions;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        OrganizationId organization = CurrentMunicipality.find().map(m -> m.id()).orElse(null);
        Optional<StoredAccount> found = organization == null ? Optional.empty()
            : Login.parse(attempt.getName()).flatMap(login -> accounts.findByLogin(organization, login));
        if (found.isEmpty()) {
            hashing.matchNothing(password);
            throw new BadCredentialsException("no such account");
        }
        StoredAccount account = found.get();
        Instant now = clock.instant();
        if (account.lockedAt(now)) {
            throw new LockedException("locked");
        }
        if (!hashing.matches(password, account.passwordHash())) {
            if (accounts.recordFailedSignIn(organization, account.id(), FAILURES_BEFORE_LOCK, now.plus(LOCK))) {
                throw new LockedException("locked now");
            }
            throw new BadCredentialsException("wrong password");
        }
        accounts.clearFailedSignIns(organization, account.id());
        if (!account.confirmed()) {
            throw new DisabledException("not confirmed");
        }
        // told only after the right password, so the refusal reveals nothing to someone guessing
        if (suspensions.isSuspended(organization, account.id())) {
            throw new AccountSuspended();
        }
        SignedInAccount principal = sessions.current(organization, account.id())
            .orElseThrow(() -> new BadCredentialsException("account gone"));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null,
            principal.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
