package cn.microcredit.monitor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** SPEC 5.2 with the default rules: margin 3.00, warn band 1.00, growth 1.00; a bank at 1.50 % has T = 4.50 %. */
class ToleranceRuleTest {

    private static final BigDecimal BANK_NPL_PCT = new BigDecimal("1.50");
    private static final String BALANCE = "100000.00";

    private final ToleranceRule rule = new ToleranceRule(MonitorRules.defaults());

    @Test
    void thresholdIsTheBanksOverallNplPlusTheMargin() {
        assertThat(rule.thresholdPct(BANK_NPL_PCT)).isEqualByComparingTo("4.50");
        assertThat(assess(cell(BALANCE, "0", "0"), null).thresholdPct()).isEqualByComparingTo("4.50");
    }

    @Test
    void cellWithoutOverdueOrNplIsOk() {
        ToleranceRule.Assessment a = assess(cell(BALANCE, "0", "0"), null);

        assertThat(a.status()).isEqualTo(Status.OK);
        assertThat(a.reasons()).isEmpty();
    }

    @Test
    void nplExactlyAtThresholdIsWithinTolerance() {
        ToleranceRule.Assessment a = assess(cell(BALANCE, "0", "4500.00"), null);

        assertThat(a.status()).isEqualTo(Status.OK);
        assertThat(a.reasons()).isEmpty();
    }

    @Test
    void nplOneCentAboveThresholdPausesLending() {
        ToleranceRule.Assessment a = assess(cell(BALANCE, "0", "4500.01"), null);

        assertThat(a.status()).isEqualTo(Status.PAUSE);
        assertThat(a.reasons()).containsExactly(Reason.NPL_ABOVE_TOLERANCE);
    }

    @Test
    void overdueExactlyAtThresholdIsOnlyAWarning() {
        ToleranceRule.Assessment a = assess(cell(BALANCE, "4500.00", "0"), null);

        assertThat(a.status()).isEqualTo(Status.WARN);
        assertThat(a.reasons()).containsExactly(Reason.OVERDUE_NEAR_TOLERANCE);
    }

    @Test
    void overdueOneCentAboveThresholdPausesWithoutTheNearReason() {
        ToleranceRule.Assessment a = assess(cell(BALANCE, "4500.01", "0"), null);

        assertThat(a.status()).isEqualTo(Status.PAUSE);
        assertThat(a.reasons()).containsExactly(Reason.OVERDUE_ABOVE_TOLERANCE);
    }

    @Test
    void overdueExactlyOneBandBelowThresholdIsOk() {
        ToleranceRule.Assessment a = assess(cell(BALANCE, "3500.00", "0"), null);

        assertThat(a.status()).isEqualTo(Status.OK);
        assertThat(a.reasons()).isEmpty();
    }

    @Test
    void overdueOneCentIntoTheWarnBandWarns() {
        ToleranceRule.Assessment a = assess(cell(BALANCE, "3500.01", "0"), null);

        assertThat(a.status()).isEqualTo(Status.WARN);
        assertThat(a.reasons()).containsExactly(Reason.OVERDUE_NEAR_TOLERANCE);
    }

    @Test
    void cellPausedForNplStillListsOverdueNearTolerance() {
        ToleranceRule.Assessment a = assess(cell(BALANCE, "4000.00", "4600.00"), null);

        assertThat(a.status()).isEqualTo(Status.PAUSE);
        assertThat(a.reasons()).containsExactly(Reason.NPL_ABOVE_TOLERANCE, Reason.OVERDUE_NEAR_TOLERANCE);
    }

    @Test
    void cellAboveOnBothCountsCarriesBothReasons() {
        ToleranceRule.Assessment a = assess(cell(BALANCE, "5000.00", "4600.00"), null);

        assertThat(a.status()).isEqualTo(Status.PAUSE);
        assertThat(a.reasons()).containsExactly(Reason.NPL_ABOVE_TOLERANCE, Reason.OVERDUE_ABOVE_TOLERANCE);
    }

