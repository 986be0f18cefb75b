package cn.microcredit.monitor.reference;

import java.util.List;

import cn.microcredit.monitor.ingest.Column;

/** Columns of {@code roster.csv}, SPEC 3.3. */
public enum RosterColumn implements Column {
    HOUSEHOLD_ID("household_id", "户编号", true),
    COUNTY_CODE("county_code", "县区代码", true),
    CATEGORY("category", "帮扶类别", true),
    ADDED_DATE("added_date", "纳入日期", true),
    REMOVED_DATE("removed_date", "退出日期", false);

    private final List<String> aliases;
    private final boolean required;

    RosterColumn(String key, String chinese, boolean required) {
        this.aliases = List.of(key, chinese);
        this.required = required;
    }

    @Override
    public String key() {
        return aliases.get(0);
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }

    @Override
    public boolean required() {
        return required;
    }
}
