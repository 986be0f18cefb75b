package cn.microcredit.monitor.rules;

/**
 * The loan-level rules of SPEC 5.3, each with its severity and the clause of the national notice 金发〔2026〕2号 it
 * enforces. The order is the SPEC's and the order exceptions are listed in.
 */
public enum Rule {
    AMOUNT_OVER_LIMIT(Severity.HIGH, "一(二)", "贷款金额超限"),
    TERM_OVER_LIMIT(Severity.MEDIUM, "一(三)", "贷款期限超3年"),
    AGE_OUT_OF_RANGE(Severity.MEDIUM, "一(九)", "借款人年龄不在18—65周岁"),
    RENEWAL_OVER_LIMIT(Severity.HIGH, "二(三)", "续贷展期超过1次"),
    NON_PRODUCTIVE_PURPOSE(Severity.HIGH, "一(八)", "非生产性用途"),
    ENTERPRISE_USE(Severity.HIGH, "一(八)、四(二)", "户贷企用"),
    GUARANTEE_REQUIRED(Severity.MEDIUM, "一(五)", "要求担保"),
    NOT_ON_ROSTER(Severity.HIGH, "一(一)、四(一)", "发放时不在帮扶名单（搭便车）"),
    ROSTER_COUNTY_MISMATCH(Severity.LOW, "三", "名单县区与贷款县区不一致"),
    MULTIPLE_OUTSTANDING_LOANS(Severity.MEDIUM, "一(一)", "同户多笔未结清贷款"),
    HOUSEHOLD_OVER_LIMIT(Severity.HIGH, "一(二)", "同户帮扶小额信贷合计超10万元"),
    MISCLASSIFIED(Severity.HIGH, "风险分类", "风险分类与逾期天数不符"),
    MATURED_NOT_OVERDUE(Severity.MEDIUM, "四(三)", "已到期未还却未计逾期"),
    BALANCE_EXCEEDS_AMOUNT(Severity.MEDIUM, "数据质量", "余额大于贷款金额"),
    INVALID_ID_NUMBER(Severity.LOW, "数据质量", "身份证号无效"),
    RATE_CHANGED(Severity.HIGH, "一(四)", "合同期内利率变动"),
    LENDING_AFTER_PAUSE(Severity.HIGH, "四(三)", "暂停发放后仍发放"),
    DOWNGRADED_FOR_RENEWAL(Severity.LOW, "三(一)", "续贷后未逾期却下调分类");

    private final Severity severity;
    private final String clause;
    private final String label;

    Rule(Severity severity, String clause, String label) {
        this.severity = severity;
        this.clause = clause;
        this.label = label;
    }

    public Severity severity() {
        return severity;
    }

    /** The clause of 金发〔2026〕2号 (or the convention) the rule enforces. */
    public String clause() {
        return clause;
    }

    public String label() {
        return label;
    }
}
