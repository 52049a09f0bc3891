package org.baraza.platform.admin;

import java.net.http.HttpResponse;
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

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class RolesPageIT {

    @LocalServerPort
    int port;

    @Autowired
    TestMunicipalities municipalities;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdminFindsAPersonByLoginGrantsAndRevokesARoleAndBothAreAudited() {
        TestMunicipality town = municipalities.create("Roleton");
        String adminLogin = municipalities.account(town.id(), Role.ADMIN);
        String residentLogin = municipalities.account(town.id());
        long resident = municipalities.accountId(town.id(), residentLogin);
        HttpVisitor admin = new HttpVisitor(town.host(), port);
        admin.signIn(adminLogin, TestMunicipalities.PASSWORD);

        HttpResponse<String> found = admin.submit("/admin/roles", "/admin/roles/find", Map.of("login", residentLogin.toUpperCase()));

        assertThat(found.statusCode()).isEqualTo(302);
        String location = found.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/admin/roles?account=" + resident).doesNotContain("example.org");
        String page = admin.follow(found).body();
        assertThat(page).doesNotContain(residentLogin).contains("***");

        String department = jdbc.sql("SELECT id FROM department WHERE organization_id = :org")
            .param("org", town.id().value()).query(Long.class).single().toString();
        HttpResponse<String> granted = admin.submit("/admin/roles?account=" + resident, "/admin/roles/grant",
            Map.of("account", Long.toString(resident), "role", "STAFF", "department", department));

        assertThat(granted.statusCode()).isEqualTo(302);
        assertThat(admin.follow(granted).body()).contains("Staff").contains(town.departmentName());
        assertThat(municipalities.auditEntries(town.id(), "role.granted")).isEqualTo(1);
        String details = jdbc.sql("SELECT target || ' ' || details FROM audit_entry WHERE organization_id = :org AND action = 'role.granted'")
            .param("org", town.id().value()).query(String.class).single();
        assertThat(details).contains("account:" + resident).doesNotContain(residentLogin);

        HttpResponse<String> revoked = admin.submit("/admin/roles?account=" + resident, "/admin/roles/revoke",
            Map.of("account", Long.toString(resident), "role", "STAFF"));

        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(municipalities.auditEntries(town.id(), "role.revoked")).isEqualTo(1);
        assertThat(admin.follow(revoked).body()).contains("No role besides resident.");
    }

    @Test
    void anUnknownLoginIsAClearMessageAndNeverInTheUrl() {
        TestMunicipality town = municipalities.create("Searchville");
        HttpVisitor admin = new HttpVisitor(town.host(), port);
        admin.signIn(municipalities.account(town.id(), Role.ADMIN), TestMunicipalities.PASSWORD);

        HttpResponse<String> notFound = admin.submit("/admin/roles", "/admin/roles/find", Map.of("login", "nobody@example.org"));
        HttpResponse<String> empty = admin.submit("/admin/roles", "/admin/roles/find", Map.of("login", " "));

        assertThat(notFound.statusCode()).isEqualTo(400);
        assertThat(notFound.body()).contains("No account of this municipality signs in with this login.");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Enter the person’s e-mail address or mobile number.");
    }

    @Test
    void anAccountOfAnotherMunicipalityCannotBeFoundOrChanged() {
        TestMunicipality here = municipalities.create("Hereford");
        TestMunicipality there = municipalities.create("Thereford");
        String stranger = municipalities.account(there.id());
        long strangerId = municipalities.accountId(there.id(), stranger);
        HttpVisitor admin = new HttpVisitor(here.host(), port);
        admin.signIn(municipalities.account(here.id(), Role.ADMIN), TestMunicipalities.PASSWORD);

        assertThat(admin.submit("/admin/roles", "/admin/roles/find", Map.of("login", stranger)).statusCode()).isEqualTo(400);
        assertThat(admin.get("/admin/roles?account=" + strangerId).statusCode()).isEqualTo(404);
        assertThat(admin.submit("/admin/roles", "/admin/roles/grant",
            Map.of("account", Long.toString(strangerId), "role", "ADMIN")).statusCode()).isEqualTo(404);
        assertThat(municipalities.auditEntries(there.id(), "role.granted")).isZero();
    }

    @Test
    void theLastAdminCannotRevokeThemselvesAndIsToldWhy() {
        TestMunicipality town = municipalities.create("Lastadmin");
        String adminLogin = municipalities.account(town.id(), Role.ADMIN);
        long adminId = municipalities.accountId(town.id(), adminLogin);
        HttpVisitor admin = new HttpVisitor(town.host(), port);
        admin.signIn(adminLogin, TestMunicipalities.PASSWORD);

        HttpResponse<String> refused = admin.submit("/admin/roles?account=" + adminId, "/admin/roles/revoke",
            Map.of("account", Long.toString(adminId), "role", "ADMIN"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("class=\"error-summary\"");
        assertThat(municipalities.auditEntries(town.id(), "role.revoked")).isZero();
    }
}
