package org.baraza.platform.admin;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Flow;
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

/** District files through the admin page: all or nothing, problems reported by feature number. */
@IntegrationTest
class DistrictImportIT {

    static final String SQUARE = "[[[36.0,-1.0],[36.1,-1.0],[36.1,-0.9],[36.0,-0.9],[36.0,-1.0]]]";
    static final String OTHER_SQUARE = "[[[37.0,-1.0],[37.1,-1.0],[37.1,-0.9],[37.0,-0.9],[37.0,-1.0]]]";

    @LocalServerPort
    int port;

    @Autowired
    TestMunicipalities municipalities;

    TestMunicipality town;
    HttpVisitor admin;

    @BeforeEach
    void signInAsAdmin() {
        town = municipalities.create("Importer");
        admin = new HttpVisitor(town.host(), port);
        assertThat(admin.signIn(municipalities.account(town.id(), Role.ADMIN), TestMunicipalities.PASSWORD).statusCode())
            .isEqualTo(302);
    }

    static String feature(String code, String name, String type, String coordinates) {
        return "{\"type\":\"Feature\",\"properties\":{\"code\":" + code + ",\"name\":" + name + "},\"geometry\":{\"type\":\""
            + type + "\",\"coordinates\":" + coordinates + "}}";
    }

    static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    HttpResponse<String> upload(String content) {
        return admin.upload("/admin/districts", "/admin/districts/import", "file", "districts.geojson",
            content.getBytes(StandardCharsets.UTF_8));
    }

    /** Asserts a refused import: 400, nothing stored, and the report names the feature. */
    void assertRefused(String content, String featureLabel, String message) {
        long before = municipalities.districtCount(town.id());
        long audited = municipalities.auditEntries(town.id(), "districts.imported");

        HttpResponse<String> response = upload(content);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Nothing was imported").contains(message);
        if (featureLabel != null) {
            assertThat(response.body()).contains("<strong>" + featureLabel + "</strong>");
        }
        assertThat(municipalities.districtCount(town.id())).isEqualTo(before);
        assertThat(municipalities.auditEntries(town.id(), "districts.imported")).isEqualTo(audited);
    }

    @Test
    void aSoundFileAddsAndReplacesDistrictsAndIsAudited() {
        HttpResponse<String> response = upload(collection(
            feature("\"" + town.districtCode() + "\"", "\"Renamed District\"", "Polygon", SQUARE),
            feature("\"east\"", "\"East Bank\"", "MultiPolygon", "[" + OTHER_SQUARE + "]")));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(admin.follow(response).body()).contains("1 districts added, 1 replaced").contains("East Bank");
        assertThat(municipalities.districtCount(town.id())).isEqualTo(2);
        assertThat(municipalities.auditEntries(town.id(), "districts.imported")).isEqualTo(2);
        assertThat(new HttpVisitor(town.host(), port).get("/api/v1/districts/east").body())
            .contains("\"name\":\"East Bank\"", "\"MultiPolygon\"");
    }

    @Test
    void textThatIsNotJsonImportsNothing() {
        assertRefused("code,name\nnorth,North\n", null, "This is not valid JSON (line 1, column");
    }

    @Test
    void aFileOfTheWrongTypeImportsNothing() {
        assertRefused("{\"type\":\"Feature\",\"properties\":{},\"geometry\":null}", null,
            "The file is not a GeoJSON FeatureCollection");
        assertRefused(collection(feature("\"a\"", "\"A\"", "Point", "[36.0,-1.0]")), "Feature 1",
            "only Polygon and MultiPolygon are accepted");
    }

    @Test
    void aSelfIntersectingPolygonImportsNothingAndNamesTheFeature() {
        assertRefused(collection(
                feature("\"fine\"", "\"Fine\"", "Polygon", SQUARE),
                feature("\"bowtie\"", "\"Bow tie\"", "Polygon", "[[[36,-1],[36.1,-0.9],[36.1,-1],[36,-0.9],[36,-1]]]")),
            "Feature 2", "The boundary crosses itself near longitude 36.050000, latitude -0.950000");
    }

    @Test
    void anUnclosedRingImportsNothing() {
        assertRefused(collection(feature("\"open\"", "\"Open\"", "Polygon", "[[[36,-1],[36.1,-1],[36.1,-0.9],[36,-0.9]]]")),
            "Feature 1", "A ring is not closed");
    }

    @Test
    void aMissingCodeImportsNothing() {
        assertRefused(collection(feature("\"ok\"", "\"OK\"", "Polygon", SQUARE),
            "{\"type\":\"Feature\",\"properties\":{\"name\":\"Nameless code\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + SQUARE + "}}"), "Feature 2", "The property “code” is missing.");
    }

    @Test
    void aDuplicateCodeImportsNothing() {
        assertRefused(collection(feature("\"twin\"", "\"First\"", "Polygon", SQUARE),
            feature("\"twin\"", "\"Second\"", "Polygon", OTHER_SQUARE)), "Feature 2", "The code “twin” is already used by feature 1.");
    }

