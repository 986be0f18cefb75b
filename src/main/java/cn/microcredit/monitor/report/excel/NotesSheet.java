package cn.microcredit.monitor.report.excel;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import cn.microcredit.monitor.ingest.FileResult;
import cn.microcredit.monitor.metrics.MonitorRules;
import cn.microcredit.monitor.report.RunSummary;

/**
 * 说明: what every figure means and where this workbook came from (SPEC 6): the definitions of the rates and of the
 * threshold (a county threshold is a balance-weighted reference; a county is PAUSE when any bank's cell is), the rule
 * parameters in force, the run id, program version, input files and generation time.
 */
public final class NotesSheet {

    private final Workbook wb;
    private final ExcelStyles styles;
    private final RunSummary summary;
    private final MonitorRules rules;
    private final String generatedAt;

    public NotesSheet(Workbook wb, ExcelStyles styles, RunSummary summary, MonitorRules rules,
                      LocalDateTime generatedAt) {
        this.wb = wb;
        this.styles = styles;
        this.summary = summary;
        this.rules = rules;
        this.generatedAt = generatedAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }

    /** The definitions, as (term, meaning) pairs; the parameters are those the run used. */
    List<String[]> definitions() {
        String margin = pp(rules.nplMarginPp());
        String band = pp(rules.warnBandPp());
        String growth = pp(rules.growthPp());
        List<String[]> d = new ArrayList<>();
        d.add(new String[] {"贷款余额", "有余额（未结清）贷款的余额之和；已结清贷款不计入任何指标。金额以万元列示的，为元金额除以一万，显示两位小数。"});
        d.add(new String[] {"逾期率", "逾期天数大于0的贷款余额 ÷ 贷款余额 × 100%（按余额，不按笔数）。"});
        d.add(new String[] {"不良率", "五级分类为次级、可疑、损失的贷款余额 ÷ 贷款余额 × 100%。"});
        d.add(new String[] {"机构阈值（容忍度）", "该机构全部贷款不良率 + " + margin + " 个百分点（金发〔2026〕2号 三(一)）；"
                + "同一机构在各县区的阈值相同。"});
        d.add(new String[] {"暂停发放（红）", "某机构在某县区的不良率或逾期率高于该机构阈值：该机构在该县区暂停新增发放（四(三)）。"
                + "恰好等于阈值视为在容忍度内。"});
        d.add(new String[] {"风险提示（橙）", "未达暂停，但逾期率高于阈值减 " + band + " 个百分点，或逾期率较对比日期上升 "
                + growth + " 个百分点及以上。"});
        d.add(new String[] {"县区状态", "县区内各机构单元中最差的状态：任一机构单元为暂停发放，县区即为暂停发放，"
                + "触发的机构见概览和银行县域明细。"});
        d.add(new String[] {"县区阈值", "县区内各机构阈值按贷款余额加权的平均数，仅作参考：判定以各机构单元对照本机构阈值为准，"
                + "故县区逾期率低于县区阈值时县区仍可能为暂停发放。"});
        d.add(new String[] {"较上期", "对比日期的状态 → 本期状态：新增（正常或无余额 → 提示/暂停）、持续（不变）、升级（提示 → 暂停）、"
                + "缓解（暂停 → 提示）、解除（提示/暂停 → 正常或无余额）。"});
        d.add(new String[] {"机构（全省口径）", "机构全省帮扶小额信贷不良率与其全部贷款不良率之差；超过 " + margin
                + " 个百分点的，计入监管评价（三(一)）。逾期90天以上/不良大于100%提示不良认定可能偏松。"});
        d.add(new String[] {"逾期账龄", "逾期贷款按逾期天数分段（1104 S71 口径）：1-30、31-60、61-90、91-180、181-270、271-360、361天以上。"});
        d.add(new String[] {"预计中央贴息", "按本期余额测算一年的中央财政贴息：每户新政策贷款按（发放日期、机构、借据号）顺序贴息至5万元"
                + "（有大额生产需求的10万元），贴息率为执行利率的70%且不超过2.5个百分点（一(六)）。"});
        d.add(new String[] {"合规异常", "逐笔违反政策规定的贷款，一笔贷款违反几条规则计几笔次；严重程度高/中/低。"
                + "“涉及余额”为这些贷款余额之和（一笔贷款在每条规则下各计一次）。"});
        d.add(new String[] {"预测逾期率、预测不良率", "假定每笔贷款按其机构、其当前状态的贷款在上一期（对比日期至本期）的迁徙比率走一步：预测不良率 = "
                + "Σ 本期余额 × 该机构该五级分类的贷款在上期变为次级、可疑、损失的余额占比 ÷ 贷款余额；预测逾期率同理按逾期账龄计算"
                + "（该机构在该状态无余额的用全省占比）；无对比日期的不预测。"});
        d.add(new String[] {"预测（可能暂停）", "本期未暂停、但预测逾期率或预测不良率高于该机构阈值的机构单元为“可能暂停”，"
                + "县区内任一机构单元可能暂停即县区可能暂停；仅作预警（四(三) 及时预警），不改变本期状态。"});
        d.add(new String[] {"迁徙率", "对比日期有余额的贷款按（机构、借据号）跟踪到本期：从状态甲迁往状态乙的贷款在对比日期的余额 ÷ "
                + "状态甲在对比日期的全部余额 × 100%；“已结清”为本期余额为零，“本期未在台账”为本期未报送、已移出或被拒收。"});
        d.add(new String[] {"不良/发放金额（发放批次）", "同一季度、同一政策类型发放的全部贷款（含已结清）中本期不良贷款余额 ÷ 发放金额 × 100%，"
                + "比较各批次贷款变坏的快慢。"});
        d.add(new String[] {"个人信息", "借款人姓名只显示首字，身份证号只显示前6位和后4位。"});
        return d;
    }

