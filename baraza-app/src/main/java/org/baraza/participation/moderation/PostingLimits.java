package org.baraza.participation.moderation;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.baraza.platform.OrganizationId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Basic spam defence, asked before any debate or comment is stored: a blocked account posts nothing; an
 * account posts at most {@code perAccount} contributions in {@code window} (counted from the stored
 * contributions, so it holds across nodes and restarts); a client address at most {@code perAddress}
 * (counted in memory: an address is shared by many people behind one network, so its limit is looser and
 * only needs to slow a flood down on this node).
 */
@Component
public class PostingLimits {

    /** Addresses remembered at most; beyond, the oldest memory is dropped (a flood of addresses must not fill the heap). */
    private static final int MAX_ADDRESSES = 50_000;

    private final JdbcClient jdbc;
    private final Moderation moderation;
    private final Clock clock;
    private final int perAccount;
    private final int perAddress;
    private final Duration window;
    private final Map<String, Deque<Instant>> byAddress = new ConcurrentHashMap<>();

    PostingLimits(JdbcClient jdbc, Moderation moderation, Clock clock,
                  @Value("${baraza.posting.per-account:10}") int perAccount,
                  @Value("${baraza.posting.per-address:30}") int perAddress,
                  @Value("${baraza.posting.window:PT5M}") Duration window) {
        this.jdbc = jdbc;
        this.moderation = moderation;
        this.clock = clock;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
    }

    /** @throws PostingRefused if the account may not post now */
    public void check(OrganizationId organization, long accountId, HttpServletRequest request) {
        if (moderation.isBlocked(organization, accountId)) {
            throw new PostingRefused(HttpStatus.FORBIDDEN, "moderation.refused.blocked");
        }
        Instant now = clock.instant();
        Instant since = now.minus(window);
        long recent = jdbc.sql("""
                SELECT (SELECT count(*) FROM comment WHERE organization_id = :org AND author_account_id = :account AND created_at > :since)
                     + (SELECT count(*) FROM debate WHERE organization_id = :org AND author_account_id = :account AND created_at > :since)""")
            .param("org", organization.value()).param("account", accountId).param("since", Timestamp.from(since))
            .query(Long.class).single();
        if (recent >= perAccount) {
            throw new PostingRefused(HttpStatus.TOO_MANY_REQUESTS, "moderation.refused.tooFast");
        }
        if (!allowAddress(organization.value() + "/" + request.getRemoteAddr(), now, since)) {
            throw new PostingRefused(HttpStatus.TOO_MANY_REQUESTS, "moderation.refused.tooFast");
        }
    }

    private boolean allowAddress(String key, Instant now, Instant since) {
        if (byAddress.size() > MAX_ADDRESSES) {
            byAddress.clear();
        }
        Deque<Instant> times = byAddress.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
                times.pollFirst();
            }
            if (times.size() >= perAddress) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
