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
 * How many registrations and code requests (each sends an e-mail or a text message) one client address
 * may make in an hour: {@code baraza.accounts.messages-per-address} (10 unless set). Without it, one
 * script could register thousands of made-up logins and fill the outbox, or make the municipality's
 * gateway send mail to strangers. The per-account allowance of codes ({@link OneTimeCodes}) does not
 * help there: each registration is a new account. Counted in memory per node, like {@link ClientAttempts}:
 * a brake on floods, not an accounting; several people behind one network share the allowance, so it
 * is looser than one person needs.
 */
@Component
class MessagesPerAddress {

    static final Duration WINDOW = Duration.ofHours(1);
    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final int limit;
    private final Clock clock;
    private final ConcurrentMap<String, ArrayDeque<Instant>> byClient = new ConcurrentHashMap<>();

    MessagesPerAddress(@Value("${baraza.accounts.messages-per-address:10}") int limit, Clock clock) {
        this.limit = Math.max(1, limit);
        this.clock = clock;
    }

    /** Counts one message for this client and says whether it may be sent; a refused one is not counted. */
    boolean take(HttpServletRequest request) {
        Instant now = clock.instant();
        if (byClient.size() > MAX_TRACKED_CLIENTS) {
            byClient.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    dropOld(entry.getValue(), now);
                    return entry.getValue().isEmpty();
                }
            });
        }
        ArrayDeque<Instant> sent = byClient.computeIfAbsent(request.getRemoteAddr(), address -> new ArrayDeque<>());
        synchronized (sent) {
            dropOld(sent, now);
            if (sent.size() >= limit) {
                return false;
            }
            sent.addLast(now);
            return true;
        }
    }

    /** Seconds until this client may ask again, for Retry-After. */
    long secondsUntilRetry(HttpServletRequest request) {
        ArrayDeque<Instant> sent = byClient.get(request.getRemoteAddr());
        if (sent == null) {
            return 0;
        }
        synchronized (sent) {
            Instant oldest = sent.peekFirst();
            return oldest == null ? 0 : Math.max(1, Duration.between(clock.instant(), oldest.plus(WINDOW)).toSeconds());
        }
    }

    private static void dropOld(ArrayDeque<Instant> sent, Instant now) {
        Instant horizon = now.minus(WINDOW);
        while (!sent.isEmpty() && !sent.peekFirst().isAfter(horizon)) {
            sent.removeFirst();
        }
    }
}
