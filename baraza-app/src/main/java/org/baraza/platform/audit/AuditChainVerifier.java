package org.baraza.platform.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks an audit chain entry by entry, recomputing each hash, and names the first entry that does
 * not hold. Entries stream from the database (a read-only transaction with a fetch size), so a
 * chain of millions of entries is checked in constant memory.
 */
@Component
public class AuditChainVerifier {

    private static final int FETCH_SIZE = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    AuditChainVerifier(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The chain of one municipality, or of the platform when {@code organization} is null. */
    public ChainCheck verify(OrganizationId organization) {
        return verify(organization == null ? null : organization.value());
    }

    /** Every chain there is: the platform's first, then each municipality's by id. */
    public List<ChainCheck> verifyAll() {
        List<Long> chains = jdbc.query("""
                SELECT DISTINCT organization_id FROM audit_entry ORDER BY organization_id NULLS FIRST""",
            (rs, row) -> rs.getObject(1, Long.class));
        if (!chains.contains(null)) {
            chains = Stream.concat(Stream.of((Long) null), chains.stream()).toList();
        }
        return chains.stream().map(this::verify).toList();
    }

    ChainCheck verify(Long organization) {
        return readOnly.execute(status -> {
            String sql = """
                SELECT id, organization_id, actor_account_id, action, target, details, at, previous_hash, hash
                FROM audit_entry WHERE organization_id IS NOT DISTINCT FROM ? ORDER BY id""";
            try (Stream<Entry> entries = jdbc.queryForStream(sql, AuditChainVerifier::entry, organization)) {
                String expectedPrevious = HashChainedAuditTrail.GENESIS;
                long count = 0;
                Iterator<Entry> iterator = entries.iterator();
                while (iterator.hasNext()) {
                    Entry entry = iterator.next();
                    count++;
                    String recomputed = HashChainedAuditTrail.hash(entry.previousHash(), entry.id(), entry.organization(),
                        entry.actor(), entry.action(), entry.target(), entry.details(), entry.at().toInstant());
                    if (!recomputed.equals(entry.hash())) {
                        return broken(organization, count, entry.id(), ChainCheck.Problem.HASH_MISMATCH);
                    }
                    if (!expectedPrevious.equals(entry.previousHash())) {
                        return broken(organization, count, entry.id(), ChainCheck.Problem.PREVIOUS_HASH_MISMATCH);
                    }
                    expectedPrevious = entry.hash();
                }
                return new ChainCheck(organization, count, Optional.empty());
            }
        });
    }

    private static ChainCheck broken(Long organization, long count, long id, ChainCheck.Problem problem) {
        return new ChainCheck(organization, count, Optional.of(new ChainCheck.Break(id, problem)));
    }

    private record Entry(long id, Long organization, Long actor, String action, String target, String details,
                         OffsetDateTime at, String previousHash, String hash) {
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getObject("organization_id", Long.class), rs.getObject("actor_account_id", Long.class),
            rs.getString("action"), rs.getString("target"), rs.getString("details"), rs.getObject("at", OffsetDateTime.class),
            rs.getString("previous_hash"), rs.getString("hash"));
    }
}
