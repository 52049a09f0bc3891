package org.baraza.participation.proposals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.ResidentVerification;
import org.springframework.stereotype.Component;

/**
 * How many people the municipality's census counts, which support thresholds are a share of. Counted
 * at most once a minute per municipality: a census changes by upload, rarely, and a support must not
 * count a large table each time. The platform owns the census and gives the count
 * ({@link ResidentVerification#censusSize}); nothing but the count is read.
 */
@Component
class CensusSize {

    private static final Duration FRESH = Duration.ofMinutes(1);

    private record Counted(long size, Instant at) {
    }

    private final ResidentVerification verification;
    private final Clock clock;
    private final Map<OrganizationId, Counted> counted = new ConcurrentHashMap<>();

    CensusSize(ResidentVerification verification, Clock clock) {
        this.verification = verification;
        this.clock = clock;
    }

    long of(OrganizationId organization) {
        Instant now = clock.instant();
        Counted known = counted.get(organization);
        if (known != null && known.at().plus(FRESH).isAfter(now)) {
            return known.size();
        }
        long size = verification.censusSize(organization);
        counted.put(organization, new Counted(size, now));
        return size;
    }

    /** Counts again on the next question, e.g. in tests that load a census. */
    void forget() {
        counted.clear();
    }
}
