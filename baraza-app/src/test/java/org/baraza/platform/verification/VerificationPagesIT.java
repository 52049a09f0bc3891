package org.baraza.platform.verification;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.baraza.IntegrationTest;
import org.baraza.platform.Municipality;
import org.baraza.platform.ResidentVerification;
import org.baraza.platform.Role;
import org.baraza.platform.tenancy.MunicipalityDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The census, verification and audit pages over real HTTP in Demo City, whose census other tests share:
 * uploads here add documents of their own ({@link #unique}) and assertions look only at those.
 */
@IntegrationTest
class VerificationPagesIT {

    @LocalServerPort int port;
    @Autowired ImportCensus importCensus;
    @Autowired ResidentVerification verification;
    @Autowired CensusSalts salts;
    @Autowired JdbcClient jdbc;
    @Autowired MunicipalityDirectory directory;

    private TestCities cities;
    private Municipality demoCity;
    private WebVisitor visitor;

    @BeforeEach
    void setUp() {
        cities = new TestCities(jdbc, directory);
        demoCity = cities.demoCity();
        visitor = new WebVisitor(port);
    }

    private static String unique() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    private boolean inCensus(String document) {
        byte[] hash = salts.hasher(demoCity.id()).hash(DocumentNumber.parse(document).number());
        return jdbc.sql("SELECT count(*) FROM census_record WHERE organization_id = :org AND document_hash = :hash")
            .param("org", demoCity.id().value()).param("hash", hash).query(Long.class).single() > 0;
    }

    private void signInAs(Role... roles) {
        String email = "pages." + UUID.randomUUID() + "@example.org";
        cities.account(demoCity.id(), email, roles);
        visitor.signIn(email, TestCities.PASSWORD);
    }

    @Test
    void adminUploadsACensusAndSeesWhatItDid() {
        signInAs(Role.ADMIN);
        String a = unique();
        String b = unique();

        HttpResponse<String> response = visitor.uploadCensus("add", CensusFiles.csv(a + ",1990-04-25,old-town", b + ";1985-01-01;market"
            .replace(';', ',')));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("The census was updated").contains("2 rows read: 2 added");
        assertThat(inCensus(a)).isTrue();
        assertThat(inCensus(b)).isTrue();
    }

    @Test
    void aRefusedFileListsProblemsByLineAndNeverEchoesACell() {
        signInAs(Role.ADMIN);
        String good = unique();

        HttpResponse<String> response = visitor.uploadCensus("add", CensusFiles.csv(
            good + ",1990-04-25,old-town", "=HYPERLINK(\"http://evil.example/x\"),1990-04-25,old-town", "<script>alert(1)</script>,1990-02-30,market"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("Nothing was imported")
            .contains("Line 3: the document number starts with =, +, - or @")
            .contains("Line 4: the document number may hold only letters and digits")
            .contains("Line 4: the birth date is not a real date")
            .doesNotContain("HYPERLINK").doesNotContain("evil.example").doesNotContain("<script>alert").doesNotContain("&lt;script");
        assertThat(inCensus(good)).as("nothing of the file was imported").isFalse();
    }

    @Test
    void uploadWithoutAFileAsksForOne() {
        signInAs(Role.ADMIN);
        HttpResponse<String> response = visitor.uploadCensus("replace", new byte[0]);
        // an empty file part with a file name: the file is empty
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("The file is empty.");
    }

    @Test
    void aTwoHundredMegabyteUploadGetsATranslatedTooLargePage() {
        signInAs(Role.ADMIN);
        visitor.get("/admin/census?lang=fr");
        int rows = 8_000_000;
        long length = CensusFiles.generatedLength("X", rows);
        assertThat(length).isGreaterThan(200_000_000L);

        long started = System.nanoTime();
        HttpResponse<String> response = visitor.uploadCensus("replace", () -> CensusFiles.generated("X", rows), length);
        System.out.printf("census upload of %,d bytes refused in %d ms%n", length, (System.nanoTime() - started) / 1_000_000);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("Le fichier dépasse 50 Mo");
        assertThat(inCensus("X0000000")).isFalse();
    }

    @Test
    void aResidentCannotUploadACensus() {
        signInAs();
        HttpResponse<String> page = visitor.get("/admin/census");
        assertThat(page.statusCode()).isEqualTo(403);
    }

    @Test
    void aResidentVerifiesThemselvesOnTheWebPage() {
        String document = unique();
        long admin = cities.account(demoCity.id(), Role.ADMIN);
        importCensus.importFile(demoCity, admin, new ByteArrayInputStream(CensusFiles.csv(document + ",1990-04-25,riverside")),
            ImportMode.ADD);
        String email = "resident." + UUID.randomUUID() + "@example.org";
        long resident = cities.account(demoCity.id(), email);
        visitor.signIn(email, TestCities.PASSWORD);

        HttpResponse<String> form = visitor.get("/account/verify");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<label for=\"documentNumber\"");

        HttpResponse<String> wrong = visitor.submit("/account/verify", "/account/verify",
            Map.of("documentNumber", document, "birthDate", "1990-04-26", "district", "riverside"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("These details match no record of the census").contains("Attempts left this hour: 4.")
            .doesNotContain(document);

        HttpResponse<String> right = visitor.submit("/account/verify", "/account/verify",
            Map.of("documentNumber", document.toLowerCase(), "birthDate", "1990-04-25", "district", "riverside"));
        assertThat(right.statusCode()).isEqualTo(302);
        assertThat(visitor.get("/account/verify").body()).contains("You are a verified resident").contains("Riverside");
        assertThat(verification.isVerified(demoCity.id(), resident)).isTrue();
    }

    @Test
    void badVerificationInputGetsTranslatedFieldErrors() {
        signInAs();
        HttpResponse<String> response = visitor.submit("/account/verify?lang=es", "/account/verify",
            Map.of("documentNumber", "<img src=x onerror=alert(1)>", "birthDate", "2999-01-01", "district", "'; DROP TABLE district; --"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Hay un problema")
            .contains("El número de documento solo puede contener letras y cifras.")
            .contains("Introduzca la fecha de nacimiento").contains("Elija el distrito.")
            .doesNotContain("<img src=x").doesNotContain("DROP TABLE");
    }

    @Test
    void anOfficerVerifiesAPersonInPersonAndItIsAudited() {
        String document = unique();
        long admin = cities.account(demoCity.id(), Role.ADMIN);
        importCensus.importFile(demoCity, admin, new ByteArrayInputStream(CensusFiles.csv(document + ",1961-07-01,lakeview")),
            ImportMode.ADD);
        String email = "person." + UUID.randomUUID() + "@example.org";
        long person = cities.account(demoCity.id(), email);
        signInAs(Role.OFFICER);

        HttpResponse<String> unknown = visitor.submit("/officer/verify", "/officer/verify",
            Map.of("login", "nobody@example.org", "documentNumber", document, "birthDate", "1961-07-01", "district", "lakeview"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("No account of this municipality has this e-mail or mobile number");

        HttpResponse<String> done = visitor.submit("/officer/verify", "/officer/verify",
            Map.of("login", email.toUpperCase(), "documentNumber", document, "birthDate", "1961-07-01", "district", "lakeview"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(visitor.get("/officer/verify").body()).contains("is now a verified resident").doesNotContain(email);
        assertThat(verification.verifiedResident(demoCity.id(), person).orElseThrow().assisted()).isTrue();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_entry
                WHERE organization_id = :org AND action = 'verification.assisted' AND target = :target AND details = '{}'""")
            .param("org", demoCity.id().value()).param("target", "account:" + person).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aResidentCannotOpenTheOfficerPage() {
        signInAs();
        assertThat(visitor.get("/officer/verify").statusCode()).isEqualTo(403);
    }

    @Test
    void anAdminReadsTheAuditLogAndVerifiesItsChain() {
        long admin = cities.account(demoCity.id(), Role.ADMIN);
        importCensus.importFile(demoCity, admin, new ByteArrayInputStream(CensusFiles.csv(unique() + ",1990-04-25,market")), ImportMode.ADD);
        signInAs(Role.ADMIN);

        HttpResponse<String> log = visitor.get("/admin/audit");
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(log.body()).contains("census.imported");

        HttpResponse<String> verified = visitor.get("/admin/audit/verification?lang=fr");
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).contains("La chaîne est intacte");
    }

    @Test
    void anAdminSeesWhichEntryBrokeTheChain() {
        long admin = cities.account(demoCity.id(), Role.ADMIN);
        importCensus.importFile(demoCity, admin, new ByteArrayInputStream(CensusFiles.csv(unique() + ",1990-04-25,market")), ImportMode.ADD);
        long entry = jdbc.sql("SELECT max(id) FROM audit_entry WHERE organization_id = :org").param("org", demoCity.id().value())
            .query(Long.class).single();
        String details = jdbc.sql("SELECT details FROM audit_entry WHERE id = :id").param("id", entry).query(String.class).single();
        signInAs(Role.ADMIN);
        tamper("UPDATE audit_entry SET details = '{}' WHERE id = " + entry);
        try {
            HttpResponse<String> page = visitor.get("/admin/audit/verification");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("The chain is broken")
                .contains("The first broken entry is number " + entry + ": its content does not match its hash");
        } finally {
            jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only").update();
            jdbc.sql("UPDATE audit_entry SET details = :details WHERE id = :id").param("details", details).param("id", entry).update();
            jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only").update();
        }
        assertThat(visitor.get("/admin/audit/verification").body()).contains("The chain is intact");
    }

    /** As a database superuser could: the append-only trigger off, one statement, the trigger on. */
    private void tamper(String sql) {
        jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only").update();
        try {
            jdbc.sql(sql).update();
        } finally {
            jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only").update();
        }
    }

    @Test
    void onlyAPlatformAdminReadsThePlatformChain() {
        signInAs(Role.ADMIN);
        assertThat(visitor.get("/platform/audit").statusCode()).isEqualTo(403);
        WebVisitor operator = new WebVisitor(port);
        String email = "operator." + UUID.randomUUID() + "@example.org";
        cities.account(demoCity.id(), email, Role.PLATFORM_ADMIN);
        operator.signIn(email, TestCities.PASSWORD);
        HttpResponse<String> page = operator.get("/platform/audit/verification");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Platform audit log").contains("The chain is intact");
    }
}
