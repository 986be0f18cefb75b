package cn.microcredit.monitor.report.excel;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

import cn.microcredit.monitor.ingest.FileResult;
import cn.microcredit.monitor.analytics.OutlookRow;
import cn.microcredit.monitor.metrics.Figures;
import cn.microcredit.monitor.metrics.Percent;
import cn.microcredit.monitor.metrics.Reason;
import cn.microcredit.monitor.metrics.Status;
import cn.microcredit.monitor.report.ReportData;
import cn.microcredit.monitor.report.RunSummary;
import cn.microcredit.monitor.report.brief.Briefing.FlaggedCounty;
import cn.microcredit.monitor.report.brief.Briefing.LiftedCounty;
import cn.microcredit.monitor.report.brief.Briefing.Trigger;
import cn.microcredit.monitor.report.brief.Briefing;
import cn.microcredit.monitor.report.brief.LikelyPause;
import cn.microcredit.monitor.report.excel.ExcelStyles.Kind;
import cn.microcredit.monitor.report.excel.ExcelStyles.Tone;

/**
 * 概览: one A4 page a deputy director reads in thirty seconds (SPEC 6). The dates; the headline figures as numbers
 * (万元) beside the comparison date's and the change; every PAUSE and WARN county with the bank cells that flag it, each
 * against that bank's own threshold, and how it moved; the counties lifted; what is expected of whom; where the details
 * are; the colour legend.
 */
public final class OverviewSheet {

    /** Columns A–K: their widths in characters. */
    private static final int[] WIDTHS = {18, 23, 9, 7, 22, 9, 9, 10, 30, 24, 9};

    static final String[] FLAG_HEADER = {"金融监管分局", "县区", "状态", "较上期", "触发机构", "机构逾期率（%）",
            "机构不良率（%）", "该机构阈值（%）", "原因", "应采取的措施", "预测"};

    private final Workbook wb;
    private final ExcelStyles styles;
    private final ReportData data;
    private final Briefing brief;
    private final Predicate<String> countyFilter;
    private final LikelyPause likely;
    private final Map<String, OutlookRow> outlook;
    private Sheet sheet;
    private int r;

    public OverviewSheet(Workbook wb, ExcelStyles styles, ReportData data, Briefing brief,
                         Predicate<String> countyFilter) {
        this.wb = wb;
        this.styles = styles;
        this.data = data;
        this.brief = brief;
        this.countyFilter = countyFilter;
        this.likely = LikelyPause.of(data, countyFilter);
        this.outlook = data.analytics().outlookByKey();
    }

    public void write() {
        sheet = wb.createSheet("概览");
        for (int i = 0; i < WIDTHS.length; i++) {
            sheet.setColumnWidth(i, WIDTHS[i] * 256);
        }
        RunSummary s = data.summary();
        text(r, 0, "帮扶小额信贷风险监测简报（" + brief.scope() + "）", styles.title());
        r++;
        text(r++, "数据日期 " + brief.asOf() + "　　对比日期 " + (brief.comparisonAsOf() == null
                ? "无（首期数据，不计算变动）" : brief.comparisonAsOf()) + "　　运行编号 " + s.runId()
                + "　　阈值 = 各机构全部贷款不良率 + " + marginPp() + " 个百分点（金发〔2026〕2号 三(一)），定义见“说明”", styles.note(), 1);
        r++;
        headline();
        r++;
        flagged();
        r++;
        lifted();
        r++;
        likelyPause();
        r++;
        actions();
        r++;
        legend();
        int lastRow = r;
        Print.a4(sheet, java.util.Arrays.stream(WIDTHS).sum(), 0, brief.asOf().toString());
        // One page: a deputy director's page. Fitted on both axes while the county list leaves the text readable; a
        // province with many flagged counties runs onto a second page rather than shrinking below 8 pt.
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitHeight((short) (lastRow <= 48 ? 1 : 0));
    }

