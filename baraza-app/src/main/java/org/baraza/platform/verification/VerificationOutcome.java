package org.baraza.platform.verification;

/**
 * How a verification attempt ended. A claim that matches no record says only "no match" (never which
 * of the three facts differed), so an attempt teaches a guesser nothing.
 */
enum VerificationOutcome {
    VERIFIED,
    /** The account is already verified (by this or another census record). */
    ALREADY_VERIFIED,
    NO_MATCH,
    /** The census record matches but another account was verified with it. */
    RECORD_TAKEN,
    TOO_MANY_ATTEMPTS;

    String messageKey() {
        return "verification.outcome." + name();
    }
}