    public void write() {
        Sheet sheet = wb.createSheet("说明");
        sheet.setColumnWidth(0, 22 * 256);
        sheet.setColumnWidth(1, 100 * 256);
        int r = 0;
        r = line(sheet, r, "说明：指标定义与运行信息", "", styles.title());
        r++;
        r = line(sheet, r, "一、指标定义", "", styles.label());
        for (String[] d : definitions()) {
            r = line(sheet, r, d[0], d[1], styles.label());
        }
        r++;
        r = line(sheet, r, "二、运行信息", "", styles.label());
        r = line(sheet, r, "数据日期", summary.asOf().toString(), styles.label());
        r = line(sheet, r, "对比日期", summary.previousAsOf() == null ? "无" : summary.previousAsOf().toString(),
                styles.label());
        r = line(sheet, r, "运行编号", String.valueOf(summary.runId()), styles.label());
        r = line(sheet, r, "程序版本", version(), styles.label());
        r = line(sheet, r, "生成时间", generatedAt, styles.label());
        r = line(sheet, r, "参数", "容忍度 " + pp(rules.nplMarginPp()) + " 个百分点，提示区间 " + pp(rules.warnBandPp())
                + " 个百分点，上升幅度 " + pp(rules.growthPp()) + " 个百分点", styles.label());
        r = line(sheet, r, "帮扶名单", switch (summary.roster()) {
            case "used" -> "已使用";
            case "rejected" -> "无法使用（名单相关规则未执行）";
            default -> "未提供（名单相关规则未执行）";
        }, styles.label());
        r = line(sheet, r, "未报送台账的机构", summary.banksMissing().isEmpty() ? "无"
                : String.join("、", summary.banksMissing()), styles.label());
        r = line(sheet, r, "输入文件", "文件（编码）：读取行数 / 接受行数 / 拒收行数", styles.label());
        for (FileResult f : summary.files()) {
            r = line(sheet, r, "", f.file() + "（" + f.charset() + "）：" + String.format("%,d / %,d / %,d",
                    f.rowsRead(), f.rowsAccepted(), f.rowsRejected()) + (f.rejectedWhole()
                    ? "　整个文件未入库：" + f.fileReject().reason().label() : ""), styles.label());
        }
        Print.a4(sheet, 122, 0, summary.asOf().toString());
    }

    private int line(Sheet sheet, int r, String term, String meaning, org.apache.poi.ss.usermodel.CellStyle style) {
        Row row = sheet.createRow(r);
        Cell a = row.createCell(0);
        a.setCellValue(term);
        a.setCellStyle(style);
        Cell b = row.createCell(1);
        b.setCellValue(meaning);
        b.setCellStyle(styles.wrap());
        // As many lines as the definition needs in its column (100 characters hold 50 Chinese ones).
        int lines = (SheetTable.displayWidth(meaning) + 97) / 98;
        if (lines > 1) {
            row.setHeightInPoints(15f * lines);
        }
        return r + 1;
    }

    /** The jar's Implementation-Version; "开发版" when run from classes (tests, IDE). */
    static String version() {
        String v = NotesSheet.class.getPackage().getImplementationVersion();
        return v == null ? "开发版（未打包）" : v;
    }

    private static String pp(java.math.BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