    private void headline() {
        section("一、总体情况");
        header(Set.of(1, 2, 3), List.of("指标", "本期", "对比日期", "变动"));
        Figures now = brief.now();
        Figures before = brief.before();
        long exceptions = data.exceptionsByCounty().entrySet().stream()
                .filter(e -> countyFilter.test(e.getKey())).mapToLong(java.util.Map.Entry::getValue).sum();
        money("贷款余额（万元）", now.balance(), before == null ? null : before.balance());
        money("逾期余额（万元）", now.overdueBalance(), before == null ? null : before.overdueBalance());
        money("不良余额（万元）", now.nplBalance(), before == null ? null : before.nplBalance());
        rate("逾期率（%）", now.overdueBalance(), now.balance(), before == null ? null : before.overdueBalance(),
                before == null ? null : before.balance());
        rate("不良率（%）", now.nplBalance(), now.balance(), before == null ? null : before.nplBalance(),
                before == null ? null : before.balance());
        count("贷款笔数（笔，有余额）", now.loanCount(), before == null ? null : before.loanCount());
        count("暂停发放县区（个）", brief.counties(Status.PAUSE), brief.countiesBefore(Status.PAUSE));
        count("风险提示县区（个）", brief.counties(Status.WARN), brief.countiesBefore(Status.WARN));
        count("正常县区（个）", brief.counties(Status.OK), brief.countiesBefore(Status.OK));
        if (brief.comparisonAsOf() != null) {
            count("可能暂停县区（个，预测）", likely.counties().size(), null);
        }
        count("合规异常（笔次）", exceptions, null);
        RunSummary s = data.summary();
        long ledgerAccepted = s.ledgerFiles().stream().mapToLong(FileResult::rowsAccepted).sum();
        long ledgerRejected = s.ledgerFiles().stream().mapToLong(FileResult::rowsRejected).sum();
        String roster = s.rosterFile().filter(f -> !f.rejectedWhole())
                .map(f -> "；名单 roster.csv 接受 " + String.format("%,d", f.rowsAccepted()) + " 行、拒收 "
                        + String.format("%,d", f.rowsRejected()) + " 行").orElse("");
        text(r++, "贷款笔数只计有余额的贷款；全省本期各机构台账共接受 " + String.format("%,d", ledgerAccepted)
                + " 行（含已结清），拒收 " + String.format("%,d", ledgerRejected) + " 行" + roster
                + (s.banksMissing().isEmpty() ? ""
                : "；未报送台账的机构：" + String.join("、", s.banksMissing())) + "。详见“数据质量”。", styles.note(), 1);
    }

    private void flagged() {
        List<FlaggedCounty> list = brief.flagged();
        section("二、暂停发放与风险提示县区（暂停 " + brief.counties(Status.PAUSE) + " 个，提示 "
                + brief.counties(Status.WARN) + " 个）");
        if (list.isEmpty()) {
            text(r++, 0, "本期无暂停发放或风险提示县区。", null);
            return;
        }
        header(Set.of(5, 6, 7), List.of(FLAG_HEADER));
        for (FlaggedCounty f : list) {
            boolean first = true;
            for (Trigger t : f.triggers()) {
                Row row = sheet.createRow(r++);
                Tone tone = Tone.of(t.cell().status());
                if (first) {
                    put(row, 0, f.county().subBureau(), Tone.PLAIN, Kind.TEXT);
                    put(row, 1, f.county().name(), Tone.PLAIN, Kind.TEXT);
                    badge(row, 2, f.status().label(), Tone.of(f.status()));
                    put(row, 3, f.change() == null ? "" : f.change().label(), Tone.PLAIN, Kind.TEXT);
                }
                put(row, 4, t.bankName() + (t.change() == null || t.change() == f.change() ? ""
                        : "（" + t.change().label() + "）"), tone, Kind.TEXT);
                put(row, 5, t.cell().figures().overdueRatePct(), tone, Kind.RATE);
                put(row, 6, t.cell().figures().nplRatePct(), tone, Kind.RATE);
                put(row, 7, t.cell().thresholdPct(), tone, Kind.RATE);
                put(row, 8, Reason.joinLabels(t.cell().reasons()), tone, Kind.TEXT);
                put(row, 9, t.cell().status() == Status.PAUSE ? "该机构在该县暂停新增发放" : "风险提示，约谈该机构", tone,
                        Kind.TEXT);
                put(row, 10, LikelyPause.label(LikelyPause.of(outlook, t.cell())), tone, Kind.TEXT);
                first = false;
            }
        }
    }

