package cn.microcredit.monitor.report.brief;

import static cn.microcredit.monitor.metrics.Status.OK;
import static cn.microcredit.monitor.metrics.Status.PAUSE;
import static cn.microcredit.monitor.metrics.Status.WARN;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusChangeTest {

    @Test
    void flaggedNowAndOkOrWithoutLoansBeforeIsNew() {
        assertThat(StatusChange.of(true, OK, PAUSE)).isEqualTo(StatusChange.NEW);
        assertThat(StatusChange.of(true, OK, WARN)).isEqualTo(StatusChange.NEW);
        assertThat(StatusChange.of(true, null, PAUSE)).isEqualTo(StatusChange.NEW);
        assertThat(StatusChange.NEW.label()).isEqualTo("新增");
    }

    @Test
    void theSameFlagOnBothDatesContinues() {
        assertThat(StatusChange.of(true, PAUSE, PAUSE)).isEqualTo(StatusChange.CONTINUED);
        assertThat(StatusChange.of(true, WARN, WARN)).isEqualTo(StatusChange.CONTINUED);
    }

    @Test
    void warnToPauseEscalatesAndPauseToWarnEases() {
        assertThat(StatusChange.of(true, WARN, PAUSE)).isEqualTo(StatusChange.ESCALATED);
        assertThat(StatusChange.ESCALATED.label()).isEqualTo("升级");
        assertThat(StatusChange.of(true, PAUSE, WARN)).isEqualTo(StatusChange.EASED);
    }

    @Test
    void flaggedBeforeAndOkOrWithoutLoansNowIsLifted() {
        assertThat(StatusChange.of(true, PAUSE, OK)).isEqualTo(StatusChange.LIFTED);
        assertThat(StatusChange.of(true, WARN, null)).isEqualTo(StatusChange.LIFTED);
        assertThat(StatusChange.LIFTED.label()).isEqualTo("解除");
    }

    @Test
    void nothingFlaggedOrNoComparisonDateSaysNothing() {
        assertThat(StatusChange.of(true, OK, OK)).isNull();
        assertThat(StatusChange.of(true, null, OK)).isNull();
        assertThat(StatusChange.of(false, null, PAUSE)).isNull();
        assertThat(StatusChange.of(false, WARN, PAUSE)).isNull();
    }
}
