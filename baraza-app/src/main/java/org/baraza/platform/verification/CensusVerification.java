package org.baraza.platform.verification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.ResidentVerification;
import org.baraza.platform.VerifiedResident;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers "is this a verified resident?" from the census bindings, with district and birth date as the census says today. */
@Component
class CensusVerification implements ResidentVerification {

    private final JdbcClient jdbc;
    private final CensusSalts salts;

    CensusVerification(JdbcClient jdbc, CensusSalts salts) {
        this.jdbc = jdbc;
        this.salts = salts;
    }

    @Override
    public Optional<Long> accountVerifiedBy(OrganizationId organization, String documentNumber) {
        DocumentNumber.Parsed parsed = DocumentNumber.parse(documentNumber);
        if (parsed.number() == null) {
            return Optional.empty();
        }
        byte[] hash = salts.hasher(organization).hash(parsed.number());
        return jdbc.sql("SELECT account_id FROM census_binding WHERE organization_id = :org AND document_hash = :hash")
            .param("org", organization.value()).param("hash", hash)
            .query(Long.class).optional();
    }

    @Override
    public long censusSize(OrganizationId organization) {
        return jdbc.sql("SELECT count(*) FROM census_record WHERE organization_id = :org")
            .param("org", organization.value()).query(Long.class).single();
    }

    @Override
    public boolean isVerified(OrganizationId organization, long accountId) {
        return jdbc.sql("SELECT count(*) FROM census_binding WHERE organization_id = :org AND account_id = :account")
            .param("org", organization.value()).param("account", accountId).query(Long.class).single() > 0;
    }

    @Override
    public Optional<VerifiedResident> verifiedResident(OrganizationId organization, long accountId) {
        return jdbc.sql("""
                SELECT r.district_code, r.birth_date, b.bound_at, b.assisted_by IS NOT NULL AS assisted
                FROM census_binding b
                JOIN census_record r ON r.organization_id = b.organization_id AND r.document_hash = b.document_hash
                WHERE b.organization_id = :org AND b.account_id = :account""")
            .param("org", organization.value()).param("account", accountId)
            .query((rs, row) -> new VerifiedResident(organization, accountId, rs.getString("district_code"),
                rs.getObject("birth_date", LocalDate.class), rs.getTimestamp("bound_at").toInstant(),
                rs.getBoolean("assisted")))
            .optional();
    }
}
