package org.baraza.platform.tenancy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.baraza.IntegrationTest;
import org.baraza.platform.Role;
import org.baraza.platform.tenancy.TestMunicipalities.TestMunicipality;
import org.baraza.platform.web.HttpVisitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing of municipality A shows at municipality B's host: not its name, districts or
 * departments, through any page or API, to a visitor or to B's own admin, and no id of A's
 * reaches A's data from B's host.
 */
@IntegrationTest
class TenantIsolationIT {

    @LocalServerPort
    int port;

    @Autowired
    TestMunicipalities municipalities;

    @Autowired
    DistrictsAndDepartments districtsAndDepartments;

    @Autowired
    Municipalities settings;

    @Test
    void dataOfOneMunicipalityNeverShowsAtAnothersHost() {
        TestMunicipality a = municipalities.create("Zanzibarika");
        TestMunicipality b = municipalities.create("Bordeauxville");
        settings.changeLogo(a.id(), HttpVisitor.png(32, 32), 0L);
        long aDistrict = districtsAndDepartments.districts(a.id()).get(0).id();
        long aDepartment = districtsAndDepartments.departments(a.id()).get(0).id();
        List<String> secretsOfA = List.of("Zanzibarika", a.slug(), a.districtCode(), a.departmentCode());

        HttpVisitor visitor = new HttpVisitor(b.host(), port);
        HttpVisitor adminOfB = new HttpVisitor(b.host(), port);
        assertThat(adminOfB.signIn(municipalities.account(b.id(), Role.ADMIN), TestMunicipalities.PASSWORD).statusCode())
            .isEqualTo(302);

        List<HttpResponse<String>> seen = new ArrayList<>();
        for (String path : List.of("/", "/branding.css", "/api/v1/municipality", "/api/v1/districts", "/api/v1/departments",
            "/api/v1/districts/" + a.districtCode(), "/logo", "/login")) {
            seen.add(visitor.get(path));
        }
        for (String path : List.of("/admin", "/admin/municipality", "/admin/districts", "/admin/districts/export",
            "/admin/departments", "/admin/roles", "/admin/districts/" + aDistrict, "/admin/departments/" + aDepartment)) {
            seen.add(adminOfB.get(path));
        }

        for (HttpResponse<String> response : seen) {
            String where = response.request().uri().getPath();
            assertThat(response.statusCode()).as(where).isLessThan(500);
            for (String secret : secretsOfA) {
                if (!where.contains(secret)) { // a 404 may name what was asked for, which is no leak
                    assertThat(response.body()).as(where).doesNotContain(secret);
                }
            }
        }
        assertThat(visitor.get("/api/v1/districts/" + a.districtCode()).statusCode()).isEqualTo(404);
        assertThat(visitor.get("/logo").statusCode()).isEqualTo(404);
        assertThat(adminOfB.get("/admin/districts/" + aDistrict).statusCode()).isEqualTo(404);
        assertThat(adminOfB.get("/admin/departments/" + aDepartment).statusCode()).isEqualTo(404);
        assertThat(seen.get(2).body()).contains("Bordeauxville Municipality");
        assertThat(seen.get(3).body()).contains("Bordeauxville District");
    }

    @Test
    void anAdminOfAnotherMunicipalityCannotChangeOrRemoveItsDistrictsAndDepartments() {
        TestMunicipality a = municipalities.create("Keepsake");
        TestMunicipality b = municipalities.create("Intruder");
        long aDistrict = districtsAndDepartments.districts(a.id()).get(0).id();
        long aDepartment = districtsAndDepartments.departments(a.id()).get(0).id();
        HttpVisitor adminOfB = new HttpVisitor(b.host(), port);
        adminOfB.signIn(municipalities.account(b.id(), Role.ADMIN), TestMunicipalities.PASSWORD);
        String token = adminOfB.csrfToken("/admin/districts");

        List<Integer> statuses = List.of(
            adminOfB.post("/admin/districts/" + aDistrict, Map.of("_csrf", token, "code", "taken", "name", "Taken")).statusCode(),
            adminOfB.post("/admin/districts/" + aDistrict + "/remove", Map.of("_csrf", token)).statusCode(),
            adminOfB.post("/admin/departments/" + aDepartment, Map.of("_csrf", token, "code", "taken", "name", "Taken")).statusCode(),
            adminOfB.post("/admin/departments/" + aDepartment + "/remove", Map.of("_csrf", token)).statusCode());

        assertThat(statuses).containsOnly(404);
        assertThat(districtsAndDepartments.district(a.id(), aDistrict).orElseThrow().name()).isEqualTo("Keepsake District");
        assertThat(districtsAndDepartments.department(a.id(), aDepartment).orElseThrow().name()).isEqualTo("Keepsake Department");
    }

    @Test
    void anAdminSessionDoesNotCarryToAnotherMunicipalitysHost() {
        TestMunicipality a = municipalities.create("Homebase");
        TestMunicipality b = municipalities.create("Elsewhere");
        HttpVisitor adminOfA = new HttpVisitor(a.host(), port);
        adminOfA.signIn(municipalities.account(a.id(), Role.ADMIN), TestMunicipalities.PASSWORD);
        assertThat(adminOfA.get("/admin").statusCode()).isEqualTo(200);

        HttpVisitor sameSessionAtB = new HttpVisitor(b.host(), port);
        String session = adminOfA.sessionCookie().orElseThrow();

        assertThat(sameSessionAtB.get("/admin", "Cookie", "SESSION=" + session).statusCode()).isEqualTo(302);
    }
}
