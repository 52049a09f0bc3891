package org.baraza.platform.verification;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.baraza.IntegrationTest;
import org.baraza.platform.Municipality;
import org.baraza.platform.ResidentVerification;
import org.baraza.platform.Role;
import org.baraza.platform.VerifiedResident;
import org.baraza.platform.tenancy.MunicipalityDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ResidentVerificationIT {

    @Autowired ImportCensus importCensus;
    @Autowired VerifyAgainstCensus verify;
    @Autowired ResidentVerification verification;
    @Autowired JdbcClient jdbc;
    @Autowired MunicipalityDirectory directory;

    private TestCities cities;
    private Municipality city;

    @BeforeEach
    void censusOfThree() {
        cities = new TestCities(jdbc, directory);
        city = cities.create();
        long admin = cities.account(city.id(), Role.ADMIN);
        CensusImportReport report = importCensus.importFile(city, admin, new ByteArrayInputStream(CensusFiles.csv(
            "AB123456,1990-04-25,north", "CD654321,2010-06-15,south", "EF111111,1950-01-01,north")), ImportMode.REPLACE);
        assertThat(report.imported()).isTrue();
    }

    private static CensusClaim claim(String document, String birthDate, String district) {
        return new CensusClaim(DocumentNumber.parse(document).number(), LocalDate.parse(birthDate), district);
    }

    @Test
    void matchingClaimMakesTheAccountAVerifiedResidentWithDistrictAndAge() {
        long resident = cities.account(city.id());
        assertThat(verification.isVerified(city.id(), resident)).isFalse();

        assertThat(verify.byResident(city.id(), resident, claim("ab 123-456", "1990-04-25", "north")))
            .isEqualTo(VerificationOutcome.VERIFIED);

        assertThat(verification.isVerified(city.id(), resident)).isTrue();
        VerifiedResident verified = verification.verifiedResident(city.id(), resident).orElseThrow();
        assertThat(verified.districtCode()).isEqualTo("north");
        assertThat(verified.birthDate()).isEqualTo(LocalDate.of(1990, 4, 25));
        assertThat(verified.ageOn(LocalDate.of(2026, 4, 24))).isEqualTo(35);
        assertThat(verified.ageOn(LocalDate.of(2026, 4, 25))).isEqualTo(36);
        assertThat(verified.assisted()).isFalse();
    }

    @Test
    void theBoothFindsTheAccountADocumentVerified() {
        long resident = cities.account(city.id());
        verify.byResident(city.id(), resident, claim("CD654321", "2010-06-15", "south"));

        assertThat(verification.accountVerifiedBy(city.id(), "cd-654 321")).contains(resident);
        assertThat(verification.accountVerifiedBy(city.id(), "AB123456")).as("in the census, not yet verified").isEmpty();
        assertThat(verification.accountVerifiedBy(city.id(), "<script>")).isEmpty();
        assertThat(verification.accountVerifiedBy(cities.create().id(), "CD654321")).as("another municipality").isEmpty();
    }

    @Test
    void aWrongBirthDateOrDistrictIsNoMatch() {
        long resident = cities.account(city.id());
        assertThat(verify.byResident(city.id(), resident, claim("AB123456", "1990-04-26", "north"))).isEqualTo(VerificationOutcome.NO_MATCH);
        assertThat(verify.byResident(city.id(), resident, claim("AB123456", "1990-04-25", "south"))).isEqualTo(VerificationOutcome.NO_MATCH);
        assertThat(verify.byResident(city.id(), resident, claim("ZZ000000", "1990-04-25", "north"))).isEqualTo(VerificationOutcome.NO_MATCH);
        assertThat(verification.isVerified(city.id(), resident)).isFalse();
    }

    @Test
    void secondVerificationWithSameCensusRecordIsRefused() {
        long first = cities.account(city.id());
        long second = cities.account(city.id());
        assertThat(verify.byResident(city.id(), first, claim("CD654321", "2010-06-15", "south"))).isEqualTo(VerificationOutcome.VERIFIED);

        assertThat(verify.byResident(city.id(), second, claim("CD654321", "2010-06-15", "south")))
            .isEqualTo(VerificationOutcome.RECORD_TAKEN);
        assertThat(verification.isVerified(city.id(), second)).isFalse();
    }

    @Test
    void sameAccountCannotBindASecondRecord() {
        long resident = cities.account(city.id());
        assertThat(verify.byResident(city.id(), resident, claim("AB123456", "1990-04-25", "north"))).isEqualTo(VerificationOutcome.VERIFIED);

        assertThat(verify.byResident(city.id(), resident, claim("EF111111", "1950-01-01", "north")))
            .isEqualTo(VerificationOutcome.ALREADY_VERIFIED);
        assertThat(verify.byOfficer(city.id(), cities.account(city.id(), Role.OFFICER), resident, claim("EF111111", "1950-01-01", "north")))
            .isEqualTo(VerificationOutcome.ALREADY_VERIFIED);
        // the second record is still free for its owner
        assertThat(verify.byResident(city.id(), cities.account(city.id()), claim("EF111111", "1950-01-01", "north")))
            .isEqualTo(VerificationOutcome.VERIFIED);
    }

    @Test
    void twoHundredConcurrentVerificationsOfOneRecordBindExactlyOneAccount() throws Exception {
        int racers = 200;
        List<Long> accounts = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            accounts.add(cities.account(city.id()));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<VerificationOutcome>> outcomes = new ArrayList<>();
            for (long account : accounts) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return verify.byResident(city.id(), account, claim("AB123456", "1990-04-25", "north"));
                }));
            }
            start.countDown();
            List<VerificationOutcome> results = new ArrayList<>();
            for (Future<VerificationOutcome> outcome : outcomes) {
                results.add(outcome.get());
            }
            Map<VerificationOutcome, Long> counts = results.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                VerificationOutcome.VERIFIED, 1L, VerificationOutcome.RECORD_TAKEN, (long) racers - 1));
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM census_binding WHERE organization_id = :org").param("org", city.id().value())
            .query(Long.class).single()).isEqualTo(1);
        assertThat(accounts.stream().filter(account -> verification.isVerified(city.id(), account)).count()).isEqualTo(1);
    }

    @Test
    void oneAccountRacingWithManyRecordsIsBoundOnce() throws Exception {
        long resident = cities.account(city.id());
        List<CensusClaim> claims = List.of(claim("AB123456", "1990-04-25", "north"), claim("CD654321", "2010-06-15", "south"),
            claim("EF111111", "1950-01-01", "north"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(30);
        try {
            List<Future<VerificationOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                CensusClaim claim = claims.get(i % 3);
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return verify.byOfficer(city.id(), resident, resident, claim);
                }));
            }
            start.countDown();
            long verified = 0;
            for (Future<VerificationOutcome> outcome : outcomes) {
                verified += outcome.get() == VerificationOutcome.VERIFIED ? 1 : 0;
            }
            assertThat(verified).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void guessingStopsAfterFiveFailedAttemptsInAnHour() {
        long guesser = cities.account(city.id());
        for (int i = 0; i < VerifyAgainstCensus.MAX_FAILED_ATTEMPTS; i++) {
            assertThat(verify.byResident(city.id(), guesser, claim("GUESS" + i, "1990-04-25", "north")))
                .isEqualTo(VerificationOutcome.NO_MATCH);
        }
        assertThat(verify.attemptsLeft(city.id(), guesser)).isZero();

        // even the right answer is refused now: the limit is on attempts, not on wrong ones
        assertThat(verify.byResident(city.id(), guesser, claim("AB123456", "1990-04-25", "north")))
            .isEqualTo(VerificationOutcome.TOO_MANY_ATTEMPTS);
        assertThat(verification.isVerified(city.id(), guesser)).isFalse();
    }

    @Test
    void officerAssistedVerificationIsAuditedWithoutDocumentData() {
        long officer = cities.account(city.id(), Role.OFFICER);
        long resident = cities.account(city.id());

        assertThat(verify.byOfficer(city.id(), officer, resident, claim("EF111111", "1950-01-01", "north")))
            .isEqualTo(VerificationOutcome.VERIFIED);

        Map<String, Object> entry = jdbc.sql("""
                SELECT actor_account_id, target, details FROM audit_entry
                WHERE organization_id = :org AND action = 'verification.assisted'""")
            .param("org", city.id().value()).query().singleRow();
        assertThat(entry.get("actor_account_id")).isEqualTo(officer);
        assertThat(entry.get("target")).isEqualTo("account:" + resident);
        assertThat((String) entry.get("details")).doesNotContain("EF111111").doesNotContain("1950");
        assertThat(verification.verifiedResident(city.id(), resident).orElseThrow().assisted()).isTrue();
    }

    @Test
    void anotherMunicipalityCensusDoesNotVerify() {
        Municipality elsewhere = cities.create();
        long resident = cities.account(elsewhere.id());
        assertThat(verify.byResident(elsewhere.id(), resident, claim("AB123456", "1990-04-25", "north")))
            .isEqualTo(VerificationOutcome.NO_MATCH);
    }
}
