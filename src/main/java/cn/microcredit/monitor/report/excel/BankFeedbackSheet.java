package cn.microcredit.monitor.report.excel;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import cn.microcredit.monitor.ingest.RejectReason;
import cn.microcredit.monitor.metrics.CellResult;
import cn.microcredit.monitor.metrics.Reason;
import cn.microcredit.monitor.metrics.Status;
import cn.microcredit.monitor.reference.Bank;
import cn.microcredit.monitor.reference.County;
import cn.microcredit.monitor.report.ReportData;
import cn.microcredit.monitor.report.brief.ExceptionTally;
import cn.microcredit.monitor.report.brief.RejectAdvice;
import cn.microcredit.monitor.report.brief.StatusChange;
import cn.microcredit.monitor.report.excel.ExcelStyles.Kind;
import cn.microcredit.monitor.report.excel.ExcelStyles.Tone;

/**
 * 反馈, the first sheet of a bank's feedback workbook (SPEC 6): what the bank must do. Its own PAUSE cells (it must
 * pause new lending there, 四(三)) and WARN cells against its own threshold; its province-wide NPL against its overall
 * NPL + margin; its rejected rows by reason with what to correct; its breaches by rule; how to resubmit. The sheet is
 * created first (so it opens first) and filled once the rejects and breaches have been streamed.
 */
public final class BankFeedbackSheet {

    private static final int[] WIDTHS = {23, 18, 10, 7, 11, 11, 11, 26, 26};

    private final Sheet sheet;
    private final ExcelStyles styles;
    private int r;

    public BankFeedbackSheet(Sheet sheet, ExcelStyles styles) {
        this.sheet = sheet;
        this.styles = styles;
    }

