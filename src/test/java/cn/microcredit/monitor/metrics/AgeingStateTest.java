package cn.microcredit.monitor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgeingStateTest {

    @Test
    void bucketsOfTheS71ReportAtTheirEdges() {
        int[] days = {0, 1, 30, 31, 60, 61, 90, 91, 180, 181, 270, 271, 360, 361, 5000};
        String[] labels = {"CURRENT", "1-30", "1-30", "31-60", "31-60", "61-90", "61-90", "91-180", "91-180",
                "181-270", "181-270", "271-360", "271-360", "361+", "361+"};
        for (int i = 0; i < days.length; i++) {
            assertThat(AgeingState.of(days[i]).label()).as(days[i] + " days").isEqualTo(labels[i]);
        }
        assertThat(AgeingState.CURRENT.overdue()).isFalse();
        assertThat(AgeingState.of(1).overdue()).isTrue();
    }
}
