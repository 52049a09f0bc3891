package org.baraza.platform.accounts;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.Role;
import org.baraza.platform.SignedInAccount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The signed-in account as it is now: the security filter asks on every request, so a revoked
 * role, a changed display name, a deleted or a suspended account takes effect at once, not at the next sign-in.
 */
@Component
public class AccountSessions {

    private final JdbcClient jdbc;

    AccountSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The live, confirmed, not suspended account with its roles (RESIDENT always among them); empty otherwise. */
    public Optional<SignedInAccount> current(OrganizationId organization, long accountId) {
        List<Row> rows = jdbc.sql("""
                SELECT a.display_name, r.role, r.department_id
                  FROM account a
                  LEFT JOIN role_assignment r ON r.organization_id = a.organization_id AND r.account_id = a.id
                 WHERE a.organization_id = :org AND a.id = :id AND a.deleted_at IS NULL AND a.confirmed_at IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM account_suspension s WHERE s.organization_id = a.organization_id
                                   AND s.account_id = a.id)""")
            .param("org", organization.value()).param("id", accountId)
            .query((rs, n) -> new Row(rs.getString("display_name"), rs.getString("role"), (Long) rs.getObject("department_id")))
            .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        EnumSet<Role> roles = EnumSet.of(Role.RESIDENT);
        Long department = null;
        for (Row row : rows) {
            if (row.role() != null) {
                roles.add(Role.valueOf(row.role()));
            }
            if (row.departmentId() != null) {
                department = row.departmentId();
            }
        }
        return Optional.of(new SignedInAccount(accountId, organization, rows.get(0).displayName(), roles, department));
    }

    private record Row(String displayName, String role, Long departmentId) {
    }
}