    private void lifted() {
        List<LiftedCounty> lifted = brief.lifted();
        section("三、较上期解除（" + lifted.size() + " 个）");
        if (brief.comparisonAsOf() == null) {
            text(r++, 0, "无对比日期。", null);
            return;
        }
        if (lifted.isEmpty()) {
            text(r++, 0, "无：对比日期的暂停发放、风险提示县区本期仍在上表。", null);
            return;
        }
        text(r++, lifted.stream().map(l -> l.county().name() + "（" + l.county().subBureau() + "，上期"
                + l.before().label() + "，本期" + (l.now() == null ? "无贷款余额" : l.now().status().label()) + "）")
                .collect(Collectors.joining("；")), styles.wrap(), 2);
    }

    /**
     * 四、预警: the LIKELY_PAUSE counties (四(三) 及时预警; SPEC 5.4): not PAUSE today, but a bank's cell projects above
     * that bank's threshold one step ahead. Each such cell with its projected rates against its threshold.
     */
    private void likelyPause() {
        List<LikelyPause.Warned> list = likely.counties();
        section("四、预警：可能暂停发放的县区（" + list.size() + " 个，按上期迁徙推算下期，四(三) 及时预警）");
        if (brief.comparisonAsOf() == null) {
            text(r++, 0, "无对比日期，不作预测。", null);
            return;
        }
        if (list.isEmpty()) {
            text(r++, 0, "无：按上期各机构的迁徙比率推算，没有县区的机构预测逾期率或不良率超过该机构阈值。", null);
            return;
        }
        header(Set.of(5, 6, 7), List.of("金融监管分局", "县区", "本期状态", "", "预警机构", "预测逾期率（%）",
                "预测不良率（%）", "该机构阈值（%）", "本期逾期率 / 不良率（%）", "应采取的措施", "预测"));
        for (LikelyPause.Warned w : list) {
            boolean first = true;
            for (LikelyPause.Projected p : w.cells()) {
                Row row = sheet.createRow(r++);
                Tone tone = Tone.of(p.cell().status());
                if (first) {
                    put(row, 0, w.county().subBureau(), Tone.PLAIN, Kind.TEXT);
                    put(row, 1, w.county().name(), Tone.PLAIN, Kind.TEXT);
                    badge(row, 2, w.cell().status().label(), Tone.of(w.cell().status()));
                }
                put(row, 4, p.bankName(), tone, Kind.TEXT);
                put(row, 5, p.outlook().projectedOverdueRatePct(), tone, Kind.RATE);
                put(row, 6, p.outlook().projectedNplRatePct(), tone, Kind.RATE);
                put(row, 7, p.cell().thresholdPct(), tone, Kind.RATE);
                put(row, 8, p.cell().figures().overdueRatePct().setScale(2, java.math.RoundingMode.HALF_UP)
                        .toPlainString() + " / " + p.cell().figures().nplRatePct().setScale(2,
                        java.math.RoundingMode.HALF_UP).toPlainString(), tone, Kind.TEXT);
                put(row, 9, "提前提示该机构，关注逾期贷款催收和分类", tone, Kind.TEXT);
                put(row, 10, LikelyPause.label(p.outlook()), tone, Kind.TEXT);
                first = false;
            }
        }
    }

    private void actions() {
        section("五、工作要求");
        text(r++, "暂停发放（红）：所列机构在该县区暂停新增帮扶小额信贷发放，直至不良率、逾期率回到容忍度以内"
                + "（金发〔2026〕2号 四(三)）；分局督促落实，暂停后新发放的贷款将列入合规异常。", styles.wrap(), 2);
        text(r++, "风险提示（橙）：分局向所列机构发出风险提示，必要时约谈，要求说明逾期上升原因并报送整改措施。", styles.wrap(), 1);
        text(r++, "各机构：核实本机构数据质量反馈表（banks/数据质量反馈_机构代码_日期.xlsx）中的拒收行和合规异常，"
                + "更正后在下一报送日前重新报送。", styles.wrap(), 1);
        text(r++, "详见：县域风险（全部县区，含预测）· 机构 · 银行县域明细 · 暂停发放名单 · 风险提示名单 · 逾期账龄 · 新老政策 · 迁徙 · "
                + "发放批次 · 合规异常汇总 · 合规异常按县区 · "
                + "合规异常明细 · 数据质量 · 说明（指标定义、运行信息）", styles.note(), 1);
    }

