package cn.microcredit.monitor.report.excel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ColorScaleFormatting;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.ConditionalFormattingThreshold.RangeType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFColor;

import cn.microcredit.monitor.analytics.Analytics;
import cn.microcredit.monitor.analytics.Migration.Dimension;
import cn.microcredit.monitor.analytics.MigrationRow;
import cn.microcredit.monitor.analytics.RegimeRow;
import cn.microcredit.monitor.analytics.VintageRow;
import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.metrics.AgeingState;
import cn.microcredit.monitor.reference.Bank;
import cn.microcredit.monitor.reference.County;
import cn.microcredit.monitor.report.ReportData;
import cn.microcredit.monitor.report.excel.ExcelStyles.Kind;
import cn.microcredit.monitor.report.excel.ExcelStyles.Tone;

/**
 * The sheets of SPEC 5.4 in a province or sub-bureau workbook, after 逾期账龄: 新老政策 (the regime split of the scope's
 * counties and the province), 迁徙 (the migration matrices, province-wide then per bank, rates as a colour-scale heat
 * map) and 发放批次 (vintage, province-wide then per bank). Migration and vintage are computed by bank and province, not
 * by county, so a sub-bureau workbook shows them province-wide and says so in the title line. Every figure is a value
 * cell (no formula), as in the CSVs: regime_metrics.csv, migration.csv, vintage.csv.
 */
public final class AnalyticsSheets {

    /** Title line, then the header row: both repeat on every printed page. */
    private static final int HEADER_ROWS = 2;
    /** Width of a matrix column: "逾期181-270天" on one line. */
    private static final int STATE_WIDTH = 14;
    /** Heat map: white for the smallest rate of a matrix, red for the largest (the worst-moving share stands out). */
    private static final byte[] HEAT_LOW = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
    private static final byte[] HEAT_HIGH = {(byte) 0xE0, (byte) 0x4B, (byte) 0x4B};

    private final SXSSFWorkbook wb;
    private final ExcelStyles styles;
    private final ReportData data;
    private final Analytics analytics;
    private final boolean province;
    private final Predicate<String> countyFilter;

    /**
     * @param province whether the workbook is the province's (a sub-bureau's title lines say the figures are
     *                 province-wide)
     */
    public AnalyticsSheets(SXSSFWorkbook wb, ExcelStyles styles, ReportData data, boolean province,
                           Predicate<String> countyFilter) {
        this.wb = wb;
        this.styles = styles;
        this.data = data;
        this.analytics = data.analytics();
        this.province = province;
        this.countyFilter = countyFilter;
    }

    public void write() {
        regimes();
        migration();
        vintages();
    }

    private String asOf() {
        return data.summary().asOf().toString();
    }

    /** 新老政策: the scope's counties × regime, then (as reference in a sub-bureau) the province's rows. */
    private void regimes() {
        Table t = new Table("新老政策", (province ? "新老政策分账：各县区及全省" : "新老政策分账：本分局所辖县区；“全省”行为全省合计，供对照")
                + "。脱贫人口小额信贷（2026-02-26 前签订，按原政策至到期）与帮扶小额信贷分开计算，合并的比率会掩盖两者各自的走势。",
                List.of(SheetTable.text("县区代码", 9), SheetTable.text("县区", 23), SheetTable.text("金融监管分局", 18),
                        SheetTable.text("政策类型", 17), SheetTable.integer("贷款笔数"), SheetTable.wan("贷款余额（万元）"),
                        SheetTable.wan("逾期余额（万元）"), SheetTable.wan("不良余额（万元）"), SheetTable.rate("逾期率（%）"),
                        SheetTable.rate("不良率（%）")));
        List<RegimeRow> rows = analytics.regimes();
        for (RegimeRow r : rows) {
            if (r.countyCode().isEmpty()) {
                t.row(Tone.PLAIN, "", "全省", "", r.regime().label(), r.loanCount(), r.balance(), r.overdueBalance(),
                        r.nplBalance(), r.overdueRatePct(), r.nplRatePct());
            }
        }
        for (RegimeRow r : rows) {
            if (!r.countyCode().isEmpty() && countyFilter.test(r.countyCode())) {
                County c = data.county(r.countyCode());
                t.row(Tone.PLAIN, r.countyCode(), c == null ? r.countyCode() : c.name(),
                        c == null ? "" : c.subBureau(), r.regime().label(), r.loanCount(), r.balance(),
                        r.overdueBalance(), r.nplBalance(), r.overdueRatePct(), r.nplRatePct());
            }
        }
        t.finish();
    }

