package cn.microcredit.monitor.reference;

import cn.microcredit.monitor.ingest.Column;

/** Columns of {@code banks.csv}, SPEC 3.2. */
enum BankColumn implements Column {
    BANK_CODE("bank_code", "机构代码"),
    BANK_NAME("bank_name", "机构名称"),
    OVERALL_NPL_PCT("overall_npl_pct", "全部贷款不良率");

    private final Spec spec;

    BankColumn(String key, String chinese) {
        this.spec = new Spec(key, chinese, true);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
