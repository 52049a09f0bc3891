package org.baraza.platform.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Voluntary demographics (age band, gender, district), in a table of their own apart from the
 * account's identity, read only for aggregate statistics. Every part may be left blank; all blank
 * means no row at all.
 */
@Component
class Demographics {

    static final List<String> AGE_BANDS = List.of("under-18", "18-24", "25-34", "35-44", "45-54", "55-64", "65-plus");
    static final List<String> GENDERS = List.of("woman", "man", "another");

    record Answers(String ageBand, String gender, Long districtId) {
        boolean blank() {
            return ageBand == null && gender == null && districtId == null;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Demographics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Answers> of(OrganizationId organization, long accountId) {
        return jdbc.sql("""
                SELECT age_band, gender, district_id FROM resident_demographics
                 WHERE organization_id = :org AND account_id = :account""")
            .param("org", organization.value()).param("account", accountId)
            .query((rs, row) -> new Answers(rs.getString("age_band"), rs.getString("gender"),
                (Long) rs.getObject("district_id")))
            .optional();
    }

    /** Stores the answers; all blank removes them. The district must be one of this municipality's (a foreign key says so). */
    void answer(OrganizationId organization, long accountId, Answers answers) {
        if (answers.blank()) {
            remove(organization, accountId);
            return;
        }
        jdbc.sql("""
                INSERT INTO resident_demographics (organization_id, account_id, age_band, gender, district_id, updated_at)
                VALUES (:org, :account, :ageBand, :gender, :district, :now)
                ON CONFLICT (organization_id, account_id) DO UPDATE
                   SET age_band = EXCLUDED.age_band, gender = EXCLUDED.gender, district_id = EXCLUDED.district_id,
                       updated_at = EXCLUDED.updated_at""")
            .param("org", organization.value()).param("account", accountId)
            .param("ageBand", answers.ageBand(), java.sql.Types.VARCHAR)
            .param("gender", answers.gender(), java.sql.Types.VARCHAR)
            .param("district", answers.districtId(), java.sql.Types.BIGINT)
            .param("now", Timestamp.from(clock.instant()))
            .update();
    }

    void remove(OrganizationId organization, long accountId) {
        jdbc.sql("DELETE FROM resident_demographics WHERE organization_id = :org AND account_id = :account")
            .param("org", organization.value()).param("account", accountId).update();
    }
}