    /** 迁徙: one classification and one ageing matrix province-wide, then the same per bank. */
    private void migration() {
        Sheet sheet = wb.createSheet("迁徙");
        sheet.setColumnWidth(0, 24 * 256);
        for (int i = 1; i <= 12; i++) {
            sheet.setColumnWidth(i, STATE_WIDTH * 256);
        }
        String scope = province ? "全省及各机构" : "全省及各机构（不分县区，非本分局口径）";
        if (analytics.comparisonAsOf() == null) {
            title(sheet, 0, "迁徙：无对比日期（或对比日期的贷款明细已清理），本期不计算迁徙。");
            Print.a4(sheet, 24 + 12 * STATE_WIDTH, 0, asOf());
            return;
        }
        title(sheet, 0, "迁徙（" + scope + "）：对比日期 " + analytics.comparisonAsOf() + " 有余额的贷款，按（机构、借据号）"
                + "跟踪到本期的状态；比率 = 从该状态迁往本期状态的余额 ÷ 该状态在对比日期的余额 × 100%（余额均为对比日期的）。"
                + "色阶：每个矩阵中状态变化（对角线以外、结清及未在台账以外）的比率越高越红；对角线为状态未变。");
        sheet.getRow(0).setHeightInPoints(45);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 12));
        Map<String, List<MigrationRow>> byBank = new LinkedHashMap<>();
        byBank.put("", new ArrayList<>());
        for (MigrationRow m : analytics.migration()) {
            byBank.computeIfAbsent(m.bankCode(), k -> new ArrayList<>()).add(m);
        }
        int r = 2;
        for (var e : byBank.entrySet()) {
            String who = e.getKey().isEmpty() ? "全省" : e.getKey() + " " + bankName(e.getKey());
            for (Dimension d : Dimension.values()) {
                List<MigrationRow> rows = e.getValue().stream().filter(m -> m.dimension() == d).toList();
                r = matrix(sheet, r, who + "：" + (d == Dimension.CLASSIFICATION ? "按五级分类" : "按逾期账龄"), d, rows);
                r++;
            }
        }
        Print.a4(sheet, 24 + 12 * STATE_WIDTH, 0, asOf());
    }

    /** One matrix: a caption, a header of the states today, a row per state on the comparison date that held loans. */
    private int matrix(Sheet sheet, int r, String caption, Dimension d, List<MigrationRow> rows) {
        Row cap = sheet.createRow(r++);
        Cell c0 = cap.createCell(0);
        c0.setCellValue(caption);
        c0.setCellStyle(styles.label());
        if (rows.isEmpty()) {
            sheet.createRow(r++).createCell(0).setCellValue("无对比日期有余额的贷款。");
            return r;
        }
        Row header = sheet.createRow(r++);
        header.setHeightInPoints(30);
        List<String> heads = new ArrayList<>();
        heads.add("对比日期状态 \\ 本期状态（%）");
        for (int to = 0; to < d.toStates(); to++) {
            heads.add(state(d, to));
        }
        heads.add("期初笔数");
        heads.add("期初余额（万元）");
        for (int i = 0; i < heads.size(); i++) {
            Cell h = header.createCell(i);
            h.setCellValue(String.join("\n", SheetTable.headerLines(heads.get(i))));
            h.setCellStyle(i == 0 ? styles.header() : styles.header(Kind.RATE)); // the states' shares, then the sums
        }
        List<CellRangeAddress> heat = new ArrayList<>();
        for (int from = 0; from < d.fromStates(); from++) {
            String fromName = d.label(from);
            List<MigrationRow> out = rows.stream().filter(m -> m.fromState().equals(fromName)).toList();
            if (out.isEmpty()) {
                continue;
            }
            Row row = sheet.createRow(r);
            put(row, 0, state(d, from), Kind.TEXT);
            long loans = 0;
            for (int to = 0; to < d.toStates(); to++) {
                String toName = d.label(to);
                MigrationRow m = out.stream().filter(x -> x.toState().equals(toName)).findFirst().orElse(null);
                put(row, 1 + to, m == null ? null : m.ratePct(), Kind.RATE);
                loans += m == null ? 0 : m.loanCount();
                if (to != from && to < d.fromStates()) {
                    heat.add(new CellRangeAddress(r, r, 1 + to, 1 + to));
                }
            }
            put(row, 1 + d.toStates(), loans, Kind.INTEGER);
            put(row, 2 + d.toStates(), out.get(0).fromBalance(), Kind.WAN);
            r++;
        }
        if (!heat.isEmpty()) {
            heatMap(sheet, heat.toArray(CellRangeAddress[]::new));
        }
        return r;
    }

    /** A two-colour scale from the smallest to the largest rate of the given cells: a rule, never a formula cell. */
    private void heatMap(Sheet sheet, CellRangeAddress[] cells) {
        SheetConditionalFormatting cf = sheet.getSheetConditionalFormatting();
        ConditionalFormattingRule rule = cf.createConditionalFormattingColorScaleRule();
        ColorScaleFormatting scale = rule.getColorScaleFormatting();
        scale.setNumControlPoints(2);
        scale.getThresholds()[0].setRangeType(RangeType.MIN);
        scale.getThresholds()[1].setRangeType(RangeType.MAX);
        scale.setColors(new org.apache.poi.ss.usermodel.Color[] {new XSSFColor(HEAT_LOW, null),
                new XSSFColor(HEAT_HIGH, null)});
        cf.addConditionalFormatting(cells, rule);
    }

    /** A state in Chinese: the classification's label, 未逾期 / 逾期 n 天, 已结清, 本期未在台账. */
    static String state(Dimension d, int state) {
        if (state == d.settled()) {
            return "已结清";
        }
        if (state == d.missing()) {
            return "本期未在台账";
        }
        if (d == Dimension.CLASSIFICATION) {
            return Classification.values()[state].label();
        }
        String label = AgeingState.at(state).label();
        return label.equals("CURRENT") ? "未逾期" : "逾期" + label.replace("361+", "361天以上").replaceAll("(\\d)$", "$1天");
    }

    /** 发放批次: province-wide, then per bank, quarter × regime. */
    private void vintages() {
        Table t = new Table("发放批次", "发放批次（" + (province ? "全省及各机构" : "全省及各机构，不分县区，非本分局口径")
                + "）：按发放季度和政策类型分组的全部已接受贷款（含已结清）；不良/发放金额 = 不良余额 ÷ 发放金额 × 100%，"
                + "看哪一批发放的贷款坏得快。",
                List.of(SheetTable.text("机构代码", 10), SheetTable.text("机构名称", 22), SheetTable.text("发放季度", 9),
                        SheetTable.text("政策类型", 17), SheetTable.integer("贷款笔数"), SheetTable.wan("发放金额（万元）"),
                        SheetTable.wan("贷款余额（万元）"), SheetTable.wan("不良余额（万元）"),
                        SheetTable.rate("不良/发放金额（%）")));
        List<VintageRow> rows = analytics.vintages();
        for (boolean provinceRows : new boolean[] {true, false}) {
            for (VintageRow v : rows) {
                if (v.bankCode().isEmpty() == provinceRows) {
                    t.row(Tone.PLAIN, v.bankCode(), provinceRows ? "全省" : bankName(v.bankCode()), v.issueQuarter(),
                            v.regime().label(), v.loanCount(), v.amount(), v.balance(), v.nplBalance(),
                            v.nplToAmountPct());
                }
            }
        }
        t.finish();
    }

    private String bankName(String code) {
        Bank b = data.banks().get(code);
        return b == null ? code : b.name();
    }

    private void title(Sheet sheet, int r, String text) {
        Row row = sheet.createRow(r);
        Cell c = row.createCell(0);
        c.setCellValue(text);
        c.setCellStyle(styles.wrap());
    }

    private void put(Row row, int col, Object value, Kind kind) {
        Cell cell = row.createCell(col);
        cell.setCellStyle(styles.cell(Tone.PLAIN, kind));
        if (value != null) {
            SheetTable.write(cell, kind, value);
        }
    }

    /** A table under a title line (what the figures cover), its header frozen, filtered and repeated in print. */
    private final class Table {
        private final Sheet sheet;
        private final List<SheetTable.Column> columns;
        private int r = HEADER_ROWS;

        Table(String name, String title, List<SheetTable.Column> columns) {
            this.sheet = wb.createSheet(name);
            this.columns = columns;
            int width = columns.stream().mapToInt(SheetTable::printedWidth).sum();
            title(sheet, 0, title);
            sheet.getRow(0).setHeightInPoints(15f * Math.max(2, (SheetTable.displayWidth(title) + width - 1) / width));
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns.size() - 1));
            Row header = sheet.createRow(1);
            header.setHeightInPoints(32);
            for (int i = 0; i < columns.size(); i++) {
                Cell h = header.createCell(i);
                h.setCellValue(String.join("\n", SheetTable.headerLines(columns.get(i).header())));
                h.setCellStyle(styles.header(columns.get(i).kind()));
                sheet.setColumnWidth(i, SheetTable.printedWidth(columns.get(i)) * 256);
            }
        }

        void row(Tone tone, Object... values) {
            Row row = sheet.createRow(r++);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = row.createCell(i);
                cell.setCellStyle(styles.cell(tone, columns.get(i).kind()));
                if (values[i] != null) {
                    SheetTable.write(cell, columns.get(i).kind(), values[i]);
                }
            }
        }

        void finish() {
            sheet.createFreezePane(0, HEADER_ROWS);
            Print.a4(sheet, columns.stream().mapToInt(SheetTable::printedWidth).sum(), HEADER_ROWS, asOf());
            if (r > HEADER_ROWS) {
                sheet.setAutoFilter(new CellRangeAddress(1, r - 1, 0, columns.size() - 1));
            }
        }
    }
}
