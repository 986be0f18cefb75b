package cn.microcredit.monitor.analytics;

/**
 * A loan's ageing state for migration (SPEC 5.4): {@code CURRENT} (not overdue) or one of the seven buckets of days
 * overdue of the 1104 S71 report, labelled as in {@code county_ageing.csv}.
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

    static AgeingState at(int ordinal) {
        return STATES[ordinal];
    }
}
