package cn.microcredit.monitor.report.excel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.microcredit.monitor.metrics.CellResult;
import cn.microcredit.monitor.metrics.Percent;
import cn.microcredit.monitor.metrics.Status;
import cn.microcredit.monitor.report.ReportData;
import cn.microcredit.monitor.report.excel.ExcelStyles.Kind;
import cn.microcredit.monitor.report.excel.ExcelStyles.Tone;
import cn.microcredit.monitor.store.MetricsRepository.HistoryPoint;

/**
 * 图表 (SPEC 6): the counties' overdue and NPL rates as bars, worst first, PAUSE red and WARN amber, each county's
 * threshold a black dash; at most {@link #MAX_BARS} bars (every flagged county, then the highest of the rest); and the
 * overdue rate of each flagged county over the stored dates beside the scope's own. The tables the charts are drawn
 * from are below them.
 */
public final class ChartSheet {

    /** Bars that stay readable on one screen and one landscape page. */
    static final int MAX_BARS = 30;
    /** Lines a trend chart can hold before it turns into a tangle: the worst flagged counties. */
    static final int MAX_LINES = 8;
    private static final int CHART_COLS = 12;
    private static final int CHART_ROWS = 20;

    private final XSSFWorkbook wb;
    private final ExcelStyles styles;
    private final ReportData data;
    private final String scope;
    private final List<CellResult> counties;

    public ChartSheet(XSSFWorkbook wb, ExcelStyles styles, ReportData data, String scope,
                      Predicate<String> countyFilter) {
        this.wb = wb;
        this.styles = styles;
        this.data = data;
        this.scope = scope;
        this.counties = data.countyCells().stream().filter(c -> countyFilter.test(c.countyCode())).toList();
    }

