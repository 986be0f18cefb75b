package cn.microcredit.monitor.report.brief;

import cn.microcredit.monitor.metrics.Status;


/**
 * How a county's (or cell's) status moved since the comparison date, as 概览 words it (SPEC 6: 新增 / 持续 / 升级 /
 * 解除). The SPEC names four; a PAUSE that became WARN is its own word here ({@link #EASED} 缓解): the pause is lifted
 * but the warning stands, which neither 持续 nor 解除 says.
 */
public enum StatusChange {
    /** Flagged now, OK (or without outstanding loans) on the comparison date. */
    NEW("新增"),
    /** The same flag on both dates. */
    CONTINUED("持续"),
    /** WARN then, PAUSE now. */
    ESCALATED("升级"),
    /** PAUSE then, WARN now. */
    EASED("缓解"),
    /** Flagged then, OK (or without outstanding loans) now. */
    LIFTED("解除");

    private final String label;

    StatusChange(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The change from {@code before} (null: no outstanding loans on the comparison date) to {@code now} (null: none
     * today); null when nothing is flagged on either date, or when there is no comparison date at all.
     */
    public static StatusChange of(boolean compared, Status before, Status now) {
        if (!compared) {
            return null;
        }
        boolean was = flagged(before);
        boolean is = flagged(now);
        if (!was && !is) {
            return null;
        }
        if (!was) {
            return NEW;
        }
        if (!is) {
            return LIFTED;
        }
        if (before == now) {
            return CONTINUED;
        }
        return now == Status.PAUSE ? ESCALATED : EASED;
    }

    private static boolean flagged(Status s) {
        return s == Status.PAUSE || s == Status.WARN;
    }
}
