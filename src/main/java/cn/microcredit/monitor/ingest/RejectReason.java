package cn.microcredit.monitor.ingest;

/** Why an input row (or a whole file) could not be used. SPEC 3.1. */
public enum RejectReason {
    MALFORMED_ROW("格式错误"),
    MISSING_FIELD("必填字段为空"),
    BAD_NUMBER("数值无效"),
    BAD_DATE("日期无效"),
    OUT_OF_RANGE("超出取值范围"),
    UNKNOWN_BANK("未知机构"),
    UNKNOWN_COUNTY("未知县区"),
    UNKNOWN_CODE("未知代码"),
    MATURITY_BEFORE_ISSUE("到期日早于发放日"),
    DUPLICATE_LOAN("借据号重复"),
    /** Whole file: the header lacks required columns. */
    MISSING_COLUMNS("缺少必需列"),
    /** Whole file: two header cells name the same field, so neither can be trusted. */
    DUPLICATE_COLUMNS("列名重复"),
    /** Whole file: it could not be read at all (I/O error, unsupported encoding). */
    UNREADABLE_FILE("文件无法读取"),
    /** Whole file: it passes one of the size limits of {@link InputLimits} (issue 17, item 3). */
    TOO_LARGE("超出大小限制");

    private final String label;

    RejectReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean wholeFile() {
        return this == MISSING_COLUMNS || this == DUPLICATE_COLUMNS || this == UNREADABLE_FILE || this == TOO_LARGE;
    }
}
