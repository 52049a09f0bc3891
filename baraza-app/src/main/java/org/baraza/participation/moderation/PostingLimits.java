package org.baraza.participation.moderation;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.baraza.platform.AccountDirectory;
import org.baraza.platform.OrganizationId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Basic spam defence, asked before any proposal, debate or comment is stored: a blocked account posts
 * nothing; an account posts at most {@code perAccount} contributions in {@code window} (counted from the
 * stored contributions, so it holds across nodes and restarts); a client address at most {@code perAddress}
 * (counted in memory: an address is shared by many people behind one network, so its limit is looser and
 * only needs to slow a flood down on this node).
 * <p>
 * New accounts get less: an account registered less than {@code baraza.posting.new-account-age} ago (24 hours
 * unless set) posts at most {@code baraza.posting.new-account-per-day} contributions (3 unless set) in a day.
 * Throw-away accounts are the spammer's tool; a real newcomer rarely needs more on their first day, and the
 * limit lifts by itself. An age of zero turns it off.
 */
@Component
public class PostingLimits {

    /** Addresses remembered at most; beyond, the oldest memory is dropped (a flood of addresses must not fill the heap). */
    private static final int MAX_ADDRESSES = 50_000;
    private static final Duration DAY = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final Moderation moderation;
    private final AccountDirectory accounts;
    private final Clock clock;
    private final int perAccount;
    private final int perAddress;
    private final Duration window;
    private final Duration newAccountAge;
    private final int newAccountPerDay;
    private final Map<String, Deque<Instant>> byAddress = new ConcurrentHashMap<>();

    PostingLimits(JdbcClient jdbc, Moderation moderation, AccountDirectory accounts, Clock clock,
                  @Value("${baraza.posting.per-account:10}") int perAccount,
                  @Value("${baraza.posting.per-address:30}") int perAddress,
                  @Value("${baraza.posting.window:PT5M}") Duration window,
                  @Value("${baraza.posting.new-account-age:PT24H}") Duration newAccountAge,
                  @Value("${baraza.posting.new-account-per-day:3}") int newAccountPerDay) {
        this.jdbc = jdbc;
        this.moderation = moderation;
        this.accounts = accounts;
        this.clock = clock;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
        this.newAccountAge = newAccountAge;
        this.newAccountPerDay = Math.max(0, newAccountPerDay);
    }

    /** @throws PostingRefused if the account may not post now */
    public void check(OrganizationId organization, long accountId, HttpServletRequest request) {
        if (moderation.isBlocked(organization, accountId)) {
            throw new PostingRefused(HttpStatus.FORBIDDEN, "moderation.refused.blocked");
        }
        Instant now = clock.instant();
        Instant since = now.minus(window);
        if (postsSince(organization, accountId, since) >= perAccount) {
            throw new PostingRefused(HttpStatus.TOO_MANY_REQUESTS, "moderation.refused.tooFast");
        }
        if (isNew(organization, accountId, now) && postsSince(organization, accountId, now.minus(DAY)) >= newAccountPerDay) {
            throw new PostingRefused(HttpStatus.TOO_MANY_REQUESTS, "moderation.refused.newAccount", newAccountPerDay,
                newAccountAge.toHours());
        }
        if (!allowAddress(organization.value() + "/" + request.getRemoteAddr(), now, since)) {
            throw new PostingRefused(HttpStatus.TOO_MANY_REQUESTS, "moderation.refused.tooFast");
        }
    }

    private boolean isNew(OrganizationId organization, long accountId, Instant now) {
        if (newAccountAge.isZero() || newAccountAge.isNegative()) {
            return false;
        }
        Optional<Instant> registered = accounts.createdAt(organization, accountId);
        return registered.isPresent() && registered.get().isAfter(now.minus(newAccountAge));
    }

    private long postsSince(OrganizationId organization, long accountId, Instant since) {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM comment WHERE organization_id = :org AND author_account_id = :account AND created_at > :since)
                     + (SELECT count(*) FROM debate WHERE organization_id = :org AND author_account_id = :account AND created_at > :since)
                     + (SELECT count(*) FROM proposal WHERE organization_id = :org AND author_account_id = :account AND created_at > :since)""")
            .param("org", organization.value()).param("account", accountId).param("since", Timestamp.from(since))
            .query(Long.class).single();
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