    private void legend() {
        Row row = sheet.createRow(r++);
        put(row, 0, "图例", Tone.PLAIN, Kind.TEXT);
        row.getCell(0).setCellStyle(styles.label());
        badge(row, 1, Status.PAUSE.label() + "（红）", Tone.RED);
        badge(row, 2, Status.WARN.label(), Tone.AMBER);
        put(row, 3, Status.OK.label(), Tone.PLAIN, Kind.TEXT);
        put(row, 4, "行底色浅红、浅橙与之同义；“较上期”为对比日期以来的变化：新增、持续、升级、缓解、解除", Tone.PLAIN,
                Kind.TEXT);
        row.getCell(4).setCellStyle(styles.note());
        sheet.addMergedRegion(new CellRangeAddress(r - 1, r - 1, 4, WIDTHS.length - 1));
    }

    /** The tolerance margin the run used: any bank's threshold less its overall NPL ratio (SPEC 5.2). */
    private String marginPp() {
        return data.bankCells().stream().filter(b -> b.thresholdPct() != null && data.banks().get(b.bankCode()) != null)
                .findFirst().map(b -> b.thresholdPct().subtract(data.bankNplPct(b.bankCode())).stripTrailingZeros()
                        .toPlainString()).orElse("3");
    }

    private void section(String title) {
        text(r++, 0, title, styles.label());
    }

    /** A header row; the columns {@code numeric} hold numbers, and their headers are right-aligned over them. */
    private void header(Set<Integer> numeric, List<String> names) {
        Row row = sheet.createRow(r++);
        row.setHeightInPoints(30);
        for (int i = 0; i < names.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(String.join("\n", SheetTable.headerLines(names.get(i))));
            cell.setCellStyle(numeric.contains(i) ? styles.header(Kind.INTEGER) : styles.header());
        }
    }

    private void money(String label, BigDecimal now, BigDecimal before) {
        Row row = figureRow(label);
        put(row, 1, now, Tone.PLAIN, Kind.WAN);
        if (before != null) {
            put(row, 2, before, Tone.PLAIN, Kind.WAN);
            put(row, 3, now.subtract(before), Tone.PLAIN, Kind.SIGNED_WAN);
        }
    }

    private void rate(String label, BigDecimal part, BigDecimal whole, BigDecimal partBefore, BigDecimal wholeBefore) {
        Row row = figureRow(label);
        put(row, 1, Percent.of(part, whole), Tone.PLAIN, Kind.RATE);
        if (partBefore != null && wholeBefore.signum() > 0) {
            put(row, 2, Percent.of(partBefore, wholeBefore), Tone.PLAIN, Kind.RATE);
            if (whole.signum() > 0) {
                put(row, 3, Percent.changePp(part, whole, partBefore, wholeBefore), Tone.PLAIN, Kind.POINTS);
            }
        }
    }

    private void count(String label, long now, Long before) {
        Row row = figureRow(label);
        put(row, 1, now, Tone.PLAIN, Kind.INTEGER);
        if (before != null) {
            put(row, 2, before, Tone.PLAIN, Kind.INTEGER);
            put(row, 3, now - before, Tone.PLAIN, Kind.SIGNED_INTEGER);
        }
    }

    private Row figureRow(String label) {
        Row row = sheet.createRow(r++);
        put(row, 0, label, Tone.PLAIN, Kind.TEXT);
        return row;
    }

    private void put(Row row, int col, Object value, Tone tone, Kind kind) {
        Cell cell = row.createCell(col);
        cell.setCellStyle(styles.cell(tone, kind));
        if (value != null) {
            SheetTable.write(cell, kind, value);
        }
    }

    private void badge(Row row, int col, String value, Tone tone) {
        Cell cell = row.createCell(col);
        cell.setCellValue(value);
        cell.setCellStyle(styles.badge(tone));
    }

    private void text(int rowIndex, int col, String value, CellStyle style) {
        Row row = sheet.createRow(rowIndex);
        Cell cell = row.createCell(col);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** A line of text over the whole width (merged A–K), {@code lines} lines high. */
    private void text(int rowIndex, String value, CellStyle style, int lines) {
        text(rowIndex, 0, value, style);
        sheet.getRow(rowIndex).setHeightInPoints(15f * lines);
        sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, 0, WIDTHS.length - 1));
    }
}
