package cn.microcredit.monitor.metrics;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A condition of SPEC 5.2 that holds for a cell, in the order the SPEC lists them. */
public enum Reason {
    NPL_ABOVE_TOLERANCE("不良率超容忍度"),
    OVERDUE_ABOVE_TOLERANCE("逾期率超容忍度"),
    OVERDUE_NEAR_TOLERANCE("逾期率接近容忍度"),
    OVERDUE_RISING_FAST("逾期率上升过快");

    private final String label;

    Reason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Codes joined with {@code ;}, in SPEC order. */
    public static String join(Set<Reason> reasons) {
        return reasons.stream().sorted().map(Enum::name).collect(Collectors.joining(";"));
    }

    public static String joinLabels(Set<Reason> reasons) {
        return reasons.stream().sorted().map(Reason::label).collect(Collectors.joining("；"));
    }

    public static EnumSet<Reason> parse(String joined) {
        EnumSet<Reason> set = EnumSet.noneOf(Reason.class);
        if (joined != null && !joined.isEmpty()) {
            Arrays.stream(joined.split(";")).map(Reason::valueOf).forEach(set::add);
        }
        return set;
    }
}
