package org.baraza.platform.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins, wrong codes and code requests per client address, in a sliding window. Past
 * the limit (20 in 5 minutes by default) the security filter answers 429 before trying anything.
 * Kept in memory: each node counts on its own, and a restart forgets, which is acceptable for a
 * brake on guessing; the per-account lockout in the database is the hard limit.
 * The address is the one Tomcat resolved, which honours X-Forwarded-For only from trusted proxies.
 */
@Component
public class ClientAttempts {

    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentMap<String, ArrayDeque<Instant>> byClient = new ConcurrentHashMap<>();

    ClientAttempts(@Value("${baraza.security.attempts-per-client:20}") int limit,
                   @Value("${baraza.security.attempts-window:5m}") Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Whether this client has used up its attempts for now. */
    public boolean exhausted(HttpServletRequest request) {
        ArrayDeque<Instant> attempts = byClient.get(request.getRemoteAddr());
        if (attempts == null) {
            return false;
        }
        synchronized (attempts) {
            dropOld(attempts, clock.instant());
            return attempts.size() >= limit;
        }
    }

    /** Seconds until the oldest counted attempt leaves the window, for Retry-After. */
    public long secondsUntilRetry(HttpServletRequest request) {
        ArrayDeque<Instant> attempts = byClient.get(request.getRemoteAddr());
        if (attempts == null) {
            return 0;
        }
        synchronized (attempts) {
            Instant oldest = attempts.peekFirst();
            return oldest == null ? 0 : Math.max(1, Duration.between(clock.instant(), oldest.plus(window)).toSeconds());
        }
    }

    void record(HttpServletRequest request) {
        Instant now = clock.instant();
        if (byClient.size() > MAX_TRACKED_CLIENTS) {
            forgetQuietClients(now);
        }
        ArrayDeque<Instant> attempts = byClient.computeIfAbsent(request.getRemoteAddr(), address -> new ArrayDeque<>());
        synchronized (attempts) {
            dropOld(attempts, now);
            attempts.addLast(now);
        }
    }

    private void dropOld(ArrayDeque<Instant> attempts, Instant now) {
        Instant horizon = now.minus(window);
        while (!attempts.isEmpty() && !attempts.peekFirst().isAfter(horizon)) {
            attempts.removeFirst();
        }
    }

    private void forgetQuietClients(Instant now) {
        byClient.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                dropOld(entry.getValue(), now);
                return entry.getValue().isEmpty();
            }
        });
    }
}
