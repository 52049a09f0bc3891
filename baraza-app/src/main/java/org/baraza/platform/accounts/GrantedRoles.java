package org.baraza.platform.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baraza.platform.AuditTrail;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.Role;
import org.baraza.platform.RoleAssignments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link RoleAssignments} in the role_assignment table. The service checks the actor itself, not
 * only the URL rules in front of it: only a municipality's admins (or a platform admin) change its
 * roles, only platform admins touch PLATFORM_ADMIN, and the last admin of a municipality stays.
 */
@Component
class GrantedRoles implements RoleAssignments {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    GrantedRoles(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void grant(OrganizationId organization, long accountId, Role role, Long departmentId, long actorAccountId) {
        permit(organization, role, actorAccountId);
        requireLiveAccount(organization, accountId);
        Long department = role == Role.STAFF ? departmentId : null;
        if (department != null && jdbc.sql("SELECT count(*) FROM department WHERE organization_id = :org AND id = :id")
            .param("org", organization.value()).param("id", department).query(Long.class).single() == 0) {
            throw new Refused(Reason.UNKNOWN_DEPARTMENT);
        }
        jdbc.sql("""
                INSERT INTO role_assignment (organization_id, account_id, role, department_id, granted_at)
                VALUES (:org, :account, :role, :department, :now)
                ON CONFLICT (organization_id, account_id, role) DO UPDATE SET department_id = EXCLUDED.department_id""")
            .param("org", organization.value()).param("account", accountId).param("role", role.name())
            .param("department", department, java.sql.Types.BIGINT).param("now", Timestamp.from(clock.instant()))
            .update();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("role", role.name());
        if (department != null) {
            details.put("department", department.toString());
        }
        audit.record(organization, actorAccountId, "role.granted", "account:" + accountId, details);
    }

    @Override
    @Transactional
    public void revoke(OrganizationId organization, long accountId, Role role, long actorAccountId) {
        permit(organization, role, actorAccountId);
        if (role == Role.ADMIN) {
            // Locks every admin row of the municipality, so two admins revoking each other cannot both succeed.
            List<Long> admins = jdbc.sql("""
                    SELECT account_id FROM role_assignment WHERE organization_id = :org AND role = 'ADMIN' FOR UPDATE""")
                .param("org", organization.value()).query(Long.class).list();
            if (admins.size() == 1 && admins.get(0) == accountId) {
                throw new Refused(Reason.LAST_ADMIN);
            }
        }
        int removed = jdbc.sql("DELETE FROM role_assignment WHERE organization_id = :org AND account_id = :account AND role = :role")
            .param("org", organization.value()).param("account", accountId).param("role", role.name()).update();
        if (removed > 0) {
            audit.record(organization, actorAccountId, "role.revoked", "account:" + accountId, Map.of("role", role.name()));
        }
    }

    @Override
    public List<RoleAssignment> list(OrganizationId organization) {
        return jdbc.sql("""
                SELECT r.account_id, a.display_name, r.role, r.department_id
                  FROM role_assignment r JOIN account a ON a.organization_id = r.organization_id AND a.id = r.account_id
                 WHERE r.organization_id = :org
                 ORDER BY a.display_name, r.account_id, r.role""")
            .param("org", organization.value())
            .query((rs, row) -> new RoleAssignment(rs.getLong("account_id"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), (Long) rs.getObject("department_id")))
            .list();
    }

    private void permit(OrganizationId organization, Role role, long actorAccountId) {
        if (role == Role.RESIDENT) {
            throw new Refused(Reason.RESIDENT_IS_IMPLICIT);
        }
        boolean platformAdmin = jdbc.sql("SELECT count(*) FROM role_assignment WHERE account_id = :actor AND role = 'PLATFORM_ADMIN'")
            .param("actor", actorAccountId).query(Long.class).single() > 0;
        if (role == Role.PLATFORM_ADMIN && !platformAdmin) {
            throw new Refused(Reason.ONLY_PLATFORM_ADMIN);
        }
        boolean admin = platformAdmin || jdbc.sql("""
                SELECT count(*) FROM role_assignment WHERE organization_id = :org AND account_id = :actor AND role = 'ADMIN'""")
            .param("org", organization.value()).param("actor", actorAccountId).query(Long.class).single() > 0;
        if (!admin) {
            throw new Refused(Reason.NOT_AN_ADMIN);
        }
    }

    private void requireLiveAccount(OrganizationId organization, long accountId) {
        if (jdbc.sql("SELECT count(*) FROM account WHERE organization_id = :org AND id = :id AND deleted_at IS NULL")
            .param("org", organization.value()).param("id", accountId).query(Long.class).single() == 0) {
            throw new Refused(Reason.UNKNOWN_ACCOUNT);
        }
    }
}
