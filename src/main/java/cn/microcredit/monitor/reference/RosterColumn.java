package cn.microcredit.monitor.reference;

import cn.microcredit.monitor.ingest.Column;

/** Columns of {@code roster.csv}, SPEC 3.3. */
public enum RosterColumn implements Column {
    HOUSEHOLD_ID("household_id", "户编号", true),
    COUNTY_CODE("county_code", "县区代码", true),
    CATEGORY("category", "帮扶类别", true),
    ADDED_DATE("added_date", "纳入日期", true),
    REMOVED_DATE("removed_date", "退出日期", false);

    private final Spec spec;

    RosterColumn(String key, String chinese, boolean required) {
        this.spec = new Spec(key, chinese, required);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