    @Test
    void overdueRisingByExactlyTheGrowthPointsWarns() {
        ToleranceRule.Assessment a = assess(cell(BALANCE, "3000.00", "0"), cell(BALANCE, "2000.00", "0"));

        assertThat(a.status()).isEqualTo(Status.WARN);
        assertThat(a.reasons()).containsExactly(Reason.OVERDUE_RISING_FAST);
    }

    @Test
    void overdueRisingByLessThanTheGrowthPointsIsOk() {
        ToleranceRule.Assessment a = assess(cell(BALANCE, "2990.00", "0"), cell(BALANCE, "2000.00", "0"));

        assertThat(a.status()).isEqualTo(Status.OK);
        assertThat(a.reasons()).isEmpty();
    }

    @Test
    void growthIsMeasuredInRatesNotInBalances() {
        // 2.00 % of 200,000 before, 3.00 % of 100,000 now: the overdue balance fell but the rate rose a full point.
        ToleranceRule.Assessment a = assess(cell(BALANCE, "3000.00", "0"), cell("200000.00", "4000.00", "0"));

        assertThat(a.reasons()).containsExactly(Reason.OVERDUE_RISING_FAST);
    }

    @Test
    void withoutAPreviousDateGrowthNeverFires() {
        ToleranceRule.Assessment a = assess(cell(BALANCE, "3400.00", "0"), null);

        assertThat(a.status()).isEqualTo(Status.OK);
        assertThat(a.reasons()).isEmpty();
    }

    @Test
    void previousCellWithoutBalanceCannotShowGrowth() {
        ToleranceRule.Assessment a = assess(cell(BALANCE, "3400.00", "0"), cell("0", "0", "0"));

        assertThat(a.status()).isEqualTo(Status.OK);
        assertThat(a.reasons()).isEmpty();
    }

    @Test
    void pausedCellCanAlsoBeRisingFast() {
        ToleranceRule.Assessment a = assess(cell(BALANCE, "5000.00", "0"), cell(BALANCE, "2000.00", "0"));

        assertThat(a.status()).isEqualTo(Status.PAUSE);
        assertThat(a.reasons()).containsExactly(Reason.OVERDUE_ABOVE_TOLERANCE, Reason.OVERDUE_RISING_FAST);
    }

    @Test
    void warnedCellCanBeBothNearAndRisingFast() {
        ToleranceRule.Assessment a = assess(cell(BALANCE, "4000.00", "0"), cell(BALANCE, "2000.00", "0"));

        assertThat(a.status()).isEqualTo(Status.WARN);
        assertThat(a.reasons()).containsExactly(Reason.OVERDUE_NEAR_TOLERANCE, Reason.OVERDUE_RISING_FAST);
    }

    @Test
    void nplExactlyAtANonBinaryThresholdIsWithinTolerance() {
        // T = 1.19 + 3.00 = 4.19; in double arithmetic 1.19 + 3.0 = 4.1899999999999995 < 4190 / 100000 × 100.
        BigDecimal bankNplPct = new BigDecimal("1.19");

        ToleranceRule.Assessment a = rule.assess(cell(BALANCE, "0", "4190.00"), bankNplPct, null);

        assertThat(a.status()).isEqualTo(Status.OK);
        assertThat(a.reasons()).isEmpty();
    }

    @Test
    void overdueExactlyAtANonBinaryThresholdIsNotAbove() {
        BigDecimal bankNplPct = new BigDecimal("1.19");

        ToleranceRule.Assessment a = rule.assess(cell(BALANCE, "4190.00", "0"), bankNplPct, null);

        assertThat(a.status()).isEqualTo(Status.WARN);
        assertThat(a.reasons()).containsExactly(Reason.OVERDUE_NEAR_TOLERANCE);
    }

    @Test
    void overdueExactlyAtANonBinaryWarnBandEdgeIsOk() {
        // T − 1 = 3.19; in double arithmetic 1.19 + 3.0 − 1.0 = 3.1899999999999995 < 3.19.
        BigDecimal bankNplPct = new BigDecimal("1.19");

        ToleranceRule.Assessment a = rule.assess(cell(BALANCE, "3190.00", "0"), bankNplPct, null);

        assertThat(a.status()).isEqualTo(Status.OK);
    }

