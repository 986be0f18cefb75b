package cn.microcredit.monitor.metrics;

/** The groupings metrics are computed for (SPEC 5.1). */
public enum Level {
    BANK_COUNTY, COUNTY, BANK, PROVINCE
}