    @Test
    void aFileOf200MegabytesIsRefusedWithATranslated413BeforeItIsSent() {
        long before = municipalities.districtCount(town.id());

        HttpVisitor.RawAnswer answer = admin.announceUpload("/admin/districts", "/admin/districts/import", 200L * 1024 * 1024);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.continued()).as("asked for the 200 MB body").isFalse();
        assertThat(answer.body()).contains("The file is too large").contains("Nothing was saved");
        assertThat(municipalities.districtCount(town.id())).isEqualTo(before);
    }

    @Test
    void aFileOverTheUploadLimitSentWithoutAskingIsRefusedWithA413() {
        long size = 22L * 1024 * 1024;

        HttpResponse<String> response = admin.upload("/admin/districts", "/admin/districts/import", "file", "huge.geojson",
            spaces(size), size);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("The file is too large");
    }

    @Test
    void aFileOverTheDistrictLimitButUnderTheUploadLimitIsRefusedOnThePage() {
        long size = 12L * 1024 * 1024;

        HttpResponse<String> response = admin.upload("/admin/districts", "/admin/districts/import", "file", "big.geojson",
            spaces(size), size);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("district files up to 10 MB are accepted");
    }

    @Test
    void hostileNamesAreStoredAsTextAndEscapedInHtmlAndJson() {
        String hostile = "<script>alert('x')</script>\\\" onmouseover=\\\"alert(1)\\\" '; DROP TABLE district;--";
        HttpResponse<String> response = upload(collection(feature("\"evil\"", "\"" + hostile + "\"", "Polygon", OTHER_SQUARE)));

        assertThat(response.statusCode()).isEqualTo(302);
        String page = admin.get("/admin/districts").body();
        assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        String json = new HttpVisitor(town.host(), port).get("/api/v1/districts").body();
        assertThat(json).contains("\"name\":\"<script>alert('x')</script>\\\" onmouseover=\\\"alert(1)\\\" '; DROP TABLE district;--\"");
        String home = new HttpVisitor(town.host(), port).get("/").body();
        assertThat(home).doesNotContain("<script>alert");
    }

    @Test
    void anExportReimportsAsTheSameDistricts() {
        upload(collection(feature("\"north\"", "\"North\"", "Polygon", OTHER_SQUARE),
            feature("\"ring\"", "\"Ring Road\"", "Polygon",
                "[[[30,0],[31,0],[31,1],[30,1],[30,0]],[[30.2,0.2],[30.2,0.4],[30.4,0.4],[30.4,0.2],[30.2,0.2]]]")));
        HttpResponse<String> export = admin.get("/admin/districts/export");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValue("application/geo+json");
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        long before = municipalities.districtCount(town.id());

        HttpResponse<String> reimported = upload(export.body());

        assertThat(reimported.statusCode()).isEqualTo(302);
        assertThat(admin.follow(reimported).body()).contains("0 districts added, " + before + " replaced");
        assertThat(admin.get("/admin/districts/export").body()).isEqualTo(export.body());
    }

    @Test
    void aDistrictIsRenamedAndRemovedWithAudit() {
        String list = admin.get("/admin/districts").body();
        String path = list.replaceAll("(?s).*href=\"(/admin/districts/\\d+)\".*", "$1");

        HttpResponse<String> refused = admin.submit(path, path, java.util.Map.of("code", "bad code!", "name", ""));
        HttpResponse<String> renamed = admin.submit(path, path, java.util.Map.of("code", "centre", "name", "Town Centre"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(renamed.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/districts").body()).contains("Town Centre");
        assertThat(admin.submit(path, path + "/remove", java.util.Map.of()).statusCode()).isEqualTo(302);
        assertThat(municipalities.districtCount(town.id())).isZero();
        assertThat(municipalities.auditEntries(town.id(), "district.renamed")).isEqualTo(1);
        assertThat(municipalities.auditEntries(town.id(), "district.removed")).isEqualTo(1);
        assertThat(admin.get(path).statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/districts/not-a-number").statusCode()).isEqualTo(400);
    }

    /** {@code size} bytes of spaces, generated as they are sent rather than held in memory. */
    static HttpRequest.BodyPublisher spaces(long size) {
        return HttpRequest.BodyPublishers.fromPublisher(subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
            private final byte[] chunk = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            private long sent;
            private long demand;
            private boolean emitting;
            private boolean cancelled;

            @Override
            public synchronized void request(long n) {
                demand += n;
                if (emitting) {
                    return;
                }
                emitting = true;
                while (demand > 0 && !cancelled && sent < size) {
                    int length = (int) Math.min(chunk.length, size - sent);
                    sent += length;
                    demand--;
                    subscriber.onNext(ByteBuffer.wrap(chunk, 0, length));
                }
                emitting = false;
                if (sent >= size && !cancelled) {
                    cancelled = true;
                    subscriber.onComplete();
                }
            }

            @Override
            public synchronized void cancel() {
                cancelled = true;
            }
        }), size);
    }
}
