package org.baraza.pb;

/**
 * How far every voter's endowment may rise, from the value a Method of Equal Shares pass was run
 * with, before any decision of that pass could turn out differently: the pass then selects the same
 * projects in the same order for every rise {@code t} with {@code 0 <= t < limit}.
 * <p>
 * Why: the add1 loops (mes-conventions.md §4) run pass after pass with the endowment raised by one
 * unit; every amount in a pass is affine in the rise, so each decision (who pays in full, which
 * project is cheapest, which cannot be afforded) holds on an interval, and the passes in between
 * can be skipped without changing the result. Once the limit is at most one there is nothing to
 * skip and tracking stops.
 */
final class EqualSharesStability {

    private final boolean enabled;
    private Rational limit; // null: no decision has bounded the rise yet
    private boolean tracking;

    private EqualSharesStability(boolean enabled) {
        this.enabled = enabled;
        this.tracking = enabled;
    }

    static EqualSharesStability tracked() {
        return new EqualSharesStability(true);
    }

    static EqualSharesStability untracked() {
        return new EqualSharesStability(false);
    }

    boolean tracking() {
        return tracking;
    }

    /**
     * How many whole units the endowment may rise and give this pass's outcome again; at least 1.
     * Empty when no decision depended on the endowment (the outcome never changes again).
     */
    java.util.Optional<Rational> stableRise() {
        if (!enabled || (limit != null && limit.compareTo(Rational.ONE) <= 0)) {
            return java.util.Optional.of(Rational.ONE);
        }
        if (limit == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(limit.ceiling());
    }

    /** The decision taken was {@code difference < 0} at {@code t = 0}; keep it true. */
    void keepNegative(EqualSharesAmount difference) {
        if (!tracking) {
            return;
        }
        Rational slope = difference.slope();
        if (slope.signum() <= 0) {
            return;
        }
        // zero crossing at t = -atStart / slope > 0
        bound(difference.atStart().negate().divide(slope));
    }

    /** The decision taken was {@code difference <= 0} at {@code t = 0}; keep it true. */
    void keepNonPositive(EqualSharesAmount difference) {
        if (!tracking) {
            return;
        }
        if (difference.atStart().signum() < 0) {
            keepNegative(difference);
        } else if (difference.slope().signum() > 0) {
            bound(Rational.ZERO);
        }
    }

    private void bound(Rational rise) {
        if (limit == null || rise.compareTo(limit) < 0) {
            limit = rise;
        }
        if (limit.compareTo(Rational.ONE) <= 0) {
            tracking = false;
        }
    }
}