    public void write(Bank bank, ReportData data, Map<RejectReason, Long> rejects, ExceptionTally breaches) {
        for (int i = 0; i < WIDTHS.length; i++) {
            sheet.setColumnWidth(i, WIDTHS[i] * 256);
        }
        String asOf = data.summary().asOf().toString();
        line("帮扶小额信贷数据质量与风险反馈：" + bank.code() + " " + bank.name(), styles.title());
        line("数据日期 " + asOf + "　　对比日期 " + (data.comparison().present() ? data.comparison().asOf() : "无")
                + "　　本文件只含本机构的数据；借款人姓名、身份证号已脱敏", styles.note());
        r++;

        List<CellResult> flagged = data.bankCountyCells().stream()
                .filter(c -> c.bankCode().equals(bank.code()) && c.status() != Status.OK)
                .sorted(ReportData.WORST_FIRST).toList();
        long pause = flagged.stream().filter(c -> c.status() == Status.PAUSE).count();
        line("一、本机构暂停发放的县区 " + pause + " 个、风险提示的县区 " + (flagged.size() - pause) + " 个", styles.label());
        if (flagged.isEmpty()) {
            line("无。", null);
        } else {
            header(Set.of(4, 5, 6), "县区", "金融监管分局", "状态", "较上期", "逾期率（%）", "不良率（%）", "本机构阈值（%）",
                    "原因", "要求");
            Map<String, Status> before = data.comparison().cellStatus();
            for (CellResult c : flagged) {
                County county = data.county(c.countyCode());
                Tone tone = Tone.of(c.status());
                Row row = sheet.createRow(r++);
                put(row, 0, county == null ? c.countyCode() : county.name(), tone, Kind.TEXT);
                put(row, 1, county == null ? "" : county.subBureau(), tone, Kind.TEXT);
                Cell status = row.createCell(2);
                status.setCellValue(c.status().label());
                status.setCellStyle(styles.badge(tone));
                StatusChange change = StatusChange.of(data.comparison().present(),
                        before.get(c.countyCode() + "|" + c.bankCode()), c.status());
                put(row, 3, change == null ? "" : change.label(), tone, Kind.TEXT);
                put(row, 4, c.figures().overdueRatePct(), tone, Kind.RATE);
                put(row, 5, c.figures().nplRatePct(), tone, Kind.RATE);
                put(row, 6, c.thresholdPct(), tone, Kind.RATE);
                put(row, 7, Reason.joinLabels(c.reasons()), tone, Kind.TEXT);
                put(row, 8, c.status() == Status.PAUSE ? "暂停在该县新增发放（四(三)）" : "查明逾期上升原因，报送整改措施",
                        tone, Kind.TEXT);
            }
        }
        data.bankCells().stream().filter(b -> b.bankCode().equals(bank.code())).findFirst().ifPresent(b -> line(
                "全省口径：本机构帮扶小额信贷不良率 " + pct(b.figures().nplRatePct()) + "%，全部贷款不良率 "
                        + pct(bank.overallNplPct()) + "%，阈值 " + pct(b.thresholdPct()) + "%，"
                        + (b.withinTolerance() ? "在容忍度内。" : "超出容忍度，计入监管评价（三(一)）。"), styles.wrap()));
        r++;

        long rejected = rejects.values().stream().mapToLong(Long::longValue).sum();
        line("二、未入库（拒收）的行：" + rejected + " 行，明细见“拒收明细”（文件、行号、原因、如何更正）", styles.label());
        if (data.summary().banksMissing().contains(bank.code())) {
            line("未收到本机构任何台账行：请尽快报送本数据日期的台账。", styles.wrap());
        }
        if (!rejects.isEmpty()) {
            header(Set.of(1), "原因", "行数", "如何更正");
            for (var e : rejects.entrySet()) {
                Row row = sheet.createRow(r++);
                put(row, 0, e.getKey().label(), Tone.PLAIN, Kind.TEXT);
                put(row, 1, e.getValue(), Tone.PLAIN, Kind.INTEGER);
                put(row, 2, RejectAdvice.of(e.getKey()), Tone.PLAIN, Kind.TEXT);
                sheet.addMergedRegion(new CellRangeAddress(r - 1, r - 1, 2, WIDTHS.length - 1));
            }
        }
        r++;

        line("三、合规异常：" + breaches.count() + " 笔次，按规则汇总如下，逐笔见“合规异常汇总”“合规异常明细”", styles.label());
        if (!breaches.isEmpty()) {
            header(Set.of(2, 3), "规则", "严重程度", "笔次", "涉及余额（万元）", "", "", "", "政策条款", "");
            for (ExceptionTally.Line l : breaches.lines()) {
                if (l.by() != ExceptionTally.By.RULE) {
                    continue;
                }
                Row row = sheet.createRow(r++);
                put(row, 0, l.rule().label(), Tone.PLAIN, Kind.TEXT);
                Cell severity = row.createCell(1);
                severity.setCellValue(l.rule().severity().label());
                severity.setCellStyle(styles.badge(ExceptionSheets.tone(l.rule().severity())));
                put(row, 2, l.count(), Tone.PLAIN, Kind.INTEGER);
                put(row, 3, l.balance(), Tone.PLAIN, Kind.WAN);
                put(row, 7, l.rule().clause(), Tone.PLAIN, Kind.TEXT);
            }
        }
        r++;

        line("四、如何更正和重新报送", styles.label());
        line("1. 拒收的行：按“如何更正”修改后，连同其余借据重新导出本机构完整台账（全部借据，不只是更正的行）。", styles.wrap());
        line("2. 合规异常：逐笔核实；属数据错误的，在台账中更正；属实的，按政策整改并向所属金融监管分局说明。", styles.wrap());
        line("3. 同一数据日期重新报送后，监测将对该日期整体重新运行，结果替换原结果，不会重复计算。", styles.wrap());
        line("4. 文件为 UTF-8 或 GBK 编码的 CSV（或 .xlsx），表头与模板一致；报送前可请省局用 --validate-only 预先检查。",
                styles.wrap());
        Print.a4(sheet, java.util.Arrays.stream(WIDTHS).sum(), 0, asOf);
    }

    private void line(String text, CellStyle style) {
        Row row = sheet.createRow(r++);
        Cell cell = row.createCell(0);
        cell.setCellValue(text);
        if (style != null) {
            cell.setCellStyle(style);
        }
        sheet.addMergedRegion(new CellRangeAddress(r - 1, r - 1, 0, WIDTHS.length - 1));
        if (SheetTable.displayWidth(text) > 140) {
            row.setHeightInPoints(30);
        }
    }

    /** A header row; the columns {@code numeric} hold numbers, and their headers are right-aligned over them. */
    private void header(Set<Integer> numeric, String... names) {
        Row row = sheet.createRow(r++);
        row.setHeightInPoints(30);
        for (int i = 0; i < names.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(String.join("\n", SheetTable.headerLines(names[i])));
            cell.setCellStyle(numeric.contains(i) ? styles.header(Kind.INTEGER) : styles.header());
        }
    }

    private void put(Row row, int col, Object value, Tone tone, Kind kind) {
        Cell cell = row.createCell(col);
        cell.setCellStyle(styles.cell(tone, kind));
        if (value != null) {
            SheetTable.write(cell, kind, value);
        }
    }

    private static String pct(BigDecimal v) {
        return v == null ? "—" : v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
