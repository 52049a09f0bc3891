package org.baraza.platform;

import java.util.Optional;

/**
 * Suspends accounts of one municipality: a suspended account cannot sign in (it is told why, in its
 * language) and its open sessions end at once. Moderators' blocks use it. Each step is audited, in the
 * caller's transaction.
 */
public interface AccountSuspensions {

    /**
     * Suspends the account, with a reason shown to its holder when they try to sign in.
     *
     * @return false if there is no such account here, or it is suspended already
     */
    boolean suspend(OrganizationId organization, long accountId, long actorAccountId, String reason);

    /** Lets the account sign in again. @return false if it was not suspended */
    boolean lift(OrganizationId organization, long accountId, long actorAccountId);

    boolean isSuspended(OrganizationId organization, long accountId);

    /** The reason given when the account was suspended; empty if it is not suspended. */
    Optional<String> reason(OrganizationId organization, long accountId);
}
