package org.baraza.platform;

import java.time.Instant;
import java.util.Optional;

/**
 * Finds accounts of one municipality, for officers and admins who must pick a person. Answers
 * carry the public display name and a masked login only: never the full e-mail, phone or legal name.
 */
public interface AccountDirectory {

    /** The account whose login (e-mail, any case, or mobile number in any usual spelling) this is, in this municipality only. */
    Optional<AccountSummary> findByLogin(OrganizationId organization, String emailOrPhone);

    Optional<AccountSummary> find(OrganizationId organization, long accountId);

    /** When the account was registered, e.g. for limits on new accounts; empty if there is no such account here. */
    Optional<Instant> createdAt(OrganizationId organization, long accountId);

    /**
     * The language to write to the resident in when they are not on a page (a code such as {@code fr}): the
     * one they chose, else their municipality's default; empty if there is no such account here.
     */
    Optional<String> language(OrganizationId organization, long accountId);

    /**
     * @param maskedLogin e.g. {@code j***@e***.org} or {@code +254******678}; empty for a deleted account
     * @param confirmed whether the resident proved the login is theirs with a one-time code
     */
    record AccountSummary(long accountId, String displayName, String maskedLogin, boolean confirmed) {
    }
}
