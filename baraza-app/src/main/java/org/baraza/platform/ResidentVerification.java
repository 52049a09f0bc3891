package org.baraza.platform;

import java.util.Optional;

/**
 * Whether an account belongs to a verified resident: someone whose document, birth date and district
 * matched a record of the municipality's census (by themselves, or in person with an officer). One
 * census record verifies at most one account, ever, so "one verified person, one vote" can rest on it.
 */
public interface ResidentVerification {

    boolean isVerified(OrganizationId organization, long accountId);

    /** The verified resident behind the account, with what eligibility rules need (district, age); empty if not verified. */
    Optional<VerifiedResident> verifiedResident(OrganizationId organization, long accountId);

    /**
     * The account a census document has verified, for an officer who has the person and their document
     * in front of them (the booth). Only the account id comes back; the number itself is never stored.
     */
    Optional<Long> accountVerifiedBy(OrganizationId organization, String documentNumber);

    /**
     * How many people the municipality's census counts now (0 before a census is loaded): the base of
     * thresholds set as a share of the population. A count only; no record is exposed.
     */
    long censusSize(OrganizationId organization);
}
