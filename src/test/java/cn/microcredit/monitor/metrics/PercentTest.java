package cn.microcredit.monitor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class PercentTest {

    @Test
    void rateIsRoundedHalfUpToTwoPlaces() {
        // 1 / 800 = 0.125 %
        assertThat(Percent.of(money("1"), money("800"))).isEqualTo(new BigDecimal("0.13"));
        assertThat(Percent.of(money("2"), money("3"))).isEqualTo(new BigDecimal("66.67"));
        assertThat(Percent.of(money("4500.01"), money("100000"))).isEqualTo(new BigDecimal("4.50"));
        assertThat(Percent.of(money("4500"), money("100000"))).isEqualTo(new BigDecimal("4.50"));
    }

    @Test
    void rateOfNothingIsNoValue() {
        assertThat(Percent.of(money("0"), money("0"))).isNull();
        assertThat(Percent.of(money("5"), money("0.00"))).isNull();
    }

    @Test
    void compareIsExactAtTheBoundary() {
        assertThat(Percent.compare(money("4500.00"), money("100000.00"), new BigDecimal("4.5"))).isZero();
        assertThat(Percent.compare(money("4500.01"), money("100000.00"), new BigDecimal("4.5"))).isPositive();
        assertThat(Percent.compare(money("4499.99"), money("100000.00"), new BigDecimal("4.5"))).isNegative();
        // 1/3 is 33.333… %, never equal to a decimal threshold.
        assertThat(Percent.compare(money("1"), money("3"), new BigDecimal("33.33333333333333333333333333333333")))
                .isPositive();
    }

    @Test
    void gapIsTheRateMinusTheReferenceRounded() {
        assertThat(Percent.gapPp(money("4500.00"), money("100000.00"), new BigDecimal("1.50")))
                .isEqualTo(new BigDecimal("3.00"));
        assertThat(Percent.gapPp(money("4500.01"), money("100000.00"), new BigDecimal("1.50")))
                .isEqualTo(new BigDecimal("3.00"));
        // 1 / 800 = 0.125 % → +0.125 over 0 rounds up.
        assertThat(Percent.gapPp(money("1"), money("800"), BigDecimal.ZERO)).isEqualTo(new BigDecimal("0.13"));
    }

    @Test
    void negativeGapRoundsHalfAwayFromZero() {
        // 0.10 % − 1.505 % = −1.405 points
        assertThat(Percent.gapPp(money("100.00"), money("100000.00"), new BigDecimal("1.505")))
                .isEqualTo(new BigDecimal("-1.41"));
    }

    @Test
    void changeIsComputedFromExactRatesAndRoundedOnce() {
        // 0.125 % → 1.12 %: +0.995 rounds to 1.00, while the rounded rates 0.13 → 1.12 would say 0.99.
        assertThat(Percent.changePp(money("1120"), money("100000"), money("125"), money("100000")))
                .isEqualTo(new BigDecimal("1.00"));
    }

    @Test
    void changeComparesRatesOfDifferentBalances() {
        // 2.50 % of 80,000 → 3.00 % of 100,000
        assertThat(Percent.changePp(money("3000"), money("100000"), money("2000"), money("80000")))
                .isEqualTo(new BigDecimal("0.50"));
        assertThat(Percent.changePp(money("2000"), money("80000"), money("3000"), money("100000")))
                .isEqualTo(new BigDecimal("-0.50"));
    }

    @Test
    void roseByAtLeastIncludesTheExactAmount() {
        assertThat(Percent.roseByAtLeast(money("3000"), money("100000"), money("2000"), money("100000"),
                BigDecimal.ONE)).isTrue();
        assertThat(Percent.roseByAtLeast(money("2999.99"), money("100000"), money("2000"), money("100000"),
                BigDecimal.ONE)).isFalse();
    }

    private static BigDecimal money(String s) {
        return new BigDecimal(s);
    }
}
