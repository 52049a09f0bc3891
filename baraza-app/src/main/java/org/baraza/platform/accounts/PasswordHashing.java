package org.baraza.platform.accounts;

import java.util.concurrent.Semaphore;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id password hashes (OWASP parameters: 19 MiB, 2 iterations, 1 lane). Argon2 is
 * memory-hard on purpose, so at most a few hashes run at once: a burst of 200 sign-ins waits a
 * little instead of asking for 4 GB of heap on a small server.
 */
@Component
class PasswordHashing {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;

    private final Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
    private final Semaphore running = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);
    /** Compared against when no account matches, so a sign-in takes as long whether or not the login exists. */
    private final String decoy;

    PasswordHashing() {
        this.decoy = argon2.encode("no account has this password");
    }

    String hash(String password) {
        running.acquireUninterruptibly();
        try {
            return argon2.encode(password);
        } finally {
            running.release();
        }
    }

    boolean matches(String password, String hash) {
        if (password == null || hash == null || password.length() > MAX_LENGTH) {
            return false;
        }
        running.acquireUninterruptibly();
        try {
            return argon2.matches(password, hash);
        } finally {
            running.release();
        }
    }

    /** Spends the time of a real comparison, for a login that has no account. */
    void matchNothing(String password) {
        matches(password == null ? "" : password, decoy);
    }
}
