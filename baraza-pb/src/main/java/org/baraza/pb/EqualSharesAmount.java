package org.baraza.pb;

/**
 * An amount of money during one Method of Equal Shares pass, written as {@code atStart + slope·t}:
 * its exact value when every voter's endowment is {@code e + t} instead of {@code e}.
 * The pass decides at {@code t = 0} and, by keeping the slopes, learns for how large a {@code t}
 * each decision would stay the same (see {@link EqualSharesStability}).
 */
record EqualSharesAmount(Rational atStart, Rational slope) {

    static final EqualSharesAmount ZERO = new EqualSharesAmount(Rational.ZERO, Rational.ZERO);

    static EqualSharesAmount constant(Rational value) {
        return new EqualSharesAmount(value, Rational.ZERO);
    }

    boolean isConstant() {
        return slope.isZero();
    }

    boolean isZero() {
        return atStart.isZero() && slope.isZero();
    }

    EqualSharesAmount withoutSlope() {
        return isConstant() ? this : constant(atStart);
    }

    EqualSharesAmount add(EqualSharesAmount other) {
        return new EqualSharesAmount(atStart.add(other.atStart), slopeOf(slope.add(other.slope)));
    }

    EqualSharesAmount subtract(EqualSharesAmount other) {
        return new EqualSharesAmount(atStart.subtract(other.atStart), slopeOf(slope.subtract(other.slope)));
    }

    EqualSharesAmount subtractFrom(Rational value) {
        return new EqualSharesAmount(value.subtract(atStart), slope.negate());
    }

    EqualSharesAmount multiply(long factor) {
        return new EqualSharesAmount(atStart.multiply(factor), slope.isZero() ? Rational.ZERO : slope.multiply(factor));
    }

    EqualSharesAmount divide(long divisor) {
        return new EqualSharesAmount(atStart.divide(divisor), slope.isZero() ? Rational.ZERO : slope.divide(divisor));
    }

    EqualSharesAmount divide(Rational divisor) {
        return new EqualSharesAmount(atStart.divide(divisor), slope.isZero() ? Rational.ZERO : slope.divide(divisor));
    }

    /** Compares the values at {@code t = 0}. */
    int compareAtStart(EqualSharesAmount other) {
        return atStart.compareTo(other.atStart);
    }

    private static Rational slopeOf(Rational slope) {
        return slope.isZero() ? Rational.ZERO : slope;
    }
}
