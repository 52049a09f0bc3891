package org.baraza.platform.verification;

import java.time.Instant;
import java.util.Optional;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The state of a municipality's census at a glance, for its admins. */
@Repository
class CensusOverview {

    /** What the census holds now, and the last upload if any. */
    record Summary(long records, long verified, Optional<LastImport> lastImport) {
    }

    record LastImport(Instant at, ImportMode mode, long rows) {
    }

    private final JdbcClient jdbc;

    CensusOverview(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Summary of(OrganizationId organization) {
        long records = jdbc.sql("SELECT count(*) FROM census_record WHERE organization_id = :org")
            .param("org", organization.value()).query(Long.class).single();
        long verified = jdbc.sql("SELECT count(*) FROM census_binding WHERE organization_id = :org")
            .param("org", organization.value()).query(Long.class).single();
        Optional<LastImport> last = jdbc.sql("""
                SELECT imported_at, mode, row_count FROM census_import WHERE organization_id = :org ORDER BY id DESC LIMIT 1""")
            .param("org", organization.value())
            .query((rs, row) -> new LastImport(rs.getTimestamp("imported_at").toInstant(), ImportMode.valueOf(rs.getString("mode")),
                rs.getLong("row_count")))
            .optional();
        return new Summary(records, verified, last);
    }
}
