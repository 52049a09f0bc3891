package org.baraza.platform.verification;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.baraza.IntegrationTest;
import org.baraza.platform.Municipality;
import org.baraza.platform.Role;
import org.baraza.platform.tenancy.MunicipalityDirectory;
import org.baraza.platform.verification.CensusProblem.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class CensusImportIT {

    @Autowired ImportCensus importCensus;
    @Autowired VerifyAgainstCensus verify;
    @Autowired CensusSalts salts;
    @Autowired JdbcClient jdbc;
    @Autowired MunicipalityDirectory directory;

    private TestCities cities;
    private Municipality city;
    private long admin;

    @BeforeEach
    void freshMunicipality() {
        cities = new TestCities(jdbc, directory);
        city = cities.create();
        admin = cities.account(city.id(), Role.ADMIN);
    }

    private CensusImportReport upload(ImportMode mode, byte[] file) {
        return importCensus.importFile(city, admin, new ByteArrayInputStream(file), mode);
    }

    @Test
    void validFileIsImportedAndAudited() {
        CensusImportReport report = upload(ImportMode.REPLACE, CensusFiles.csv(
            "AB123,1990-04-25,north", "CD456,1985-01-31,south", "EF789,2001-12-01,north"));

        assertThat(report.imported()).isTrue();
        assertThat(report.rows()).isEqualTo(3);
        assertThat(report.added()).isEqualTo(3);
        assertThat(cities.censusRecords(city.id())).isEqualTo(3);
        String details = jdbc.sql("SELECT details FROM audit_entry WHERE organization_id = :org AND action = 'census.imported'")
            .param("org", city.id().value()).query(String.class).single();
        assertThat(details).contains("\"rows\":\"3\"");
    }

    @Test
    void onlyTheSaltedHashOfADocumentNumberIsStored() {
        upload(ImportMode.REPLACE, CensusFiles.csv("ZX987654321,1990-04-25,north"));

        byte[] stored = jdbc.sql("SELECT document_hash FROM census_record WHERE organization_id = :org")
            .param("org", city.id().value()).query(byte[].class).single();
        assertThat(stored).hasSize(32);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("987654321");
        assertThat(stored).isEqualTo(salts.hasher(city.id()).hash(DocumentNumber.parse("zx-987 654 321").number()));
        assertThat(jdbc.sql("SELECT count(*) FROM census_record WHERE encode(document_hash, 'escape') LIKE '%987654321%'")
            .query(Long.class).single()).isZero();
    }

    static Stream<Arguments> badFiles() {
        byte[] brokenUtf8 = concat("document_number,birth_date,district\nA1,1990-04-25,north\nA2,1990-04-25,nor".getBytes(StandardCharsets.UTF_8),
            new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0x80}, "th\n".getBytes(StandardCharsets.UTF_8));
        return Stream.of(
            Arguments.of("bad date", CensusFiles.csv("A1,1990-04-25,north", "A2,1990-13-01,north"), 3L, Kind.BAD_DATE),
            Arguments.of("unknown district", CensusFiles.csv("A1,1990-04-25,north", "A2,1990-04-25,east", "A3,1990-04-25,south"), 3L,
                Kind.UNKNOWN_DISTRICT),
            Arguments.of("empty document", CensusFiles.csv("A1,1990-04-25,north", "A2,1990-04-25,north", " ,1990-04-25,north"), 4L,
                Kind.EMPTY_VALUE),
            Arguments.of("over-long document", CensusFiles.csv("A1,1990-04-25,north", "9".repeat(41) + ",1990-04-25,north"), 3L,
                Kind.DOCUMENT_TOO_LONG),
            Arguments.of("duplicate document", CensusFiles.csv("A1,1990-04-25,north", "B2,1990-04-25,north", "a-1,1970-01-01,south"), 4L,
                Kind.DUPLICATE_DOCUMENT),
            Arguments.of("broken encoding", brokenUtf8, 3L, Kind.NOT_UTF8),
            Arguments.of("formula injection", CensusFiles.csv("A1,1990-04-25,north", "=cmd|' /C calc'!A0,1990-04-25,north"), 3L,
                Kind.FORMULA),
            Arguments.of("wrong column count", CensusFiles.csv("A1,1990-04-25,north", "A2,1990-04-25,north,spare"), 3L,
                Kind.WRONG_COLUMN_COUNT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badFileIsReportedAtItsLineAndNothingIsImported(String name, byte[] file, long line, Kind kind) {
        upload(ImportMode.REPLACE, CensusFiles.csv("KEEP1,1970-01-01,north", "KEEP2,1970-01-01,south"));
        long auditedBefore = cities.auditEntries(city.id(), "census.imported");

        CensusImportReport report = upload(ImportMode.ADD, file);

        assertThat(report.imported()).isFalse();
        assertThat(report.problems()).isNotEmpty();
        assertThat(report.problems().get(0).line()).isEqualTo(line);
        assertThat(report.problems().get(0).kind()).isEqualTo(kind);
        assertThat(cities.censusRecords(city.id())).as("the census is as before").isEqualTo(2);
        assertThat(cities.auditEntries(city.id(), "census.imported")).isEqualTo(auditedBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM census_import WHERE organization_id = :org").param("org", city.id().value())
            .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void duplicateIsReportedWithTheLineItFirstAppearedOn() {
        CensusImportReport report = upload(ImportMode.REPLACE, CensusFiles.csv(
            "A1,1990-04-25,north", "B2,1990-04-25,north", "C3,1990-04-25,north", "b 2,1990-04-25,south"));
        assertThat(report.problems()).containsExactly(new CensusProblem(5, Kind.DUPLICATE_DOCUMENT, "document_number", 3));
    }

    @Test
    void replacingKeepsEveryRecordSomeoneIsVerifiedWith() {
        upload(ImportMode.REPLACE, CensusFiles.csv("A1,1990-04-25,north", "B2,1980-01-01,south", "C3,1970-06-30,north"));
        long resident = cities.account(city.id());
        assertThat(verify.byResident(city.id(), resident, claim("B2", "1980-01-01", "south"))).isEqualTo(VerificationOutcome.VERIFIED);

        CensusImportReport report = upload(ImportMode.REPLACE, CensusFiles.csv("A1,1990-04-25,south", "D4,2000-02-29,north"));

        assertThat(report.imported()).isTrue();
        assertThat(report).extracting(CensusImportReport::added, CensusImportReport::updated, CensusImportReport::unchanged,
            CensusImportReport::removed, CensusImportReport::keptBound).containsExactly(1L, 1L, 0L, 1L, 1L);
        assertThat(cities.censusRecords(city.id())).as("A1, D4 and the bound B2").isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM census_binding WHERE organization_id = :org AND account_id = :account")
            .param("org", city.id().value()).param("account", resident).query(Long.class).single()).isEqualTo(1);
        // and B2 still cannot verify anyone else
        assertThat(verify.byResident(city.id(), cities.account(city.id()), claim("B2", "1980-01-01", "south")))
            .isEqualTo(VerificationOutcome.RECORD_TAKEN);
    }

    @Test
    void addingUpdatesTheDistrictOfAVerifiedResident() {
        upload(ImportMode.REPLACE, CensusFiles.csv("A1,1990-04-25,north"));
        long resident = cities.account(city.id());
        verify.byResident(city.id(), resident, claim("A1", "1990-04-25", "north"));

        CensusImportReport report = upload(ImportMode.ADD, CensusFiles.csv("A1,1990-04-25,south", "B2,1990-04-25,south"));

        assertThat(report).extracting(CensusImportReport::added, CensusImportReport::updated, CensusImportReport::removed)
            .containsExactly(1L, 1L, 0L);
        assertThat(jdbc.sql("""
                SELECT r.district_code FROM census_binding b JOIN census_record r USING (organization_id, document_hash)
                WHERE b.organization_id = :org AND b.account_id = :account""")
            .param("org", city.id().value()).param("account", resident).query(String.class).single()).isEqualTo("south");
    }

    @Test
    void aMillionRowFileImportsWithinTheLimits() throws IOException {
        int rows = 1_000_000;
        long started = System.nanoTime();
        CensusImportReport report = importCensus.importFile(city, admin, CensusFiles.generated("M", rows), ImportMode.REPLACE);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("census import: %,d rows (%,d bytes) in %d ms%n", rows, CensusFiles.generatedLength("M", rows), took.toMillis());

        assertThat(report.problems()).isEmpty();
        assertThat(report.imported()).isTrue();
        assertThat(report.added()).isEqualTo(rows);
        assertThat(cities.censusRecords(city.id())).isEqualTo(rows);

        long reimportStarted = System.nanoTime();
        CensusImportReport again = importCensus.importFile(city, admin, CensusFiles.generated("M", rows), ImportMode.REPLACE);
        System.out.printf("census re-import of the same %,d rows: %d ms%n", rows,
            Duration.ofNanos(System.nanoTime() - reimportStarted).toMillis());
        assertThat(again.unchanged()).isEqualTo(rows);
    }

    private static CensusClaim claim(String document, String birthDate, String district) {
        return new CensusClaim(DocumentNumber.parse(document).number(), java.time.LocalDate.parse(birthDate), district);
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(part -> part.length).sum();
        byte[] all = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
    }
}
