package org.baraza.platform.api;

import java.net.http.HttpResponse;
import org.baraza.IntegrationTest;
import org.baraza.platform.tenancy.TestMunicipalities;
import org.baraza.platform.tenancy.TestMunicipalities.TestMunicipality;
import org.baraza.platform.web.HttpVisitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The public JSON API as docs/api.md describes it, and its errors as problem+json. */
@IntegrationTest
class MunicipalityApiIT {

    @LocalServerPort
    int port;

    @Autowired
    TestMunicipalities municipalities;

    @Test
    void theMunicipalityOfTheHostIsDescribed() {
        TestMunicipality town = municipalities.create("Apiton");

        HttpResponse<String> response = new HttpVisitor(town.host(), port).get("/api/v1/municipality");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"slug\":\"" + town.slug() + "\",\"name\":\"Apiton Municipality\","
            + "\"defaultLanguage\":\"en\",\"languages\":[\"en\",\"fr\",\"ar\"],\"timeZone\":\"Africa/Nairobi\","
            + "\"primaryColour\":\"#224466\",\"logo\":null,"
            + "\"links\":{\"districts\":\"/api/v1/districts\",\"departments\":\"/api/v1/departments\"}}");
    }

    @Test
    void districtsAreAGeoJsonFeatureCollectionAndEachAFeature() {
        TestMunicipality town = municipalities.create("Geoton");
        HttpVisitor client = new HttpVisitor(town.host(), port);

        HttpResponse<String> all = client.get("/api/v1/districts");
        HttpResponse<String> one = client.get("/api/v1/districts/" + town.districtCode());

        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Type")).hasValue("application/geo+json");
        assertThat(all.body()).startsWith("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\""
            + town.districtCode() + "\",\"properties\":{\"code\":\"" + town.districtCode() + "\",\"name\":\"Geoton District\"},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[36.0,-1.0],");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.headers().firstValue("Content-Type")).hasValue("application/geo+json");
        assertThat(one.body()).startsWith("{\"type\":\"Feature\",\"id\":\"" + town.districtCode() + "\"");
        assertThat(client.get("/api/v1/districts", "Accept", "application/json").statusCode()).isEqualTo(200);
    }

    @Test
    void departmentsAreListedByCodeAndName() {
        TestMunicipality town = municipalities.create("Deptford");

        HttpResponse<String> response = new HttpVisitor(town.host(), port).get("/api/v1/departments");

        assertThat(response.body()).isEqualTo("{\"departments\":[{\"code\":\"" + town.departmentCode()
            + "\",\"name\":\"Deptford Department\"}]}");
    }

    @Test
    void answersCarryAnETagAndAreNotSentAgainWhenUnchanged() {
        HttpVisitor client = new HttpVisitor("localhost", port);
        HttpResponse<String> first = client.get("/api/v1/districts");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = client.get("/api/v1/districts", "If-None-Match", etag);

        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=300").contains("public");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void anUnknownDistrictIsA404ProblemInTheAskedLanguage() {
        HttpResponse<String> response = new HttpVisitor("localhost", port).get("/api/v1/districts/atlantis",
            "Accept-Language", "fr-CA, fr;q=0.9, en;q=0.5");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Content-Language")).hasValue("fr");
        assertThat(response.body()).contains("\"status\":404", "\"title\":\"Page introuvable\"",
            "\"detail\":\"Aucun quartier n’a le code « atlantis ».\"", "\"instance\":\"/api/v1/districts/atlantis\"");
    }

    @Test
    void everyApiErrorIsAProblemNeverAPageOrA500() {
        HttpVisitor client = new HttpVisitor("localhost", port);

        HttpResponse<String> missing = client.get("/api/v1/no-such-thing", "Accept-Language", "ar");
        HttpResponse<String> unacceptable = client.get("/api/v1/districts", "Accept", "text/html");
        HttpResponse<String> hostileCode = client.get("/api/v1/districts/%3Cscript%3Ealert(1)%27%3B%20DROP%20TABLE%20district--");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(missing.body()).contains("الصفحة غير موجودة");
        assertThat(unacceptable.statusCode()).isEqualTo(406);
        assertThat(unacceptable.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(unacceptable.body()).contains("\"status\":406", "application/geo+json");
        assertThat(hostileCode.statusCode()).isBetween(400, 404);
        assertThat(hostileCode.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aWriteToTheReadOnlyApiIsRefusedAsAProblem() {
        HttpResponse<String> response = new HttpVisitor("localhost", port).send("DELETE", "/api/v1/districts");

        assertThat(response.statusCode()).isIn(403, 405);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void anUnknownHostGetsA404ProblemFromTheApiAndA404PageElsewhere() {
        HttpVisitor stranger = new HttpVisitor(TestMunicipalities.nextHost(), port);

        HttpResponse<String> api = stranger.get("/api/v1/municipality", "Accept-Language", "sw");
        HttpResponse<String> page = stranger.get("/", "Accept-Language", "ar");

        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(api.body()).contains("\"status\":404");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("dir=\"rtl\"").contains("لا توجد بلدية هنا");
    }
}
