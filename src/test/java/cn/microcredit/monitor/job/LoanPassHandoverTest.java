package cn.microcredit.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LoanPassHandoverTest {

    private final LoanPassHandover.Pass pass = new LoanPassHandover.Pass(7, 100, 3, List.of());

    @Test
    void theRulesStepOfTheSameRunTakesWhatTheMetricsStepGaveOnce() {
        LoanPassHandover handover = new LoanPassHandover(true);
        handover.give(pass);

        assertThat(handover.take(7)).isSameAs(pass);
        assertThat(handover.take(7)).as("released once taken").isNull();
    }

    @Test
    void anotherRunGetsNothingAndReleasesIt() {
        LoanPassHandover handover = new LoanPassHandover(true);
        handover.give(pass);
        assertThat(handover.take(8)).isNull();
        assertThat(handover.take(7)).isNull();
    }

    @Test
    void releasedBeforeTheNextPass() {
        LoanPassHandover handover = new LoanPassHandover(true);
        handover.give(pass);
        handover.release();
        assertThat(handover.take(7)).isNull();
    }
}
