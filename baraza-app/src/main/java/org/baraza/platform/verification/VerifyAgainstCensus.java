package org.baraza.platform.verification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.baraza.platform.AuditTrail;
import org.baraza.platform.OrganizationId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifies an account against the census: the resident online, or an officer who has seen the
 * person's document. A matching record not yet used binds to the account for good.
 */
@Service
class VerifyAgainstCensus {

    /** Failed attempts allowed per account within {@link #ATTEMPT_WINDOW}: enough for typos, too few to guess. */
    static final int MAX_FAILED_ATTEMPTS = 5;
    static final Duration ATTEMPT_WINDOW = Duration.ofHours(1);

    private final Census census;
    private final CensusSalts salts;
    private final CensusLock lock;
    private final AuditTrail audit;
    private final Clock clock;

    VerifyAgainstCensus(Census census, CensusSalts salts, CensusLock lock, AuditTrail audit, Clock clock) {
        this.census = census;
        this.salts = salts;
        this.lock = lock;
        this.audit = audit;
        this.clock = clock;
    }

    /** The resident verifies themselves; failed attempts are counted and limited. */
    @Transactional
    public VerificationOutcome byResident(OrganizationId organization, long accountId, CensusClaim claim) {
        lock.shared(organization);
        lock.attemptsOf(accountId);
        if (census.isBound(organization, accountId)) {
            return VerificationOutcome.ALREADY_VERIFIED;
        }
        Instant now = clock.instant();
        if (census.recentFailedAttempts(organization, accountId, now.minus(ATTEMPT_WINDOW)) >= MAX_FAILED_ATTEMPTS) {
            return VerificationOutcome.TOO_MANY_ATTEMPTS;
        }
        VerificationOutcome outcome = bind(organization, accountId, claim, null, now);
        if (outcome == VerificationOutcome.NO_MATCH || outcome == VerificationOutcome.RECORD_TAKEN) {
            census.recordFailedAttempt(organization, accountId, now, now.minus(ATTEMPT_WINDOW));
        }
        return outcome;
    }

    /**
     * An officer verifies a person in person, having checked their document; a success is written to
     * the audit log with the account's id only (never the document's data).
     */
    @Transactional
    public VerificationOutcome byOfficer(OrganizationId organization, long officerAccountId, long accountId, CensusClaim claim) {
        lock.shared(organization);
        lock.attemptsOf(accountId);
        if (census.isBound(organization, accountId)) {
            return VerificationOutcome.ALREADY_VERIFIED;
        }
        VerificationOutcome outcome = bind(organization, accountId, claim, officerAccountId, clock.instant());
        if (outcome == VerificationOutcome.VERIFIED) {
            audit.record(organization, officerAccountId, "verification.assisted", "account:" + accountId, Map.of());
        }
        return outcome;
    }

    /** How many more failed attempts the resident may make within the hour. */
    @Transactional(readOnly = true)
    public int attemptsLeft(OrganizationId organization, long accountId) {
        int used = census.recentFailedAttempts(organization, accountId, clock.instant().minus(ATTEMPT_WINDOW));
        return Math.max(0, MAX_FAILED_ATTEMPTS - used);
    }

    private VerificationOutcome bind(OrganizationId organization, long accountId, CensusClaim claim, Long officer, Instant now) {
        byte[] hash = salts.hasher(organization).hash(claim.document());
        Optional<Census.Entry> entry = census.find(organization, hash);
        if (entry.isEmpty() || !entry.get().birthDate().equals(claim.birthDate())
            || !entry.get().districtCode().equals(claim.districtCode())) {
            return VerificationOutcome.NO_MATCH;
        }
        if (census.bind(organization, hash, accountId, officer, now)) {
            return VerificationOutcome.VERIFIED;
        }
        return census.isBound(organization, accountId) ? VerificationOutcome.ALREADY_VERIFIED : VerificationOutcome.RECORD_TAKEN;
    }
}
