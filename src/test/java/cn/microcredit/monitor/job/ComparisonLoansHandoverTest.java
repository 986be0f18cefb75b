package cn.microcredit.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.microcredit.monitor.analytics.ComparisonLoans;

class ComparisonLoansHandoverTest {

    private final ComparisonLoans loans = new ComparisonLoans(1).sort();

    @Test
    void theRulesStepOfTheSameRunTakesWhatTheMetricsStepGaveOnce() {
        ComparisonLoansHandover handover = new ComparisonLoansHandover();
        handover.give(7, 6, loans);

        assertThat(handover.take(7, 6)).isSameAs(loans);
        assertThat(handover.take(7, 6)).as("released once taken").isNull();
    }

    @Test
    void anotherRunOrComparisonDateGetsNothingAndReleasesIt() {
        ComparisonLoansHandover handover = new ComparisonLoansHandover();
        handover.give(7, 6, loans);
        assertThat(handover.take(8, 6)).isNull();
        assertThat(handover.take(7, 6)).isNull();

        handover.give(7, 6, loans);
        assertThat(handover.take(7, 5)).isNull();
        assertThat(handover.take(7, 6)).isNull();
    }

    @Test
    void releasedBeforeTheNextIndexIsRead() {
        ComparisonLoansHandover handover = new ComparisonLoansHandover();
        handover.give(7, 6, loans);
        handover.release();
        assertThat(handover.take(7, 6)).isNull();
    }
}
