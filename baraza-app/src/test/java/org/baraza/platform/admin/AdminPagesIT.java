package org.baraza.platform.admin;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.baraza.IntegrationTest;
import org.baraza.platform.Role;
import org.baraza.platform.tenancy.TestMunicipalities;
import org.baraza.platform.tenancy.TestMunicipalities.TestMunicipality;
import org.baraza.platform.web.HttpVisitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin dashboard, branding and departments pages, as an admin and as anyone else. */
@IntegrationTest
class AdminPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    TestMunicipalities municipalities;

    TestMunicipality town;
    HttpVisitor admin;

    @BeforeEach
    void signInAsAdmin() {
        town = municipalities.create("Adminia");
        admin = new HttpVisitor(town.host(), port);
        admin.signIn(municipalities.account(town.id(), Role.ADMIN), TestMunicipalities.PASSWORD);
    }

    @Test
    void theDashboardLinksEveryAdminArea() {
        HttpResponse<String> dashboard = admin.get("/admin");

        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("href=\"/admin/municipality\"", "href=\"/admin/districts\"",
            "href=\"/admin/departments\"", "href=\"/admin/roles\"", "href=\"/admin/census\"", "href=\"/admin/audit\"");
    }

    @Test
    void onlyAdminsOfThisMunicipalityReachTheAdminPages() {
        HttpVisitor resident = new HttpVisitor(town.host(), port);
        resident.signIn(municipalities.account(town.id()), TestMunicipalities.PASSWORD);
        HttpVisitor anonymous = new HttpVisitor(town.host(), port);

        for (String path : List.of("/admin", "/admin/municipality", "/admin/districts", "/admin/departments", "/admin/roles",
            "/admin/districts/export")) {
            assertThat(resident.get(path).statusCode()).as(path).isEqualTo(403);
            assertThat(anonymous.get(path).statusCode()).as(path).isEqualTo(302);
        }
    }

    @Test
    void brandingChangesTheNameColourAndLanguagesAndIsAudited() {
        HttpResponse<String> saved = admin.submitPairs("/admin/municipality", "/admin/municipality", List.of(
            new String[] {"name", "Adminia City"}, new String[] {"primaryColour", "#112233"},
            new String[] {"enabledLanguages", "fr"}, new String[] {"enabledLanguages", "ar"},
            new String[] {"defaultLanguage", "ar"}));

        assertThat(saved.statusCode()).isEqualTo(302);
        HttpResponse<String> home = new HttpVisitor(town.host(), port).get("/");
        assertThat(home.body()).contains("Adminia City").contains("lang=\"ar\"").contains("dir=\"rtl\"");
        assertThat(new HttpVisitor(town.host(), port).get("/branding.css").body()).contains("#112233");
        assertThat(municipalities.auditEntries(town.id(), "municipality.configured")).isEqualTo(1);
    }

    @Test
    void badBrandingIsRefusedWholeWithEveryProblem() {
        HttpResponse<String> refused = admin.submitPairs("/admin/municipality", "/admin/municipality", List.of(
            new String[] {"name", "x".repeat(201)}, new String[] {"primaryColour", "javascript:alert(1)"},
            new String[] {"defaultLanguage", "en"}));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("href=\"#name\"", "href=\"#primaryColour\"", "href=\"#enabledLanguages\"");
        assertThat(new HttpVisitor(town.host(), port).get("/").body()).contains("Adminia Municipality");
        assertThat(municipalities.auditEntries(town.id(), "municipality.configured")).isZero();
    }

    @Test
    void departmentsAreCreatedRenamedAndRemovedWithAuditAndHostileNamesEscaped() {
        HttpResponse<String> created = admin.submit("/admin/departments", "/admin/departments",
            Map.of("code", "parks", "name", "<b>Parks</b> & \"Gardens\""));
        HttpResponse<String> duplicate = admin.submit("/admin/departments", "/admin/departments",
            Map.of("code", "parks", "name", "Again"));
        HttpResponse<String> bad = admin.submit("/admin/departments", "/admin/departments",
            Map.of("code", "Robert'); DROP TABLE department;--", "name", ""));

        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(duplicate.body()).contains("Another department already has the code “parks”.");
        assertThat(bad.statusCode()).isEqualTo(400);
        String list = admin.get("/admin/departments").body();
        assertThat(list).contains("&lt;b&gt;Parks&lt;/b&gt; &amp; &quot;Gardens&quot;").doesNotContain("<b>Parks</b>");
        assertThat(new HttpVisitor(town.host(), port).get("/api/v1/departments").body())
            .contains("\"name\":\"<b>Parks</b> & \\\"Gardens\\\"\"");
        String path = list.replaceAll("(?s).*href=\"(/admin/departments/\\d+)\">&lt;b&gt;Parks.*", "$1");
        assertThat(admin.submit(path, path, Map.of("code", "parks", "name", "Parks")).statusCode()).isEqualTo(302);
        assertThat(admin.submit(path, path + "/remove", Map.of()).statusCode()).isEqualTo(302);
        assertThat(municipalities.auditEntries(town.id(), "department.created")).isEqualTo(2);
        assertThat(municipalities.auditEntries(town.id(), "department.renamed")).isEqualTo(1);
        assertThat(municipalities.auditEntries(town.id(), "department.removed")).isEqualTo(1);
    }
}
