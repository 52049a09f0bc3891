package org.baraza.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.baraza.IntegrationTest;
import org.baraza.platform.Role;
import org.baraza.platform.tenancy.TestMunicipalities;
import org.baraza.platform.tenancy.TestMunicipalities.TestMunicipality;
import org.baraza.platform.web.HttpVisitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Removing a department drops the staff roles limited to it, and each dropped role is in the audit log. */
@IntegrationTest
class DepartmentRemovalIT {

    @LocalServerPort
    int port;
    @Autowired
    TestMunicipalities municipalities;
    @Autowired
    JdbcClient jdbc;

    @Test
    void eachStaffRoleDroppedWithItsDepartmentIsAuditedAsRevoked() {
        TestMunicipality town = municipalities.create("Departia");
        long department = jdbc.sql("SELECT id FROM department WHERE organization_id = :org AND code = :code")
            .param("org", town.id().value()).param("code", town.departmentCode()).query(Long.class).single();
        List<Long> staff = List.of(
            municipalities.accountId(town.id(), municipalities.account(town.id())),
            municipalities.accountId(town.id(), municipalities.account(town.id())));
        for (long account : staff) {
            jdbc.sql("""
                    INSERT INTO role_assignment (organization_id, account_id, role, department_id, granted_at)
                    VALUES (:org, :account, 'STAFF', :department, now())""")
                .param("org", town.id().value()).param("account", account).param("department", department).update();
        }
        HttpVisitor admin = new HttpVisitor(town.host(), port);
        admin.signIn(municipalities.account(town.id(), Role.ADMIN), TestMunicipalities.PASSWORD);
        String page = "/admin/departments/" + department;

        assertThat(admin.submit(page, page + "/remove", Map.of()).statusCode()).isEqualTo(302);

        assertThat(jdbc.sql("SELECT count(*) FROM role_assignment WHERE organization_id = :org AND role = 'STAFF'")
            .param("org", town.id().value()).query(Long.class).single()).isZero();
        for (long account : staff) {
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM audit_entry WHERE organization_id = :org AND action = 'role.revoked'
                       AND target = :target""")
                .param("org", town.id().value()).param("target", "account:" + account).query(Long.class).single())
                .as("revocation of account %d", account).isEqualTo(1);
        }
        assertThat(municipalities.auditEntries(town.id(), "department.removed")).isEqualTo(1);
    }
}
