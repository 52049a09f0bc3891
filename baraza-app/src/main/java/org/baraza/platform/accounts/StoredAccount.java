package org.baraza.platform.accounts;

import java.time.Instant;
import org.baraza.platform.OrganizationId;

/** An account row as stored; {@code login} and {@code passwordHash} are null once the account is deleted. */
record StoredAccount(long id, OrganizationId organization, Login login, String passwordHash, String displayName,
                     String legalName, String language, Instant confirmedAt, int failedSignIns, Instant lockedUntil,
                     Instant createdAt, Instant deletedAt) {

    boolean confirmed() {
        return confirmedAt != null;
    }

    boolean deleted() {
        return deletedAt != null;
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
