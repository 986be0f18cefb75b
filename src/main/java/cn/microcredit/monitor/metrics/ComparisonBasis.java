package cn.microcredit.monitor.metrics;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which earlier stored date a run compares with (SPEC 5.2, {@code monitor.rules.comparison-basis}): supervisors judge
 * "rising fast" month on month while the job may run every night.
 */
public enum ComparisonBasis {
    /** The latest date with a completed run on or before the last day of the month before the as-of month. */
    MONTH_END("month-end"),
    /** The latest earlier date with a completed run. */
    PREVIOUS_RUN("previous-run");

    private final String code;

    ComparisonBasis(String code) {
        this.code = code;
    }

    /** As written on the command line and in {@code run_summary.json}. */
    public String code() {
        return code;
    }

    /** Exactly {@code month-end} or {@code previous-run}. */
    public static Optional<ComparisonBasis> of(String code) {
        return Arrays.stream(values()).filter(b -> b.code.equals(code)).findFirst();
    }
}
