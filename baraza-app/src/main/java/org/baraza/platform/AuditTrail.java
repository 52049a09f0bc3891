package org.baraza.platform;

import java.util.Map;

/**
 * Records what staff, officers, moderators and admins do, in the caller's transaction: the entry
 * exists if and only if the action happened. Never put personal data (names, e-mails, phone
 * numbers, document numbers) in {@code target} or {@code details}: use ids.
 */
public interface AuditTrail {

    /**
     * @param organization the municipality acted on, or null for a platform-level action
     * @param actorAccountId the account that acted
     * @param action what was done, e.g. {@code census.imported}
     * @param target what it was done to, e.g. {@code district:12}
     * @param details a few non-personal facts, e.g. {@code rows=5000}
     */
    void record(OrganizationId organization, long actorAccountId, String action, String target, Map<String, String> details);
}