    /** The counties charted, in bar order: flagged ones first (PAUSE, WARN), each group by overdue rate, highest first. */
    static List<CellResult> bars(List<CellResult> counties) {
        Comparator<CellResult> order = Comparator.comparing(CellResult::status).reversed()
                .thenComparing(c -> c.figures().overdueRatePct(), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(CellResult::countyCode);
        List<CellResult> sorted = counties.stream().sorted(order).toList();
        long flagged = sorted.stream().filter(c -> c.status() != Status.OK).count();
        return sorted.subList(0, (int) Math.min(sorted.size(), Math.max(flagged, MAX_BARS)));
    }

    /** Header rows are three lines high: a county name of 11 characters wraps in a rate column (rendered, 2026-11-29). */
    private static final int HEADER_LINES = 3;

    public void write() {
        XSSFSheet sheet = wb.createSheet("图表");
        sheet.setColumnWidth(0, 23 * 256);
        for (int c = 1; c < CHART_COLS; c++) {
            sheet.setColumnWidth(c, 10 * 256);
        }
        List<CellResult> bars = bars(counties);
        int r = 0;
        text(sheet, r++, "各县区逾期率、不良率（%）：红 = 暂停发放，橙 = 风险提示，黑色短线 = 县区阈值（各机构阈值按余额加权的参考值；"
                + "判定以各机构对照本机构阈值为准，见概览）" + (bars.size() < counties.size()
                ? "。共 " + counties.size() + " 个县区，图中为全部预警县区和其余逾期率最高的县区" : ""));
        int overdueChart = r;
        int nplChart = overdueChart + CHART_ROWS + 1;
        int trendChart = nplChart + CHART_ROWS + 1;
        Map<LocalDate, Map<String, BigDecimal[]>> history = history();
        boolean trend = history.size() >= 2;
        r = (trend ? trendChart + CHART_ROWS : trendChart) + 1;

        int tableHead = r;
        XSSFRow head = sheet.createRow(r++);
        head.setHeightInPoints(HEADER_LINES * sheet.getDefaultRowHeightInPoints());
        String[] names = {"县区", "状态", "逾期率（%）", "不良率（%）", "县区阈值（%）"};
        for (int i = 0; i < names.length; i++) {
            header(head, i, names[i]);
        }
        List<Status> statuses = new ArrayList<>();
        for (CellResult c : bars) {
            XSSFRow row = sheet.createRow(r++);
            Tone tone = Tone.of(c.status());
            cell(row, 0, name(c.countyCode()), tone, Kind.TEXT);
            cell(row, 1, c.status().label(), tone, Kind.TEXT);
            cell(row, 2, c.figures().overdueRatePct(), tone, Kind.RATE);
            cell(row, 3, c.figures().nplRatePct(), tone, Kind.RATE);
            cell(row, 4, c.thresholdPct(), tone, Kind.RATE);
            statuses.add(c.status());
        }
        if (!bars.isEmpty()) {
            int first = tableHead + 1;
            int last = r - 1;
            CellRangeAddress cats = new CellRangeAddress(first, last, 0, 0);
            CellRangeAddress thresholds = new CellRangeAddress(first, last, 4, 4);
            Charts.statusBars(sheet, new Charts.Place(0, overdueChart, CHART_COLS, overdueChart + CHART_ROWS),
                    "各县区逾期率（%，" + scope + "）", "逾期率", cats, new CellRangeAddress(first, last, 2, 2), thresholds,
                    statuses);
            Charts.statusBars(sheet, new Charts.Place(0, nplChart, CHART_COLS, nplChart + CHART_ROWS),
                    "各县区不良率（%，" + scope + "）", "不良率", cats, new CellRangeAddress(first, last, 3, 3), thresholds,
                    statuses);
        }
        r++;
        if (trend) {
            r = trendTable(sheet, r, trendChart, history);
        } else {
            text(sheet, trendChart, "走势：只有一个存储日期，暂无走势。");
        }
        Print.a4(sheet, 23 + 10 * (CHART_COLS - 1), 0, data.summary().asOf().toString());
    }

    /** The trend table (dates down, counties across) and its chart; returns the next free row. */
    private int trendTable(XSSFSheet sheet, int r, int chartRow, Map<LocalDate, Map<String, BigDecimal[]>> history) {
        List<CellResult> flagged = counties.stream().filter(c -> c.status() != Status.OK)
                .sorted(ReportData.WORST_FIRST).limit(MAX_LINES).toList();
        List<String> codes = new ArrayList<>(flagged.stream().map(CellResult::countyCode).toList());
        List<String> names = new ArrayList<>(codes.stream().map(this::name).toList());
        names.add(scope + "合计");
        int head = r;
        XSSFRow h = sheet.createRow(r++);
        h.setHeightInPoints(HEADER_LINES * sheet.getDefaultRowHeightInPoints());
        header(h, 0, "日期");
        for (int i = 0; i < names.size(); i++) {
            header(h, i + 1, names.get(i));
        }
        for (var day : history.entrySet()) {
            XSSFRow row = sheet.createRow(r++);
            row.createCell(0).setCellValue(day.getKey().toString());
            BigDecimal balance = BigDecimal.ZERO;
            BigDecimal overdue = BigDecimal.ZERO;
            for (var e : day.getValue().entrySet()) {
                balance = balance.add(e.getValue()[0]);
                overdue = overdue.add(e.getValue()[1]);
            }
            for (int i = 0; i < codes.size(); i++) {
                BigDecimal[] v = day.getValue().get(codes.get(i));
                cell(row, i + 1, v == null ? null : Percent.of(v[1], v[0]), Tone.PLAIN, Kind.RATE);
            }
            cell(row, codes.size() + 1, Percent.of(overdue, balance), Tone.PLAIN, Kind.RATE);
        }
        Charts.lines(sheet, new Charts.Place(0, chartRow, CHART_COLS, chartRow + CHART_ROWS),
                "逾期率走势（%）：" + (codes.isEmpty() ? "无预警县区，" : "预警县区" + (flagged.size() < counties.stream()
                        .filter(c -> c.status() != Status.OK).count() ? "中最严重的 " + MAX_LINES + " 个" : "") + "与")
                        + scope + "合计",
                new CellRangeAddress(head + 1, r - 1, 0, 0), names, 1, head + 1, r - 1);
        return r;
    }

    /** Balance and overdue balance of each county of the scope on each stored date, oldest first. */
    private Map<LocalDate, Map<String, BigDecimal[]>> history() {
        var codes = new TreeSet<>(counties.stream().map(CellResult::countyCode).toList());
        Map<LocalDate, Map<String, BigDecimal[]>> map = new TreeMap<>();
        for (HistoryPoint h : data.history()) {
            if (codes.contains(h.countyCode())) {
                map.computeIfAbsent(h.asOf(), k -> new HashMap<>()).put(h.countyCode(),
                        new BigDecimal[] {h.balance(), h.overdueBalance()});
            }
        }
        return map;
    }

    private String name(String code) {
        var c = data.county(code);
        return c == null ? code : c.name();
    }

    private void header(XSSFRow row, int col, String text) {
        XSSFCell cell = row.createCell(col);
        cell.setCellValue(text);
        cell.setCellStyle(styles.header());
    }

    private void cell(XSSFRow row, int col, Object value, Tone tone, Kind kind) {
        XSSFCell cell = row.createCell(col);
        cell.setCellStyle(styles.cell(tone, kind));
        if (value instanceof BigDecimal d) {
            cell.setCellValue(d.setScale(2, RoundingMode.HALF_UP).doubleValue());
        } else if (value != null) {
            cell.setCellValue(value.toString());
        }
    }

    /** A note over the chart's width, two lines high. */
    private void text(XSSFSheet sheet, int r, String text) {
        XSSFRow row = sheet.getRow(r) != null ? sheet.getRow(r) : sheet.createRow(r);
        row.createCell(0).setCellValue(text);
        row.getCell(0).setCellStyle(styles.note());
        row.setHeightInPoints(26);
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, CHART_COLS - 1));
    }
}
