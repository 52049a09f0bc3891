package org.baraza.participation.proposals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many people the municipality's census counts, which support thresholds are a share of. Counted
 * at most once a minute per municipality: a census changes by upload, rarely, and a support must not
 * count a large table each time.
 * <p>
 * Reads the platform's census table read-only, until the platform's ResidentVerification offers the count
 * (requested); nothing but the count is read.
 */
@Component
class CensusSize {

    private static final Duration FRESH = Duration.ofMinutes(1);

    private record Counted(long size, Instant at) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<OrganizationId, Counted> counted = new ConcurrentHashMap<>();

    CensusSize(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long of(OrganizationId organization) {
        Instant now = clock.instant();
        Counted known = counted.get(organization);
        if (known != null && known.at().plus(FRESH).isAfter(now)) {
            return known.size();
        }
        long size = jdbc.sql("SELECT count(*) FROM census_record WHERE organization_id = :org")
            .param("org", organization.value()).query(Long.class).single();
        counted.put(organization, new Counted(size, now));
        return size;
    }

    /** Counts again on the next question, e.g. in tests that load a census. */
    void forget() {
        counted.clear();
    }
}
