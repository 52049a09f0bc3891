package org.baraza.platform.console;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.baraza.IntegrationTest;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.Role;
import org.baraza.platform.tenancy.MunicipalityDirectory;
import org.baraza.platform.tenancy.TestMunicipalities;
import org.baraza.platform.web.HttpVisitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class PlatformConsoleIT {

    @LocalServerPort
    int port;

    @Autowired
    TestMunicipalities municipalities;

    @Autowired
    MunicipalityDirectory directory;

    /** A platform admin of its own, so no other test's choice of language (kept in the account) leaks in. */
    HttpVisitor platformAdmin() {
        HttpVisitor visitor = new HttpVisitor("localhost", port);
        String login = municipalities.account(municipalities.demoCity(), Role.PLATFORM_ADMIN);
        assertThat(visitor.signIn(login, TestMunicipalities.PASSWORD).statusCode()).isEqualTo(302);
        return visitor;
    }

    static List<String[]> fields(String slug, String name, String hosts, String... languages) {
        List<String[]> pairs = new ArrayList<>(List.of(new String[] {"slug", slug}, new String[] {"name", name},
            new String[] {"hosts", hosts}, new String[] {"defaultLanguage", languages[0]},
            new String[] {"timeZone", "Africa/Dar_es_Salaam"}, new String[] {"primaryColour", "#AA3300"}));
        for (String language : languages) {
            pairs.add(new String[] {"enabledLanguages", language});
        }
        return pairs;
    }

    @Test
    void platformAdminCreatesAMunicipalityThatIsServedAtItsNewHost() {
        HttpVisitor console = platformAdmin();
        String host = TestMunicipalities.nextHost();

        HttpResponse<String> created = console.submitPairs("/platform/municipalities/new", "/platform/municipalities",
            fields("lakeside-" + port, "Lakeside Borough", host.toUpperCase() + "\n", "sw", "en"));

        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElseThrow()).contains("/platform/municipalities/");
        HttpResponse<String> home = new HttpVisitor(host, port).get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Lakeside Borough").contains("lang=\"sw\"");
        HttpResponse<String> api = new HttpVisitor(host, port).get("/api/v1/municipality");
        assertThat(api.body()).contains("\"name\":\"Lakeside Borough\"", "\"timeZone\":\"Africa/Dar_es_Salaam\"",
            "\"primaryColour\":\"#aa3300\"", "\"languages\":[\"sw\",\"en\"]");
        OrganizationId id = directory.forHost(host).orElseThrow().id();
        assertThat(municipalities.auditEntries(id, "municipality.created")).isEqualTo(1);
        assertThat(console.follow(created).body()).contains("Lakeside Borough is created");
    }

    @Test
    void aHostUsedByAnotherMunicipalityIsRefusedWithItsNameAndNothingIsCreated() {
        HttpVisitor console = platformAdmin();
        int before = directory.all().size();

        HttpResponse<String> refused = console.submitPairs("/platform/municipalities/new", "/platform/municipalities",
            fields("copycat-" + port, "Copycat", "new-place.example\nLocalhost", "en"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("The host name localhost already belongs to Demo City")
            .contains("class=\"error-summary\"").contains("href=\"#hosts\"").contains("id=\"hosts-error\"");
        assertThat(directory.all()).hasSize(before);
        assertThat(directory.forHost("new-place.example")).isEmpty();
    }

    @Test
    void everyBadFieldIsReportedAtOnceAndNothingIsCreated() {
        HttpVisitor console = platformAdmin();
        int before = directory.all().size();
        List<String[]> pairs = new ArrayList<>(List.of(new String[] {"slug", "Not A Slug!"}, new String[] {"name", ""},
            new String[] {"hosts", "bad_host!"}, new String[] {"defaultLanguage", "fr"},
            new String[] {"enabledLanguages", "en"}, new String[] {"timeZone", "Mars/Olympus_Mons"},
            new String[] {"primaryColour", "red"}));

        HttpResponse<String> refused = console.submitPairs("/platform/municipalities/new", "/platform/municipalities", pairs);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("href=\"#slug\"", "href=\"#name\"", "href=\"#hosts\"", "href=\"#defaultLanguage\"",
            "href=\"#timeZone\"", "href=\"#primaryColour\"");
        assertThat(directory.all()).hasSize(before);
    }

    @Test
    void editingAMunicipalityChangesItsHostsAtOnce() {
        TestMunicipalities.TestMunicipality town = municipalities.create("Editable");
        HttpVisitor console = platformAdmin();
        String newHost = TestMunicipalities.nextHost();
        String page = "/platform/municipalities/" + town.id().value();

        HttpResponse<String> saved = console.submitPairs(page, page, fields("ignored", "Edited Town", newHost, "fr", "fr", "en"));

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(new HttpVisitor(newHost, port).get("/api/v1/municipality").body()).contains("\"name\":\"Edited Town\"");
        assertThat(new HttpVisitor(town.host(), port).get("/").statusCode()).isEqualTo(404);
        assertThat(municipalities.auditEntries(town.id(), "municipality.configured")).isEqualTo(1);
    }

    @Test
    void aLogoMustReallyBeASmallImageAndIsServedWithItsType() {
        TestMunicipalities.TestMunicipality town = municipalities.create("Logoville");
        HttpVisitor console = platformAdmin();
        String page = "/platform/municipalities/" + town.id().value();

        HttpResponse<String> notAnImage = console.upload(page, page + "/logo", "logo", "logo.png",
            "<svg onload=alert(1)>".getBytes());
        HttpResponse<String> fakePng = console.upload(page, page + "/logo", "logo", "logo.png",
            new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3});
        HttpResponse<String> huge = console.upload(page, page + "/logo", "logo", "logo.png", HttpVisitor.png(3000, 10));

        assertThat(notAnImage.statusCode()).isEqualTo(400);
        assertThat(notAnImage.body()).contains("not a PNG or JPEG image");
        assertThat(fakePng.statusCode()).isEqualTo(400);
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body()).contains("2,048 pixels");
        assertThat(new HttpVisitor(town.host(), port).get("/logo").statusCode()).isEqualTo(404);

        HttpResponse<String> accepted = console.upload(page, page + "/logo", "logo", "logo.png", HttpVisitor.png(64, 64));

        assertThat(accepted.statusCode()).isEqualTo(302);
        HttpResponse<String> logo = new HttpVisitor(town.host(), port).get("/logo");
        assertThat(logo.statusCode()).isEqualTo(200);
        assertThat(logo.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(new HttpVisitor(town.host(), port).get("/").body()).contains("src=\"/logo\"");
        assertThat(municipalities.auditEntries(town.id(), "municipality.logoChanged")).isEqualTo(1);
    }

    @Test
    void anAdminOfAMunicipalityCannotReachTheConsole() {
        HttpVisitor admin = new HttpVisitor("localhost", port);
        admin.signIn(municipalities.account(municipalities.demoCity(), Role.ADMIN), TestMunicipalities.PASSWORD);

        HttpResponse<String> denied = admin.get("/platform");

        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains("You cannot do this");
    }

    @Test
    void anUnknownOrMalformedMunicipalityIdIsA4xxPage() {
        HttpVisitor console = platformAdmin();

        assertThat(console.get("/platform/municipalities/99999999").statusCode()).isEqualTo(404);
        assertThat(console.get("/platform/municipalities/abc").statusCode()).isEqualTo(400);
    }

    @Test
    void theOperatorMakesAResidentOfANewMunicipalityItsFirstAdministrator() {
        TestMunicipalities.TestMunicipality town = municipalities.create("Firstadmin");
        String login = municipalities.account(town.id());
        HttpVisitor person = new HttpVisitor(town.host(), port);
        person.signIn(login, TestMunicipalities.PASSWORD);
        assertThat(person.get("/admin").statusCode()).isEqualTo(403);
        HttpVisitor console = platformAdmin();
        String page = "/platform/municipalities/" + town.id().value();

        HttpResponse<String> unknown = console.submit(page, page + "/admins", java.util.Map.of("login", "nobody@example.org"));
        HttpResponse<String> made = console.submit(page, page + "/admins", java.util.Map.of("login", login));

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("No account of Firstadmin Municipality signs in with this login.");
        assertThat(made.statusCode()).isEqualTo(302);
        assertThat(person.get("/admin").statusCode()).isEqualTo(200);
        assertThat(municipalities.auditEntries(town.id(), "role.granted")).isEqualTo(1);
    }
}
