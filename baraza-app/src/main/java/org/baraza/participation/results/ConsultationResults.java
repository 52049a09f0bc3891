package org.baraza.participation.results;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.baraza.participation.consultations.Consultation;
import org.baraza.participation.districts.KnownDistricts;
import org.springframework.stereotype.Service;

/**
 * The results of a consultation, computed on demand the first time they are asked for after it closed,
 * and kept until a paper sheet changes them. Nothing is published while it is open: not even partial counts.
 */
@Service
public class ConsultationResults {

    private record Cached(String version, Results results) {
    }

    private final ResultsQuery query;
    private final KnownDistricts districts;
    private final Clock clock;
    private final ConcurrentMap<Long, Cached> cache = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, Object> counting = new ConcurrentHashMap<>();

    ConsultationResults(ResultsQuery query, KnownDistricts districts, Clock clock) {
        this.query = query;
        this.districts = districts;
        this.clock = clock;
    }

    /** The results, or empty while the consultation has not closed. */
    public Optional<Results> of(Consultation consultation) {
        if (!consultation.hasClosedAt(clock.instant())) {
            return Optional.empty();
        }
        String version = consultation.closedAt() + "|" + query.paperVersion(consultation.id());
        Cached cached = cache.get(consultation.id().value());
        if (cached != null && cached.version().equals(version)) {
            return Optional.of(cached.results());
        }
        // the first look after closing may come from many visitors at once: one counts, the others wait for it
        synchronized (counting.computeIfAbsent(consultation.id().value(), id -> new Object())) {
            cached = cache.get(consultation.id().value());
            if (cached != null && cached.version().equals(version)) {
                return Optional.of(cached.results());
            }
            Results results = compute(consultation);
            if (cache.size() > 200) {
                cache.clear();
                counting.clear();
            }
            cache.put(consultation.id().value(), new Cached(version, results));
            return Optional.of(results);
        }
    }

    /** Counts afresh, whatever the cache holds (the benchmark times this). */
    Results compute(Consultation consultation) {
        return Tally.of(consultation, query.count(consultation.id()), districts.list(consultation.organization()));
    }
}
