package cn.microcredit.monitor.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.microcredit.monitor.analytics.Migration.Dimension;
import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.metrics.AgeingState;

class TransitionSharesTest {

    private static final int B1 = 0;
    private static final int B2 = 1;
    private static final Dimension CLASS = Dimension.CLASSIFICATION;
    private static final Dimension AGEING = Dimension.AGEING;

    private static int c(Classification c) {
        return c.ordinal();
    }

    /** B1: SPECIAL_MENTION 300 → SUBSTANDARD 100, → SETTLED 100, → MISSING 100. B2: SUBSTANDARD 400 → DOUBTFUL 100. */
    private static TransitionShares shares() {
        Migration m = new Migration();
        m.add(B1, CLASS, c(Classification.SPECIAL_MENTION), c(Classification.SUBSTANDARD), 100);
        m.add(B1, CLASS, c(Classification.SPECIAL_MENTION), CLASS.settled(), 100);
        m.add(B1, CLASS, c(Classification.SPECIAL_MENTION), CLASS.missing(), 100);
        m.add(B2, CLASS, c(Classification.SUBSTANDARD), c(Classification.DOUBTFUL), 100);
        m.add(B2, CLASS, c(Classification.SUBSTANDARD), c(Classification.NORMAL), 300);
        m.add(B1, AGEING, AgeingState.CURRENT.ordinal(), AgeingState.DAYS_1_30.ordinal(), 50);
        m.add(B1, AGEING, AgeingState.CURRENT.ordinal(), AGEING.missing(), 150);
        return new TransitionShares(m);
    }

    @Test
    void aBanksOwnShareCountsSettledAndMissingInTheDenominator() {
        assertThat(shares().share(B1, CLASS, c(Classification.SPECIAL_MENTION))).isEqualTo(Fraction.of(1, 3));
        assertThat(shares().share(B1, AGEING, AgeingState.CURRENT.ordinal())).isEqualTo(Fraction.of(1, 4));
    }

    @Test
    void aBankWithoutBalanceInAStateTakesTheProvincesShare() {
        assertThat(shares().share(B1, CLASS, c(Classification.SUBSTANDARD))).isEqualTo(Fraction.of(1, 4));
        assertThat(shares().share(B2, CLASS, c(Classification.SPECIAL_MENTION))).isEqualTo(Fraction.of(1, 3));
        // A bank that had no loan at all on the comparison date.
        assertThat(shares().share(-1, AGEING, AgeingState.CURRENT.ordinal())).isEqualTo(Fraction.of(1, 4));
    }

    @Test
    void whereNobodyHadBalanceNonPerformingAndOverdueStatesStayAndTheOthersDoNot() {
        TransitionShares s = shares();
        assertThat(s.share(B1, CLASS, c(Classification.NORMAL))).isEqualTo(Fraction.ZERO);
        assertThat(s.share(B1, CLASS, c(Classification.DOUBTFUL))).isEqualTo(Fraction.of(1, 1));
        assertThat(s.share(B2, CLASS, c(Classification.LOSS))).isEqualTo(Fraction.of(1, 1));
        assertThat(s.share(B1, AGEING, AgeingState.DAYS_1_30.ordinal())).isEqualTo(Fraction.of(1, 1));
        assertThat(s.share(B1, AGEING, AgeingState.DAYS_OVER_360.ordinal())).isEqualTo(Fraction.of(1, 1));
    }

    @Test
    void settledAndMissingAreNeitherNonPerformingNorOverdue() {
        assertThat(CLASS.adverse(CLASS.settled())).isFalse();
        assertThat(CLASS.adverse(CLASS.missing())).isFalse();
        assertThat(AGEING.adverse(AGEING.settled())).isFalse();
        assertThat(CLASS.label(CLASS.missing())).isEqualTo("MISSING");
        assertThat(AGEING.label(AGEING.settled())).isEqualTo("SETTLED");
        assertThat(AGEING.label(AgeingState.DAYS_91_180.ordinal())).isEqualTo("91-180");
    }
}
