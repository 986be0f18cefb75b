package cn.microcredit.monitor.ingest;

/** Columns of a bank's loan ledger, SPEC 3.1. */
public enum LedgerColumn implements Column {
    LOAN_ID("loan_id", "借据号", true),
    BANK_CODE("bank_code", "机构代码", true),
    COUNTY_CODE("county_code", "县区代码", true),
    HOUSEHOLD_ID("household_id", "户编号", true),
    BORROWER_NAME("borrower_name", "借款人姓名", true),
    BORROWER_ID_NUMBER("borrower_id_number", "身份证号", true),
    ISSUE_DATE("issue_date", "发放日期", true),
    MATURITY_DATE("maturity_date", "到期日期", true),
    AMOUNT("amount", "贷款金额", true),
    BALANCE("balance", "贷款余额", true),
    ANNUAL_RATE("annual_rate", "执行年利率", true),
    OVERDUE_DAYS("overdue_days", "逾期天数", true),
    CLASSIFICATION("classification", "五级分类", true),
    RENEWAL_COUNT("renewal_count", "续贷展期次数", false),
    PURPOSE_CODE("purpose_code", "贷款用途", false),
    GUARANTEE("guarantee", "担保方式", false),
    LARGE_NEED("large_need", "大额生产需求", false);

    private final Spec spec;

    LedgerColumn(String key, String chinese, boolean required) {
        this.spec = new Spec(key, chinese, required);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
