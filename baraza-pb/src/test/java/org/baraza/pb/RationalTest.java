package org.baraza.pb;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RationalTest {

    @Test
    void valuesAreKeptInLowestTermsWithPositiveDenominator() {
        Rational r = Rational.of(6, -8);
        assertThat(r.numerator()).isEqualTo(BigInteger.valueOf(-3));
        assertThat(r.denominator()).isEqualTo(BigInteger.valueOf(4));
        assertThat(r).isEqualTo(Rational.of(-3, 4)).hasSameHashCodeAs(Rational.of(-3, 4));
        assertThat(r.toString()).isEqualTo("-3/4");
        assertThat(Rational.of(10, 5).toString()).isEqualTo("2");
    }

    @Test
    void decimalsConvertExactly() {
        assertThat(Rational.of(new BigDecimal("1331751.11"))).isEqualTo(Rational.of(133175111, 100));
        assertThat(Rational.of(new BigDecimal("4E+3"))).isEqualTo(Rational.of(4000));
        assertThat(Rational.of(new BigDecimal("400000.0"))).isEqualTo(Rational.of(400000));
    }

    @Test
    void arithmeticMatchesTheTextbookDefinitions() {
        Rational a = Rational.of(1, 3);
        Rational b = Rational.of(1, 6);
        assertThat(a.add(b)).isEqualTo(Rational.of(1, 2));
        assertThat(a.subtract(b)).isEqualTo(Rational.of(1, 6));
        assertThat(a.multiply(b)).isEqualTo(Rational.of(1, 18));
        assertThat(a.divide(b)).isEqualTo(Rational.of(2));
        assertThat(a.multiply(9)).isEqualTo(Rational.of(3));
        assertThat(a.divide(-2)).isEqualTo(Rational.of(-1, 6));
        assertThat(Rational.of(-7, 2).floor()).isEqualTo(Rational.of(-4));
        assertThat(Rational.of(7, 2).ceiling()).isEqualTo(Rational.of(4));
        assertThat(Rational.of(-7, 2).reciprocal()).isEqualTo(Rational.of(-2, 7));
    }

    @Test
    void divisionByZeroIsRefused() {
        assertThatThrownBy(() -> Rational.ONE.divide(Rational.ZERO)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Rational.of(1, 0)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void overflowingLongsMoveToBigIntegersAndBackWithoutLosingExactness() {
        Rational big = Rational.of(Long.MAX_VALUE, 3).multiply(Rational.of(Long.MAX_VALUE, 7));
        Rational back = big.divide(Rational.of(Long.MAX_VALUE, 7));
        assertThat(back).isEqualTo(Rational.of(Long.MAX_VALUE, 3)).hasSameHashCodeAs(Rational.of(Long.MAX_VALUE, 3));
        assertThat(Rational.of(Long.MIN_VALUE).negate().subtract(Rational.ONE)).isEqualTo(Rational.of(Long.MAX_VALUE));
        assertThat(Rational.parse(big.toString())).isEqualTo(big);
    }

    @Test
    void agreesWithBigIntegerFractionsOnRandomOperands() {
        Random random = new Random(20_26);
        for (int i = 0; i < 20_000; i++) {
            long[] x = operand(random);
            long[] y = operand(random);
            Rational a = Rational.of(x[0], x[1]);
            Rational b = Rational.of(y[0], y[1]);
            BigInteger an = BigInteger.valueOf(x[0]);
            BigInteger ad = BigInteger.valueOf(x[1]);
            BigInteger bn = BigInteger.valueOf(y[0]);
            BigInteger bd = BigInteger.valueOf(y[1]);
            assertThat(a.add(b)).isEqualTo(Rational.of(an.multiply(bd).add(bn.multiply(ad)), ad.multiply(bd)));
            assertThat(a.subtract(b)).isEqualTo(Rational.of(an.multiply(bd).subtract(bn.multiply(ad)), ad.multiply(bd)));
            assertThat(a.multiply(b)).isEqualTo(Rational.of(an.multiply(bn), ad.multiply(bd)));
            if (y[0] != 0) {
                assertThat(a.divide(b)).isEqualTo(Rational.of(an.multiply(bd), ad.multiply(bn)));
                assertThat(a.divide(y[0])).isEqualTo(Rational.of(an, ad.multiply(bn)));
            }
            assertThat(a.multiply(y[0])).isEqualTo(Rational.of(an.multiply(bn), ad));
            int expected = an.multiply(bd).multiply(BigInteger.valueOf(Long.signum(x[1]) * Long.signum(y[1])))
                .compareTo(bn.multiply(ad));
            assertThat(Integer.signum(a.compareTo(b))).isEqualTo(Integer.signum(expected));
        }
    }

    // Mixes small values, values near the long range and a shared denominator.
    private static long[] operand(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> new long[] {random.nextInt(2001) - 1000, 1 + random.nextInt(1000)};
            case 1 -> new long[] {random.nextLong() >> random.nextInt(63), 1 + (random.nextLong() >>> (1 + random.nextInt(63)))};
            case 2 -> new long[] {random.nextLong(), Long.MAX_VALUE - random.nextInt(3)};
            default -> new long[] {random.nextLong() >> 20, 7};
        };
    }
}
