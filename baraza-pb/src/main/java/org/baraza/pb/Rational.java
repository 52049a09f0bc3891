package org.baraza.pb;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Objects;

/**
 * An exact rational number, always in lowest terms with a positive denominator, so equal values
 * are {@code equals}. The PB rules compute in these (STYLE.md: exact rationals in PB rules).
 * <p>
 * A value whose numerator and denominator fit in a {@code long} is held in two longs and computed
 * on without allocation of big integers; anything larger moves to {@link BigInteger}s and comes back
 * when a result fits again. Both forms are canonical: a value has exactly one representation.
 */
public final class Rational implements Comparable<Rational> {

    public static final Rational ZERO = new Rational(0, 1);
    public static final Rational ONE = new Rational(1, 1);

    // Small form when big == null. Long.MIN_VALUE never occurs, so negation cannot overflow.
    private final long num;
    private final long den;
    // Big form: set only when the value does not fit the small form.
    private final BigInteger bigNum;
    private final BigInteger bigDen;

    private Rational(long num, long den) {
        this.num = num;
        this.den = den;
        this.bigNum = null;
        this.bigDen = null;
    }

    private Rational(BigInteger num, BigInteger den) {
        this.num = 0;
        this.den = 0;
        this.bigNum = num;
        this.bigDen = den;
    }

    /** The integer {@code value}. */
    public static Rational of(long value) {
        if (value == 0) {
            return ZERO;
        }
        if (value == 1) {
            return ONE;
        }
        if (value == Long.MIN_VALUE) {
            return of(BigInteger.valueOf(value), BigInteger.ONE);
        }
        return new Rational(value, 1);
    }

