package org.baraza.platform;

import java.util.List;

/**
 * Who holds which role in a municipality, granted and revoked by its admins. Every grant and
 * revoke is written to the {@link AuditTrail} in the same transaction. Every account is a
 * RESIDENT without being granted it, so RESIDENT is neither granted nor revoked here; only a
 * platform admin may grant or revoke PLATFORM_ADMIN.
 */
public interface RoleAssignments {

    /**
     * Gives {@code role} to the account (for STAFF, in {@code departmentId}, which may be null); granting a
     * role the account holds again only changes its department.
     *
     * @throws Refused with the reason, when the grant is not allowed; nothing is changed then
     */
    void grant(OrganizationId organization, long accountId, Role role, Long departmentId, long actorAccountId);

    /** Takes {@code role} away; revoking a role the account does not hold changes nothing. @throws Refused as for grant */
    void revoke(OrganizationId organization, long accountId, Role role, long actorAccountId);

    /** Every explicit role assignment in the municipality, by display name. */
    List<RoleAssignment> list(OrganizationId organization);

    /** One role held by one account; {@code departmentId} only for STAFF limited to a department. */
    record RoleAssignment(long accountId, String displayName, Role role, Long departmentId) {
    }

    /** Why a grant or revoke was refused; {@link #messageKey()} is a translated message in the accounts bundle. */
    enum Reason {
        UNKNOWN_ACCOUNT, UNKNOWN_DEPARTMENT, RESIDENT_IS_IMPLICIT, ONLY_PLATFORM_ADMIN, NOT_AN_ADMIN, LAST_ADMIN;

        public String messageKey() {
            return "roles.refused." + name();
        }
    }

    /** A grant or revoke that was refused, nothing having changed. */
    final class Refused extends RuntimeException {
        private final Reason reason;

        public Refused(Reason reason) {
            super("role change refused: " + reason);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }
}
