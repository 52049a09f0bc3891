package org.baraza.platform.verification;

import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Transaction-scoped advisory locks. A census upload merges under the exclusive census lock while
 * verifications hold it shared, so an upload never removes a record in the instant someone binds it.
 * Attempts of one account are counted under a lock of their own, so a burst of parallel guesses
 * cannot slip past the limit.
 */
@Component
class CensusLock {

    private static final int CENSUS = 0x43454e53;
    private static final int ATTEMPTS = 0x41545450;

    private final JdbcClient jdbc;

    CensusLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void exclusive(OrganizationId organization) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:ns, :key)").param("ns", CENSUS).param("key", key(organization.value()))
            .query(Object.class).single();
    }

    void shared(OrganizationId organization) {
        jdbc.sql("SELECT pg_advisory_xact_lock_shared(:ns, :key)").param("ns", CENSUS).param("key", key(organization.value()))
            .query(Object.class).single();
    }

    void attemptsOf(long accountId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:ns, :key)").param("ns", ATTEMPTS).param("key", key(accountId))
            .query(Object.class).single();
    }

    /** Folds a bigint id into the lock's int key; two ids that fold alike merely wait for each other. */
    private static int key(long id) {
        return (int) (id ^ (id >>> 32));
    }
}
