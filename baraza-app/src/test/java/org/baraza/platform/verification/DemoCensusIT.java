package org.baraza.platform.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.baraza.IntegrationTest;
import org.baraza.platform.Districts;
import org.baraza.platform.Municipality;
import org.baraza.platform.ResidentVerification;
import org.baraza.platform.Role;
import org.baraza.platform.tenancy.MunicipalityDirectory;
import org.baraza.platform.tenancy.TestMunicipalities;
import org.baraza.platform.tenancy.TestMunicipalities.TestMunicipality;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's synthetic census (off in tests, on in ./run) gives a municipality people to verify
 * against, verifies the demo resident, and lets anyone trying the demo verify an account of their own
 * with a documented number. Run here on a fresh municipality, as the runner does on Demo City.
 */
@IntegrationTest
class DemoCensusIT {

    @Autowired JdbcClient jdbc;
    @Autowired MunicipalityDirectory directory;
    @Autowired Districts districts;
    @Autowired ImportCensus importCensus;
    @Autowired VerifyAgainstCensus verify;
    @Autowired ResidentVerification verification;
    @Autowired TestMunicipalities cities;

    @Test
    void aMunicipalityWithoutCensusGetsTwoThousandPeopleAndTheDemoResidentIsVerifiedOnce() {
        TestMunicipality city = cities.create("Censusville");
        Municipality municipality = directory.byId(city.id()).orElseThrow();
        long admin = cities.accountId(city.id(), cities.account(city.id(), Role.ADMIN));
        long resident = cities.accountId(city.id(), cities.account(city.id()));
        DemoCensus demo = new DemoCensus(jdbc, directory, districts, importCensus, verify);

        assertThat(demo.seed(municipality, admin, Optional.of(resident))).isEqualTo(VerificationOutcome.VERIFIED);
        assertThat(verification.censusSize(city.id())).isEqualTo(DemoCensus.PEOPLE);
        assertThat(verification.verifiedResident(city.id(), resident)).get()
            .extracting(found -> found.districtCode()).isEqualTo(city.districtCode());

        // someone trying the demo verifies their own account with the next documented number
        long newcomer = cities.accountId(city.id(), cities.account(city.id()));
        CensusClaim second = new CensusClaim(DocumentNumber.parse(DemoCensus.documentNumber(2)).number(),
            DemoCensus.birthDate(2), DemoCensus.districtOf(2, List.of(city.districtCode())));
        assertThat(verify.byResident(city.id(), newcomer, second)).isEqualTo(VerificationOutcome.VERIFIED);

        // a second start adds nobody and verifies nobody again
        assertThat(demo.seed(municipality, admin, Optional.of(resident))).isEqualTo(VerificationOutcome.ALREADY_VERIFIED);
        assertThat(verification.censusSize(city.id())).isEqualTo(DemoCensus.PEOPLE);
    }
}
