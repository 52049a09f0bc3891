package org.baraza.participation.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.baraza.IntegrationTest;
import org.baraza.platform.tenancy.MunicipalityDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whatever a resident (or someone pretending to be one) sends: a clear message in their language, a 4xx,
 * and nothing stored; and whatever was stored is shown as text, never run.
 */
@IntegrationTest
class ProposalBadInputIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MunicipalityDirectory directory;

    TestCity city;
    String base;
    Resident resident;
    long category;

    @BeforeEach
    void city() {
        city = TestCity.create(jdbc, directory);
        base = "/processes/" + city.process("CREATE_PROPOSALS", "SUPPORT") + "/proposals";
        category = city.category("Roads");
        resident = new Resident(city, port).signIn(city.verifiedResident());
    }

    private Map<String, String> valid() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "A good title");
        fields.put("summary", "A short summary.");
        fields.put("body", "Some text.");
        fields.put("category", Long.toString(category));
        fields.put("district", "");
        fields.put("latitude", "");
        fields.put("longitude", "");
        fields.put("imageAlt", "");
        return fields;
    }

    private void refused(Consumer<Map<String, String>> change, String message, Resident.Upload... files) {
        Map<String, String> fields = valid();
        change.accept(fields);
        HttpResponse<String> response = resident.submitMultipart(base + "/new", base, fields, files);
        assertThat(response.statusCode()).as(message).isEqualTo(400);
        assertThat(response.body()).as(message).contains("There is a problem", message);
        assertThat(jdbc.sql("SELECT count(*) FROM proposal WHERE organization_id = :org").param("org", city.id.value())
            .query(Long.class).single()).as(message).isZero();
    }

    @Test
    void everyFieldRefusesWhatItCannotTake() {
        refused(f -> f.put("title", "  "), "Enter the title.");
        refused(f -> f.put("title", "x".repeat(121)), "The title can be at most 120 characters long.");
        refused(f -> f.put("summary", "s".repeat(501)), "The summary can be at most 500 characters long.");
        refused(f -> f.put("body", "**".repeat(10_001)), "The text of the proposal can be at most 20,000 characters long.");
        refused(f -> f.put("title", "Broken \uFFFD bytes"), "The title contains characters that cannot be shown.");
        refused(f -> f.put("body", "nul \u0000 byte"), "The text of the proposal contains characters that cannot be shown.");
        refused(f -> f.put("category", ""), "Choose a category.");
        refused(f -> f.put("category", "1 OR 1=1"), "Choose a category from the list.");
        refused(f -> f.put("district", "'; DROP TABLE proposal; --"), "Choose a district from the list.");
        refused(f -> f.put("latitude", "-0.42"), "Give both the latitude and the longitude, or neither.");
        refused(f -> {
            f.put("latitude", "north");
            f.put("longitude", "36.95");
        }, "Enter the latitude as a number of degrees");
        refused(f -> {
            f.put("latitude", "48.85");
            f.put("longitude", "2.35");
        }, "This place is outside the municipality.");
    }

    @Test
    void imagesThatAreNotImagesOrAreBombsAreRefused() {
        refused(f -> f.put("imageAlt", "A photo"), "This file is not a JPEG or PNG image.",
            new Resident.Upload("image", "photo.png", "image/png", "<script>alert(1)</script>".getBytes()));
        refused(f -> f.put("imageAlt", "A photo"), "This file is not a JPEG or PNG image.",
            new Resident.Upload("image", "photo.jpg", "image/jpeg", TestFiles.pdf()));
        refused(f -> f.put("imageAlt", "A photo"), "The image has too many pixels.",
            new Resident.Upload("image", "bomb.png", "image/png", TestFiles.pngBomb()));
        refused(f -> f.put("imageAlt", ""), "Describe the image for people who cannot see it.",
            new Resident.Upload("image", "photo.png", "image/png", TestFiles.png()));
    }

    @Test
    void documentsMustBeSmallPdfs() {
        refused(f -> { }, "Documents must be PDF files.",
            new Resident.Upload("documents", "plan.pdf", "application/pdf", TestFiles.png()));
        refused(f -> { }, "A document can be at most 5 MB.",
            new Resident.Upload("documents", "huge.pdf", "application/pdf", TestFiles.pdfOf(6_000_000)));
        refused(f -> { }, "A proposal can have at most 3 documents.",
            new Resident.Upload("documents", "1.pdf", "application/pdf", TestFiles.pdf()),
            new Resident.Upload("documents", "2.pdf", "application/pdf", TestFiles.pdf()),
            new Resident.Upload("documents", "3.pdf", "application/pdf", TestFiles.pdf()),
            new Resident.Upload("documents", "4.pdf", "application/pdf", TestFiles.pdf()));
    }

    @Test
    void anUploadBeyondTheRequestLimitIsATranslatedPageAndStoresNothing() {
        Map<String, String> fields = valid();
        fields.put("_csrf", resident.csrf(base + "/new"));
        HttpResponse<String> response = resident.postMultipart(base, fields,
            new Resident.Upload("documents", "giant.pdf", "application/pdf", TestFiles.pdfOf(22_000_000)));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(jdbc.sql("SELECT count(*) FROM proposal WHERE organization_id = :org").param("org", city.id.value())
            .query(Long.class).single()).isZero();
    }

    @Test
    void messagesAreInTheResidentsLanguage() {
        Map<String, String> fields = valid();
        fields.put("title", "");
        HttpResponse<String> french = resident.submitMultipart(base + "/new?lang=fr", base + "?lang=fr", fields);
        assertThat(french.statusCode()).isEqualTo(400);
        assertThat(french.body()).contains("Il y a un problème", "Saisissez le titre.");
        HttpResponse<String> arabic = resident.submitMultipart(base + "/new?lang=ar", base + "?lang=ar", fields);
        assertThat(arabic.body()).contains("dir=\"rtl\"", "اكتب العنوان.");
    }

    @Test
    void scriptInEveryFieldIsShownAsText() {
        Map<String, String> fields = valid();
        fields.put("title", "<script>alert('title')</script>");
        fields.put("summary", "<img src=x onerror=alert('summary')>");
        fields.put("body", "<script>alert('body')</script> [click](javascript:alert('link')) <a href=\"x\" onclick=\"y\">a</a>");
        fields.put("imageAlt", "\"><script>alert('alt')</script>");
        HttpResponse<String> created = resident.submitMultipart(base + "/new", base, fields,
            new Resident.Upload("image", "p.png", "image/png", TestFiles.png()),
            new Resident.Upload("documents", "<script>alert('file')<\\/script>.pdf", "application/pdf", TestFiles.pdf()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String path = created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")
            .replaceFirst("\\?.*$", "");

        for (String page : new String[] {path, base, base + "/map", path + "/edit"}) {
            String html = resident.get(page).body();
            assertThat(html).as(page).doesNotContain("<script>alert", "<img src=x", "href=\"javascript", "onclick=\"y\"");
        }
        String html = resident.get(path).body();
        assertThat(html).contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;", "&lt;img src=x onerror=alert(&#39;summary&#39;)&gt;");
        String json = resident.get("/api/v1/proposals/" + path.substring(path.lastIndexOf('/') + 1)).body();
        // the API gives the text as typed (JSON is data, served as application/json with nosniff) and its HTML escaped
        assertThat(json).contains("&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;").doesNotContain("href=\\\"javascript");
    }
}
