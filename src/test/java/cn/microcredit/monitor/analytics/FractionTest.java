package cn.microcredit.monitor.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class FractionTest {

    @Test
    void sumsOfSharesWithDifferentDenominatorsAreExact() {
        assertThat(Fraction.of(1, 3).plus(Fraction.of(1, 6))).isEqualTo(Fraction.of(1, 2));
        assertThat(Fraction.of(2, 5).times(10_000_01)).isEqualTo(Fraction.of(4_000_004, 10));
    }

    @Test
    void aProjectedRateExactlyAtTheThresholdIsNotAboveIt() {
        // 10,000.00 yuan (1,000,000 cents) × 0.4 over 100,000.00 yuan = 4 % exactly.
        Fraction projected = Fraction.of(40_000, 100_000).times(1_000_000);
        BigDecimal balanceCents = new BigDecimal("10000000");

        assertThat(projected.comparePercent(balanceCents, new BigDecimal("4.00"))).isZero();
        assertThat(projected.comparePercent(balanceCents, new BigDecimal("3.999999"))).isPositive();
    }

    @Test
    void oneCentMoreIsAboveIt() {
        Fraction projected = Fraction.of(40_000, 100_000).times(1_000_001);

        assertThat(projected.comparePercent(new BigDecimal("10000000"), new BigDecimal("4.00"))).isPositive();
        assertThat(projected.percentOf(new BigDecimal("10000000"))).isEqualByComparingTo("4.00");
    }

    @Test
    void percentRoundsHalfUpOnceFromTheExactValue() {
        assertThat(Fraction.of(1, 800).percentOf(BigDecimal.ONE)).isEqualByComparingTo("0.13");
        assertThat(Fraction.of(1, 3).percentOf(BigDecimal.ONE)).isEqualByComparingTo("33.33");
        assertThat(Fraction.of(2, 3).percentOf(BigDecimal.ONE)).isEqualByComparingTo("66.67");
        assertThat(Fraction.ZERO.percentOf(BigDecimal.ZERO)).isNull();
    }

    @Test
    void aLongSumEqualsTheSumOverACommonDenominator() {
        SplittableRandom random = new SplittableRandom(54);
        Fraction sum = Fraction.ZERO;
        java.math.BigInteger common = java.math.BigInteger.ONE;
        long[][] terms = new long[200][];
        for (int i = 0; i < terms.length; i++) {
            long den = 1 + random.nextLong(10_000_000_000L);
            terms[i] = new long[] {random.nextLong(den + 1), den, random.nextLong(100_000_000L)};
            sum = sum.plus(Fraction.of(terms[i][0], terms[i][1]).times(terms[i][2]));
            common = common.multiply(java.math.BigInteger.valueOf(den));
        }
        java.math.BigInteger numerator = java.math.BigInteger.ZERO;
        for (long[] t : terms) {
            numerator = numerator.add(common.divide(java.math.BigInteger.valueOf(t[1]))
                    .multiply(java.math.BigInteger.valueOf(t[0])).multiply(java.math.BigInteger.valueOf(t[2])));
        }
        BigDecimal exact = new BigDecimal(numerator).divide(new BigDecimal(common), 30, java.math.RoundingMode.DOWN);
        BigDecimal whole = exact.divide(new BigDecimal("0.9"), 30, java.math.RoundingMode.DOWN).add(BigDecimal.ONE);

        // The same value: compared with a percentage just under and just over it.
        BigDecimal pct = exact.multiply(BigDecimal.valueOf(100)).divide(whole, 20, java.math.RoundingMode.DOWN);
        assertThat(sum.comparePercent(whole, pct)).isPositive();
        assertThat(sum.comparePercent(whole, pct.add(new BigDecimal("1e-15")))).isNegative();
    }
}