    @Test
    void growthOfExactlyOnePointBetweenRepeatingRatesFires() {
        // 1,400 / 300,000 = 0.4666… % before, 4,400 / 300,000 = 1.4666… % now: exactly +1.00 point.
        // Computed as doubles the change comes out just below 1 (0.9999999999999999).
        ToleranceRule.Assessment a = assess(cell("300000.00", "4400.00", "0"), cell("300000.00", "1400.00", "0"));

        assertThat(a.reasons()).containsExactly(Reason.OVERDUE_RISING_FAST);
    }

    @Test
    void growthOfExactlyOnePointAcrossAPowerOfTenFires() {
        // 28,000 / 300,000 = 9.333… % before, 31,000 / 300,000 = 10.333… % now: exactly +1.00 point.
        // Rates rounded to 34 (or 16) significant digits first give 0.99999…97 because 10.333… keeps one decimal less.
        BigDecimal bankNplPct = new BigDecimal("9.00");

        ToleranceRule.Assessment a = rule.assess(cell("300000.00", "31000.00", "0"), bankNplPct,
                cell("300000.00", "28000.00", "0"));

        assertThat(a.status()).isEqualTo(Status.WARN);
        assertThat(a.reasons()).containsExactly(Reason.OVERDUE_RISING_FAST);
    }

    @Test
    void growthJustShortOfOnePointBetweenRepeatingRatesIsOk() {
        // 9.333… % → 10.33 % is 0.99666… points.
        BigDecimal bankNplPct = new BigDecimal("9.00");

        ToleranceRule.Assessment a = rule.assess(cell("300000.00", "30990.00", "0"), bankNplPct,
                cell("300000.00", "28000.00", "0"));

        assertThat(a.status()).isEqualTo(Status.OK);
    }

    @Test
    void bankGapExactlyAtTheMarginIsWithinTolerance() {
        assertThat(rule.bankWithinTolerance(cell(BALANCE, "0", "4500.00"), BANK_NPL_PCT)).isTrue();
    }

    @Test
    void bankGapOneCentBeyondTheMarginIsNotWithinTolerance() {
        assertThat(rule.bankWithinTolerance(cell(BALANCE, "0", "4500.01"), BANK_NPL_PCT)).isFalse();
    }

    @Test
    void marginComesFromTheRules() {
        MonitorRules rules = MonitorRules.defaults()
                .withTolerance(new BigDecimal("2.5"), new BigDecimal("0.5"), new BigDecimal("2"));
        ToleranceRule custom = new ToleranceRule(rules);

        assertThat(custom.thresholdPct(BANK_NPL_PCT)).isEqualByComparingTo("4.00");
        assertThat(custom.assess(cell(BALANCE, "0", "4000.01"), BANK_NPL_PCT, null).status()).isEqualTo(Status.PAUSE);
        assertThat(custom.assess(cell(BALANCE, "3500.00", "0"), BANK_NPL_PCT, null).status()).isEqualTo(Status.OK);
        assertThat(custom.assess(cell(BALANCE, "3500.01", "0"), BANK_NPL_PCT, null).status()).isEqualTo(Status.WARN);
        assertThat(custom.assess(cell(BALANCE, "2000.00", "0"), BANK_NPL_PCT, cell(BALANCE, "0.01", "0")).reasons())
                .isEmpty();
        assertThat(custom.assess(cell(BALANCE, "2000.00", "0"), BANK_NPL_PCT, cell(BALANCE, "0", "0")).reasons())
                .containsExactly(Reason.OVERDUE_RISING_FAST);
    }

    private ToleranceRule.Assessment assess(Figures now, Figures previous) {
        return rule.assess(now, BANK_NPL_PCT, previous);
    }

    static Figures cell(String balance, String overdue, String npl) {
        return new Figures(1, new BigDecimal(balance), new BigDecimal(overdue), new BigDecimal(npl), BigDecimal.ZERO,
                BigDecimal.ZERO);
    }
}
