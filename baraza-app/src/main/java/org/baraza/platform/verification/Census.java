package org.baraza.platform.verification;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The census records and the bindings of records to accounts, of one municipality at a time. */
@Repository
class Census {

    /** A census record as verification needs it. */
    record Entry(LocalDate birthDate, String districtCode) {
    }

    private final JdbcClient jdbc;

    Census(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Entry> find(OrganizationId organization, byte[] documentHash) {
        return jdbc.sql("SELECT birth_date, district_code FROM census_record WHERE organization_id = :org AND document_hash = :hash")
            .param("org", organization.value()).param("hash", documentHash)
            .query((rs, row) -> new Entry(rs.getObject("birth_date", LocalDate.class), rs.getString("district_code")))
            .optional();
    }

    boolean isBound(OrganizationId organization, long accountId) {
        return jdbc.sql("SELECT count(*) FROM census_binding WHERE organization_id = :org AND account_id = :account")
            .param("org", organization.value()).param("account", accountId).query(Long.class).single() > 0;
    }

    /**
     * Binds the record to the account unless either is bound already; the table's keys decide, so of
     * any number of concurrent attempts exactly one can succeed. @return whether this call bound it
     */
    boolean bind(OrganizationId organization, byte[] documentHash, long accountId, Long officerAccountId, Instant at) {
        return jdbc.sql("""
                INSERT INTO census_binding (organization_id, document_hash, account_id, bound_at, assisted_by)
                VALUES (:org, :hash, :account, :at, :officer)
                ON CONFLICT DO NOTHING""")
            .param("org", organization.value()).param("hash", documentHash).param("account", accountId)
            .param("at", Timestamp.from(at)).param("officer", officerAccountId, java.sql.Types.BIGINT)
            .update() == 1;
    }

    int recentFailedAttempts(OrganizationId organization, long accountId, Instant since) {
        return jdbc.sql("""
                SELECT count(*) FROM verification_attempt
                WHERE organization_id = :org AND account_id = :account AND at > :since""")
            .param("org", organization.value()).param("account", accountId).param("since", Timestamp.from(since))
            .query(Integer.class).single();
    }

    /** Records a failed attempt and forgets this account's attempts too old to count. */
    void recordFailedAttempt(OrganizationId organization, long accountId, Instant at, Instant forgetBefore) {
        jdbc.sql("DELETE FROM verification_attempt WHERE organization_id = :org AND account_id = :account AND at < :before")
            .param("org", organization.value()).param("account", accountId).param("before", Timestamp.from(forgetBefore))
            .update();
        jdbc.sql("INSERT INTO verification_attempt (organization_id, account_id, at) VALUES (:org, :account, :at)")
            .param("org", organization.value()).param("account", accountId).param("at", Timestamp.from(at)).update();
    }
}
