package cn.microcredit.monitor.report.brief;

import cn.microcredit.monitor.ingest.RejectReason;

/** What a bank should correct for each reason a row (or file) was rejected: the bank feedback workbook's words. */
public final class RejectAdvice {

    private RejectAdvice() {
    }

    public static String of(RejectReason reason) {
        return switch (reason.name()) {
            case "MALFORMED_ROW" -> "检查该行的引号、逗号和列数，按模板重新导出";
            case "MISSING_FIELD" -> "补齐详情所列的必填字段";
            case "BAD_NUMBER" -> "金额、利率、天数、次数填写数字（可带千分位），不带单位";
            case "BAD_DATE" -> "日期写作 yyyy-MM-dd（或 yyyy/MM/dd、yyyyMMdd），并核对是否为真实日期";
            case "OUT_OF_RANGE" -> "核对取值：金额大于0、余额不小于0、利率0至24、天数和次数不小于0，金额和余额不超过10亿元";
            case "UNKNOWN_BANK" -> "机构代码须与省局下发的机构清单（banks.csv）一致";
            case "UNKNOWN_COUNTY" -> "县区代码须为6位国家标准代码（GB/T 2260）";
            case "UNKNOWN_CODE" -> "五级分类、贷款用途、担保方式、大额生产需求按模板代码或中文名称填写";
            case "MATURITY_BEFORE_ISSUE" -> "核对发放日期与到期日期";
            case "DUPLICATE_LOAN" -> "同一借据号只报一行：核对是否重复导出，或借据号是否写错";
            case "MISSING_COLUMNS" -> "整个文件未入库：按模板补齐缺少的列后重新报送整个文件";
            case "DUPLICATE_COLUMNS" -> "整个文件未入库：删除重复的列名后重新报送整个文件";
            case "UNREADABLE_FILE" -> "整个文件未入库：另存为 UTF-8 或 GBK 编码的 CSV（或 .xlsx）后重新报送";
            default -> "按详情更正后重新报送";
        };
    }
}
