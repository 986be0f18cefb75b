package cn.microcredit.monitor.reference;

import cn.microcredit.monitor.ingest.Column;

/** Columns of a county reference file (the built-in one and {@code --counties}), SPEC 3.4. */
enum CountyColumn implements Column {
    COUNTY_CODE("county_code", "县区代码"),
    COUNTY_NAME("county_name", "县区名称"),
    CITY_CODE("city_code", "地市代码"),
    CITY_NAME("city_name", "地市名称"),
    SUB_BUREAU("sub_bureau", "金融监管分局");

    private final Spec spec;

    CountyColumn(String key, String chinese) {
        this.spec = new Spec(key, chinese, true);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
