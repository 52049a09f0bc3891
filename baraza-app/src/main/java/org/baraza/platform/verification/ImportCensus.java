package org.baraza.platform.verification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.baraza.platform.AuditTrail;
import org.baraza.platform.District;
import org.baraza.platform.Municipality;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.tenancy.DistrictsAndDepartments;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An admin uploads the census. All or nothing, in one transaction: the file streams through the reader
 * into a temporary staging table with PostgreSQL's COPY (only hashes, never document numbers), the
 * staging table is checked for documents listed twice, and only a file without a single problem is
 * merged into the census. Bindings are keyed by hash, so residents stay verified across uploads.
 */
@Service
class ImportCensus {

    private static final Logger log = LoggerFactory.getLogger(ImportCensus.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final CensusSalts salts;
    private final CensusLock lock;
    private final DistrictsAndDepartments districts;
    private final AuditTrail audit;
    private final CensusLimits limits;
    private final Clock clock;

    ImportCensus(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactions, CensusSalts salts,
                 CensusLock lock, DistrictsAndDepartments districts, AuditTrail audit, CensusLimits limits, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.salts = salts;
        this.lock = lock;
        this.districts = districts;
        this.audit = audit;
        this.limits = limits;
        this.clock = clock;
    }

    CensusImportReport importFile(Municipality municipality, long adminAccountId, InputStream file, ImportMode mode) {
        OrganizationId organization = municipality.id();
        Instant started = clock.instant();
        Set<String> districtCodes = new HashSet<>();
        for (District district : districts.districts(organization)) {
            districtCodes.add(district.code());
        }
        DocumentHasher hasher = salts.hasher(organization);
        LocalDate today = LocalDate.ofInstant(started, municipality.timeZone());
        CensusFileReader reader = new CensusFileReader(districtCodes, limits.maxRows(), limits.maxFileSize().toBytes(), today);
        Instant[] staged = {started};
        Instant[] checked = {started};
        CensusImportReport report = transaction.execute(status -> {
            // a census is large: let the joins and the duplicate check hash in memory rather than spill to disk
            jdbc.sql("SET LOCAL work_mem = '64MB'").update();
            CensusProblems problems = new CensusProblems();
            long rows = stage(reader, file, hasher, problems);
            staged[0] = clock.instant();
            if (problems.isEmpty()) {
                findDuplicates(problems);
            }
            checked[0] = clock.instant();
            if (!problems.isEmpty()) {
                status.setRollbackOnly();
                return CensusImportReport.refused(mode, problems, Duration.between(started, clock.instant()));
            }
            return merge(organization, adminAccountId, mode, rows, started);
        });
        log.info("census upload for organization {}: imported={} rows={} problems={} in {} ms (read and stage {} ms, "
                + "check {} ms, merge {} ms)", organization, report.imported(), report.rows(), report.problemCount(),
            report.took().toMillis(), millis(started, staged[0]), millis(staged[0], checked[0]),
            millis(checked[0], started.plus(report.took())));
        return report;
    }

    private static long millis(Instant from, Instant to) {
        return to == null || from == null ? 0 : Math.max(0, Duration.between(from, to).toMillis());
    }

    /** Streams the file's valid rows into a temporary table, as hashes. @return the number of valid rows */
    private long stage(CensusFileReader reader, InputStream file, DocumentHasher hasher, CensusProblems problems) {
        jdbc.sql("""
                CREATE TEMPORARY TABLE census_staging (
                    line          bigint NOT NULL,
                    document_hash bytea  NOT NULL,
                    birth_date    date   NOT NULL,
                    district_code text   NOT NULL
                ) ON COMMIT DROP""").update();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY census_staging (line, document_hash, birth_date, district_code) FROM STDIN (FORMAT text)");
            try (CopyBuffer buffer = new CopyBuffer(copy)) {
                long rows = reader.read(file, row -> buffer.write(row, hasher.hash(row.document())), problems);
                buffer.end();
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not stage the census", e);
        } catch (IOException e) {
            throw new UncheckedIOException("the census upload broke off", e);
        }
    }

    /** A document listed twice is a mistake in the file: which of the two rows is right cannot be guessed. */
    private void findDuplicates(CensusProblems problems) {
        jdbc.sql("ANALYZE census_staging").update();
        long count = jdbc.sql("""
                SELECT coalesce(sum(copies - 1), 0) FROM (
                    SELECT count(*) AS copies FROM census_staging GROUP BY document_hash HAVING count(*) > 1) d""")
            .query(Long.class).single();
        if (count == 0) {
            return;
        }
        List<CensusProblem> first = jdbc.sql("""
                SELECT line, first_line FROM (
                    SELECT line, min(line) OVER (PARTITION BY document_hash) AS first_line FROM census_staging) d
                WHERE line <> first_line ORDER BY line LIMIT :shown""")
            .param("shown", CensusProblems.SHOWN)
            .query((rs, row) -> new CensusProblem(rs.getLong("line"), CensusProblem.Kind.DUPLICATE_DOCUMENT,
                CensusFileReader.DOCUMENT, rs.getLong("first_line")))
            .list();
        problems.addCounted(first, count);
    }

    private CensusImportReport merge(OrganizationId organization, long admin, ImportMode mode, long rows, Instant started) {
        // From here verifications of this municipality wait: none may bind a record this upload removes.
        lock.exclusive(organization);
        Instant now = clock.instant();
        // Two set operations (hash joins) rather than a million ON CONFLICT probes; new records go in
        // hash order, so the primary key index grows at its end instead of at a million random pages.
        long updated = jdbc.sql("""
                WITH updated AS (
                    UPDATE census_record r
                    SET birth_date = s.birth_date, district_code = s.district_code, imported_at = :now
                    FROM census_staging s
                    WHERE r.organization_id = :org AND r.document_hash = s.document_hash
                      AND (r.birth_date, r.district_code) IS DISTINCT FROM (s.birth_date, s.district_code)
                    RETURNING 1)
                SELECT count(*) FROM updated""")
            .param("org", organization.value()).param("now", Timestamp.from(now)).query(Long.class).single();
        long added = jdbc.sql("""
                WITH added AS (
                    INSERT INTO census_record (organization_id, document_hash, birth_date, district_code, imported_at)
                    SELECT :org, s.document_hash, s.birth_date, s.district_code, :now FROM census_staging s
                    WHERE NOT EXISTS (SELECT 1 FROM census_record r
                                      WHERE r.organization_id = :org AND r.document_hash = s.document_hash)
                    ORDER BY s.document_hash
                    RETURNING 1)
                SELECT count(*) FROM added""")
            .param("org", organization.value()).param("now", Timestamp.from(now)).query(Long.class).single();
        long removed = 0;
        long keptBound = 0;
        if (mode == ImportMode.REPLACE) {
            removed = jdbc.sql("""
                    WITH removed AS (
                        DELETE FROM census_record r
                        WHERE r.organization_id = :org
                          AND NOT EXISTS (SELECT 1 FROM census_staging s WHERE s.document_hash = r.document_hash)
                          AND NOT EXISTS (SELECT 1 FROM census_binding b
                                          WHERE b.organization_id = r.organization_id AND b.document_hash = r.document_hash)
                        RETURNING 1)
                    SELECT count(*) FROM removed""")
                .param("org", organization.value()).query(Long.class).single();
            keptBound = jdbc.sql("""
                    SELECT count(*) FROM census_binding b
                    WHERE b.organization_id = :org
                      AND NOT EXISTS (SELECT 1 FROM census_staging s WHERE s.document_hash = b.document_hash)""")
                .param("org", organization.value()).query(Long.class).single();
        }
        long unchanged = rows - added - updated;
        jdbc.sql("""
                INSERT INTO census_import (organization_id, actor_account_id, imported_at, mode, row_count, added, updated, removed, kept_bound)
                VALUES (:org, :actor, :now, :mode, :rows, :added, :updated, :removed, :kept)""")
            .param("org", organization.value()).param("actor", admin).param("now", Timestamp.from(now))
            .param("mode", mode.name()).param("rows", rows).param("added", added).param("updated", updated)
            .param("removed", removed).param("kept", keptBound).update();
        audit.record(organization, admin, "census.imported", "census", Map.of(
            "mode", mode.name().toLowerCase(java.util.Locale.ROOT), "rows", Long.toString(rows),
            "added", Long.toString(added), "updated", Long.toString(updated), "removed", Long.toString(removed)));
        return new CensusImportReport(true, mode, rows, added, updated, unchanged, removed, keptBound, List.of(), 0,
            Duration.between(started, clock.instant()));
    }

    /**
     * Rows in COPY's text format, gathered into 64 KB writes. Hashes go as bytea hex; district codes are
     * escaped (backslash, tab, newline, carriage return) though a code rarely holds any of them.
     */
    private static final class CopyBuffer implements AutoCloseable {
        private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        private final CopyIn copy;
        private final byte[] bytes = new byte[64 * 1024];
        private int length;
        private boolean ended;

        CopyBuffer(CopyIn copy) {
            this.copy = copy;
        }

        void write(CensusRow row, byte[] hash) {
            if (length > bytes.length - 512) {
                flush();
            }
            ascii(Long.toString(row.line()));
            put('\t');
            put('\\');
            put('\\');
            put('x');
            for (byte b : hash) {
                put(HEX[(b >> 4) & 0xF]);
                put(HEX[b & 0xF]);
            }
            put('\t');
            ascii(row.birthDate().toString());
            put('\t');
            for (byte b : escape(row.districtCode()).getBytes(StandardCharsets.UTF_8)) {
                put(b);
            }
            put('\n');
        }

        void end() {
            flush();
            try {
                copy.endCopy();
                ended = true;
            } catch (SQLException e) {
                throw new IllegalStateException("could not stage the census", e);
            }
        }

        private void flush() {
            if (length == 0) {
                return;
            }
            try {
                copy.writeToCopy(bytes, 0, length);
            } catch (SQLException e) {
                throw new IllegalStateException("could not stage the census", e);
            }
            length = 0;
        }

        private void ascii(String text) {
            for (int i = 0; i < text.length(); i++) {
                put((byte) text.charAt(i));
            }
        }

        private void put(int b) {
            bytes[length++] = (byte) b;
        }

        private static String escape(String text) {
            return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
        }

        /** A copy left open by a failure is cancelled, so the connection goes back to the pool usable. */
        @Override
        public void close() {
            if (!ended && copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException e) {
                    log.warn("could not cancel the census COPY", e);
                }
            }
        }
    }
}