    /** {@code numerator / denominator}. @throws ArithmeticException if the denominator is zero */
    public static Rational of(long numerator, long denominator) {
        if (numerator == Long.MIN_VALUE || denominator == Long.MIN_VALUE) {
            return of(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
        }
        return normalised(numerator, denominator);
    }

    /** {@code numerator / denominator}. @throws ArithmeticException if the denominator is zero */
    public static Rational of(BigInteger numerator, BigInteger denominator) {
        if (denominator.signum() == 0) {
            throw new ArithmeticException("zero denominator");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (!gcd.equals(BigInteger.ONE)) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
        return fromReduced(numerator, denominator);
    }

    /** The exact value of a decimal, e.g. {@code 1331751.11} is {@code 133175111/100}. */
    public static Rational of(BigDecimal value) {
        BigInteger unscaled = value.unscaledValue();
        int scale = value.scale();
        if (scale <= 0) {
            return of(unscaled.multiply(BigInteger.TEN.pow(-scale)), BigInteger.ONE);
        }
        return of(unscaled, BigInteger.TEN.pow(scale));
    }

    // Numerator and denominator already coprime, denominator positive.
    private static Rational fromReduced(BigInteger numerator, BigInteger denominator) {
        if (numerator.bitLength() <= 63 && denominator.bitLength() <= 63
            && numerator.longValue() != Long.MIN_VALUE) {
            long n = numerator.longValue();
            long d = denominator.longValue();
            if (n == 0) {
                return ZERO;
            }
            return d == 1 && n == 1 ? ONE : new Rational(n, d);
        }
        return new Rational(numerator, denominator);
    }

    // Neither argument is Long.MIN_VALUE.
    private static Rational normalised(long numerator, long denominator) {
        if (denominator == 0) {
            throw new ArithmeticException("zero denominator");
        }
        if (numerator == 0) {
            return ZERO;
        }
        if (denominator < 0) {
            numerator = -numerator;
            denominator = -denominator;
        }
        long gcd = gcd(Math.abs(numerator), denominator);
        if (gcd != 1) {
            numerator /= gcd;
            denominator /= gcd;
        }
        return denominator == 1 && numerator == 1 ? ONE : new Rational(numerator, denominator);
    }

    private boolean isSmall() {
        return bigNum == null;
    }

    /** The numerator in lowest terms (carrying the sign). */
    public BigInteger numerator() {
        return isSmall() ? BigInteger.valueOf(num) : bigNum;
    }

    /** The denominator in lowest terms, always positive. */
    public BigInteger denominator() {
        return isSmall() ? BigInteger.valueOf(den) : bigDen;
    }

    public int signum() {
        return isSmall() ? Long.signum(num) : bigNum.signum();
    }

    public boolean isZero() {
        return isSmall() && num == 0;
    }

    public Rational negate() {
        return isSmall() ? new Rational(-num, den) : new Rational(bigNum.negate(), bigDen);
    }

    public Rational add(Rational other) {
        if (isSmall() && other.isSmall()) {
            if (num == 0) {
                return other;
            }
            if (other.num == 0) {
                return this;
            }
            Rational sum = addSmall(num, den, other.num, other.den);
            if (sum != null) {
                return sum;
            }
        }
        return addBig(other.numerator(), other.denominator());
    }

    public Rational subtract(Rational other) {
        if (isSmall() && other.isSmall()) {
            if (other.num == 0) {
                return this;
            }
            Rational difference = addSmall(num, den, -other.num, other.den);
            if (difference != null) {
                return difference;
            }
        }
        return addBig(other.numerator().negate(), other.denominator());
    }

    // a/b + c/d with b, d > 0 and coprime parts (Knuth 4.5.1); null when a long would overflow.
    private static Rational addSmall(long a, long b, long c, long d) {
        if (b == d) {
            long n = a + c;
            if (((a ^ n) & (c ^ n)) < 0 || n == Long.MIN_VALUE) {
                return null;
            }
            return normalised(n, b);
        }
        long g = gcd(b, d);
        long bg = b / g;
        long dg = d / g;
        long ad = multiplyOrZero(a, dg);
        long cb = multiplyOrZero(c, bg);
        if ((ad == 0 && a != 0) || (cb == 0 && c != 0)) {
            return null;
        }
        long n = ad + cb;
        if (((ad ^ n) & (cb ^ n)) < 0 || n == Long.MIN_VALUE) {
            return null;
        }
        if (n == 0) {
            return ZERO;
        }
        long g2 = gcd(Math.abs(n), g);
        long denominator = multiplyOrZero(bg, d / g2);
        if (denominator == 0) {
            return null;
        }
        return new Rational(n / g2, denominator);
    }

    private Rational addBig(BigInteger c, BigInteger d) {
        BigInteger a = numerator();
        BigInteger b = denominator();
        if (b.equals(d)) {
            return of(a.add(c), b);
        }
        return of(a.multiply(d).add(c.multiply(b)), b.multiply(d));
    }

    public Rational multiply(Rational other) {
        if (isSmall() && other.isSmall()) {
            if (num == 0 || other.num == 0) {
                return ZERO;
            }
            long g1 = gcd(Math.abs(num), other.den);
            long g2 = gcd(Math.abs(other.num), den);
            long n = multiplyOrZero(num / g1, other.num / g2);
            long d = multiplyOrZero(den / g2, other.den / g1);
            if (n != 0 && d != 0) {
                return d == 1 && n == 1 ? ONE : new Rational(n, d);
            }
        }
        return of(numerator().multiply(other.numerator()), denominator().multiply(other.denominator()));
    }

    public Rational multiply(long factor) {
        if (factor == 1) {
            return this;
        }
        if (isSmall() && factor != Long.MIN_VALUE) {
            if (num == 0 || factor == 0) {
                return ZERO;
            }
            long g = gcd(Math.abs(factor), den);
            long n = multiplyOrZero(num, factor / g);
            if (n != 0) {
                long d = den / g;
                return d == 1 && n == 1 ? ONE : new Rational(n, d);
            }
        }
        return of(numerator().multiply(BigInteger.valueOf(factor)), denominator());
    }

    /** @throws ArithmeticException when dividing by zero */
    public Rational divide(Rational other) {
        if (other.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        return multiply(other.reciprocal());
    }

    /** @throws ArithmeticException when dividing by zero */
    public Rational divide(long divisor) {
        if (divisor == 0) {
            throw new ArithmeticException("division by zero");
        }
        if (divisor == 1) {
            return this;
        }
        if (isSmall() && divisor != Long.MIN_VALUE) {
            if (num == 0) {
                return ZERO;
            }
            long g = gcd(Math.abs(num), Math.abs(divisor));
            long d = multiplyOrZero(den, Math.abs(divisor / g));
            if (d != 0) {
                long n = divisor < 0 ? -num / g : num / g;
                return d == 1 && n == 1 ? ONE : new Rational(n, d);
            }
        }
        return of(numerator(), denominator().multiply(BigInteger.valueOf(divisor)));
    }

    /** @throws ArithmeticException for zero */
    public Rational reciprocal() {
        if (isSmall()) {
            if (num == 0) {
                throw new ArithmeticException("reciprocal of zero");
            }
            return num < 0 ? new Rational(-den, -num) : (num == 1 && den == 1 ? ONE : new Rational(den, num));
        }
        return bigNum.signum() < 0
            ? new Rational(bigDen.negate(), bigNum.negate())
            : new Rational(bigDen, bigNum);
    }

    /** The greatest integer not above this value. */
    public Rational floor() {
        if (isSmall()) {
            return den == 1 ? this : of(Math.floorDiv(num, den));
        }
        BigInteger[] qr = bigNum.divideAndRemainder(bigDen);
        BigInteger floor = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
        return of(floor, BigInteger.ONE);
    }

    /** The least integer not below this value. */
    public Rational ceiling() {
        return negate().floor().negate();
    }

    public boolean isInteger() {
        return isSmall() ? den == 1 : bigDen.equals(BigInteger.ONE);
    }

    public Rational min(Rational other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Rational max(Rational other) {
        return compareTo(other) >= 0 ? this : other;
    }

    @Override
    public int compareTo(Rational other) {
        if (isSmall() && other.isSmall()) {
            if (den == other.den) {
                return Long.compare(num, other.num);
            }
            // a/b vs c/d as a*d vs c*b in 128 bits: never overflows.
            long a = num;
            long d = other.den;
            long c = other.num;
            long b = den;
            long highLeft = Math.multiplyHigh(a, d);
            long highRight = Math.multiplyHigh(c, b);
            if (highLeft != highRight) {
                return Long.compare(highLeft, highRight);
            }
            return Long.compareUnsigned(a * d, c * b);
        }
        int bySign = Integer.compare(signum(), other.signum());
        if (bySign != 0) {
            return bySign;
        }
        return numerator().multiply(other.denominator()).compareTo(other.numerator().multiply(denominator()));
    }

    /** A close double, for display and logs only: never for decisions. */
    public double doubleValue() {
        if (isSmall()) {
            return (double) num / den;
        }
        return new BigDecimal(bigNum).divide(new BigDecimal(bigDen), MathContext.DECIMAL64).doubleValue();
    }

    /** The exact decimal, or empty when the denominator has a prime factor other than 2 and 5. */
    public java.util.Optional<BigDecimal> toExactDecimal() {
        try {
            return java.util.Optional.of(new BigDecimal(numerator()).divide(new BigDecimal(denominator())));
        } catch (ArithmeticException nonTerminating) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Rational other)) {
            return false;
        }
        if (isSmall() != other.isSmall()) {
            return false;
        }
        return isSmall()
            ? num == other.num && den == other.den
            : bigNum.equals(other.bigNum) && bigDen.equals(other.bigDen);
    }

    @Override
    public int hashCode() {
        return isSmall() ? Long.hashCode(num) * 31 + Long.hashCode(den) : Objects.hash(bigNum, bigDen);
    }

    /** {@code "7"} or {@code "-3/4"}, as pabutools prints fractions. */
    @Override
    public String toString() {
        if (isSmall()) {
            return den == 1 ? Long.toString(num) : num + "/" + den;
        }
        return bigDen.equals(BigInteger.ONE) ? bigNum.toString() : bigNum + "/" + bigDen;
    }

    /** Parses {@link #toString()}'s form, {@code "a"} or {@code "a/b"}. */
    public static Rational parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return of(new BigInteger(text.trim()), BigInteger.ONE);
        }
        return of(new BigInteger(text.substring(0, slash).trim()), new BigInteger(text.substring(slash + 1).trim()));
    }

    // x * y, or 0 when the product does not fit a long (callers know neither factor is 0).
    private static long multiplyOrZero(long x, long y) {
        long product = x * y;
        if (Math.multiplyHigh(x, y) != (product >> 63) || product == Long.MIN_VALUE) {
            return 0;
        }
        return product;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
