package org.baraza.platform.verification;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.baraza.platform.District;
import org.baraza.platform.Districts;
import org.baraza.platform.Municipality;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.tenancy.MunicipalityDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives Demo City a census of synthetic people, so that whoever tries the demo can verify an account and
 * then support, vote and cast a budget ballot: without a census nobody is a verified resident. Document
 * numbers are DEMO00001 to DEMO02000, each with a birth date and district worked out from its number
 * ({@link #birthDate}, {@link #districtOf}); resident@demo.city is verified with DEMO00001. Runs once (a
 * municipality with a census is left alone), through the same import and verification as a real census.
 * Tests leave it off (baraza.demo.census=false): their assertions count on Demo City having no census.
 */
@Component
@Order(25)
@ConditionalOnExpression("${baraza.demo.enabled:false} and ${baraza.demo.census:true}")
class DemoCensus implements ApplicationRunner {

    static final int PEOPLE = 2000;
    private static final Logger log = LoggerFactory.getLogger(DemoCensus.class);

    private final JdbcClient jdbc;
    private final MunicipalityDirectory directory;
    private final Districts districts;
    private final ImportCensus importCensus;
    private final VerifyAgainstCensus verify;

    DemoCensus(JdbcClient jdbc, MunicipalityDirectory directory, Districts districts, ImportCensus importCensus,
               VerifyAgainstCensus verify) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.districts = districts;
        this.importCensus = importCensus;
        this.verify = verify;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<Long> demoCity = jdbc.sql("SELECT id FROM organization WHERE slug = 'demo-city'").query(Long.class).optional();
        if (demoCity.isEmpty()) {
            return;
        }
        Optional<Municipality> municipality = directory.byId(new OrganizationId(demoCity.get()));
        Optional<Long> admin = account(demoCity.get(), "admin@demo.city");
        if (municipality.isPresent() && admin.isPresent()) {
            seed(municipality.get(), admin.get(), account(demoCity.get(), "resident@demo.city"));
        }
    }

    /** Imports the synthetic census into a municipality without one and verifies {@code resident} with person 1. */
    VerificationOutcome seed(Municipality municipality, long adminAccountId, Optional<Long> resident) {
        OrganizationId organization = municipality.id();
        long records = jdbc.sql("SELECT count(*) FROM census_record WHERE organization_id = :org")
            .param("org", organization.value()).query(Long.class).single();
        List<String> codes = districts.list(organization).stream().map(District::code).toList();
        if (records > 0 || codes.isEmpty()) {
            return VerificationOutcome.ALREADY_VERIFIED;
        }
        StringBuilder file = new StringBuilder("document_number,birth_date,district\n");
        for (int person = 1; person <= PEOPLE; person++) {
            file.append(documentNumber(person)).append(',').append(birthDate(person)).append(',')
                .append(districtOf(person, codes)).append('\n');
        }
        CensusImportReport report = importCensus.importFile(municipality, adminAccountId,
            new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)), ImportMode.REPLACE);
        VerificationOutcome outcome = resident.map(account -> verify.byResident(organization, account, new CensusClaim(
                DocumentNumber.parse(documentNumber(1)).number(), birthDate(1), districtOf(1, codes))))
            .orElse(VerificationOutcome.NO_MATCH);
        log.info("demo census for {}: imported={} people={} demo resident {}", municipality.slug(), report.imported(),
            report.rows(), outcome);
        return outcome;
    }

    static String documentNumber(int person) {
        return "DEMO%05d".formatted(person);
    }

    /** Born between 1950 and 2005, spread over the months and days. */
    static LocalDate birthDate(int person) {
        return LocalDate.of(1950 + (person * 7) % 56, 1 + (person * 5) % 12, 1 + (person * 11) % 28);
    }

    static String districtOf(int person, List<String> codes) {
        return codes.get((person - 1) % codes.size());
    }

    private Optional<Long> account(long organization, String login) {
        return jdbc.sql("SELECT id FROM account WHERE organization_id = :org AND login = :login")
            .param("org", organization).param("login", login).query(Long.class).optional();
    }
}
