package cn.microcredit.monitor.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * A loan's ageing state: {@code CURRENT} (not overdue) or one of the seven buckets of days overdue of the 1104 S71
 * report (SPEC 5.1), labelled as in {@code county_ageing.csv}. The one home of the buckets: the ageing sums, the
 * migration of SPEC 5.4, the CSVs and the workbooks all take them from here.
 */
public enum AgeingState {
    CURRENT("CURRENT", 0),
    DAYS_1_30("1-30", 30),
    DAYS_31_60("31-60", 60),
    DAYS_61_90("61-90", 90),
    DAYS_91_180("91-180", 180),
    DAYS_181_270("181-270", 270),
    DAYS_271_360("271-360", 360),
    DAYS_OVER_360("361+", Integer.MAX_VALUE);

    private static final AgeingState[] STATES = values();

    /** The labels of the overdue buckets, in order ({@code 1-30} … {@code 361+}). */
    public static final List<String> BUCKETS = Arrays.stream(STATES).filter(AgeingState::overdue)
            .map(AgeingState::label).toList();

    private final String label;
    private final int maxDays;

    AgeingState(String label, int maxDays) {
        this.label = label;
        this.maxDays = maxDays;
    }

    public String label() {
        return label;
    }

    /** Whether loans in this state are overdue (counted in the overdue balance of SPEC 5.1). */
    public boolean overdue() {
        return this != CURRENT;
    }

    /** The state of a loan overdue this many days (&ge; 0). */
    public static AgeingState of(int overdueDays) {
        int s = 0;
        while (overdueDays > STATES[s].maxDays) {
            s++;
        }
        return STATES[s];
    }

    /** This overdue bucket's place among {@link #BUCKETS} (0 for 1-30); -1 for CURRENT. */
    public int bucket() {
        return ordinal() - 1;
    }

    public static AgeingState at(int ordinal) {
        return STATES[ordinal];
    }
}
