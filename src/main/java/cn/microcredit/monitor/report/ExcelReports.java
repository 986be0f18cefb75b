package cn.microcredit.monitor.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.microcredit.monitor.metrics.CellResult;
import cn.microcredit.monitor.metrics.Reason;
import cn.microcredit.monitor.metrics.Status;
import cn.microcredit.monitor.reference.County;
import cn.microcredit.monitor.store.ExceptionRepository;
import cn.microcredit.monitor.store.LoanRepository;

/**
 * The workbooks people read (SPEC 6): one for the province and one per sub-bureau holding only its counties, in
 * Chinese. Streaming (SXSSF) so that row counts do not cost heap. Text from inputs is always written as a string cell,
 * never as a formula.
 */
@Component
public class ExcelReports {

    static final String PROVINCE = "全省";
    /** Rows per sheet: Excel's limit less the header row. Longer tables continue on a second sheet. */
    static final int MAX_ROWS = 1_048_575;

    private final ExceptionRepository exceptions;
    private final LoanRepository loans;

    public ExcelReports(ExceptionRepository exceptions, LoanRepository loans) {
        this.exceptions = exceptions;
        this.loans = loans;
    }

    public void write(ReportData data, Path dir) throws IOException {
        writeWorkbook(data, PROVINCE, code -> true, dir.resolve(fileName(PROVINCE, data)));
        Map<String, List<String>> bySubBureau = new TreeMap<>();
        for (CellResult c : data.countyCells()) {
            bySubBureau.computeIfAbsent(data.subBureau(c.countyCode()), k -> new java.util.ArrayList<>())
                    .add(c.countyCode());
        }
        for (var entry : bySubBureau.entrySet()) {
            List<String> codes = entry.getValue();
            writeWorkbook(data, entry.getKey(), codes::contains, dir.resolve(fileName(entry.getKey(), data)));
        }
    }

    static String fileName(String scope, ReportData data) {
        return "帮扶小额信贷风险监测_" + scope.replaceAll("[\\\\/:*?\"<>|\\s]", "_") + "_" + data.summary().asOf()
                + ".xlsx";
    }

    private void writeWorkbook(ReportData data, String scope, Predicate<String> countyFilter, Path file)
            throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            wb.setCompressTempFiles(true);
            Styles styles = new Styles(wb);
            List<CellResult> counties = data.countyCells().stream().filter(c -> countyFilter.test(c.countyCode()))
                    .sorted(ReportData.WORST_FIRST).toList();
            List<CellResult> cells = data.bankCountyCells().stream().filter(c -> countyFilter.test(c.countyCode()))
                    .sorted(ReportData.WORST_FIRST).toList();
            overview(wb, styles, data, scope, counties);
            countySheet(wb.createSheet("县域风险"), styles, data, counties);
            cellSheet(wb.createSheet("暂停发放名单"), styles, data,
                    cells.stream().filter(c -> c.status() == Status.PAUSE).toList());
            cellSheet(wb.createSheet("风险提示名单"), styles, data,
                    cells.stream().filter(c -> c.status() == Status.WARN).toList());
            exceptionSheets(wb, styles, data, countyFilter);
            if (scope.equals(PROVINCE)) {
                rejectSheets(wb, styles, data);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    private static void overview(SXSSFWorkbook wb, Styles styles, ReportData data, String scope,
                                 List<CellResult> counties) {
        Sheet sheet = wb.createSheet("概览");
        sheet.setColumnWidth(0, 28 * 256);
        sheet.setColumnWidth(1, 40 * 256);
        RunSummary s = data.summary();
        int r = 0;
        Row title = sheet.createRow(r++);
        text(title, 0, "帮扶小额信贷风险监测报告 — " + scope, styles.title);
        r++;
        r = pair(sheet, r, "数据日期", s.asOf().toString(), styles);
        r = pair(sheet, r, "对比日期（上期）", s.previousAsOf() == null ? "无（首期）" : s.previousAsOf().toString(), styles);
        long pause = counties.stream().filter(c -> c.status() == Status.PAUSE).count();
        long warn = counties.stream().filter(c -> c.status() == Status.WARN).count();
        r = pair(sheet, r, "县区数", Long.toString(counties.size()), styles);
        r = pair(sheet, r, "暂停发放县区数", Long.toString(pause), styles);
        r = pair(sheet, r, "风险提示县区数", Long.toString(warn), styles);
        r = pair(sheet, r, "正常县区数", Long.toString(counties.size() - pause - warn), styles);
        r++;
        r = pair(sheet, r, "台账文件数", Integer.toString(s.files().size()), styles);
        r = pair(sheet, r, "读取行数", Long.toString(s.rowsRead()), styles);
        r = pair(sheet, r, "接受行数", Long.toString(s.rowsAccepted()), styles);
        r = pair(sheet, r, "拒收行数", Long.toString(s.rowsRejected()), styles);
        r = pair(sheet, r, "未报送台账的机构", s.banksMissing().isEmpty() ? "无" : String.join("、", s.banksMissing()), styles);
        r = pair(sheet, r, "帮扶名单", switch (s.roster()) {
            case "used" -> "已使用";
            case "rejected" -> "无法使用（名单规则未执行）";
            default -> "未提供（名单规则未执行）";
        }, styles);
        pair(sheet, r, "合规异常（全省）", Long.toString(s.exceptions()), styles);
    }

    private static int pair(Sheet sheet, int r, String label, String value, Styles styles) {
        Row row = sheet.createRow(r);
        text(row, 0, label, styles.header);
        text(row, 1, value, null);
        return r + 1;
    }

    private static final List<String> COUNTY_HEADER = List.of("县区代码", "县区", "地市", "金融监管分局", "承贷机构数",
            "贷款笔数", "贷款余额（元）", "逾期余额（元）", "不良余额（元）", "逾期率（%）", "不良率（%）", "容忍度阈值（%）",
            "上期逾期率（%）", "逾期率变动（百分点）", "预计中央贴息（元）", "状态", "原因");

    private static void countySheet(Sheet sheet, Styles styles, ReportData data, List<CellResult> counties) {
        header(sheet, styles, COUNTY_HEADER);
        int r = 1;
        for (CellResult c : counties) {
            County county = data.county(c.countyCode());
            var f = c.figures();
            Row row = sheet.createRow(r++);
            CellStyle tone = styles.tone(c.status());
            text(row, 0, c.countyCode(), tone);
            text(row, 1, county.name(), tone);
            text(row, 2, county.cityName(), tone);
            text(row, 3, county.subBureau(), tone);
            number(row, 4, BigDecimal.valueOf(data.bankCount(c.countyCode())), styles.integer(c.status()));
            number(row, 5, BigDecimal.valueOf(f.loanCount()), styles.integer(c.status()));
            number(row, 6, f.balance(), styles.money(c.status()));
            number(row, 7, f.overdueBalance(), styles.money(c.status()));
            number(row, 8, f.nplBalance(), styles.money(c.status()));
            number(row, 9, f.overdueRatePct(), styles.rate(c.status()));
            number(row, 10, f.nplRatePct(), styles.rate(c.status()));
            number(row, 11, c.thresholdPct(), styles.rate(c.status()));
            number(row, 12, c.prevOverdueRatePct(), styles.rate(c.status()));
            number(row, 13, c.overdueChangePp(), styles.rate(c.status()));
            number(row, 14, f.estCentralSubsidy(), styles.money(c.status()));
            text(row, 15, c.status().label(), tone);
            text(row, 16, Reason.joinLabels(c.reasons()), tone);
        }
        finish(sheet, COUNTY_HEADER.size(), r);
    }

    private static final List<String> CELL_HEADER = List.of("县区代码", "县区", "金融监管分局", "机构代码", "机构名称",
            "贷款笔数", "贷款余额（元）", "逾期余额（元）", "不良余额（元）", "逾期率（%）", "不良率（%）", "机构全部贷款不良率（%）",
            "容忍度阈值（%）", "逾期率变动（百分点）", "状态", "原因");

    private static void cellSheet(Sheet sheet, Styles styles, ReportData data, List<CellResult> cells) {
        header(sheet, styles, CELL_HEADER);
        int r = 1;
        for (CellResult c : cells) {
            County county = data.county(c.countyCode());
            var f = c.figures();
            Row row = sheet.createRow(r++);
            CellStyle tone = styles.tone(c.status());
            text(row, 0, c.countyCode(), tone);
            text(row, 1, county.name(), tone);
            text(row, 2, county.subBureau(), tone);
            text(row, 3, c.bankCode(), tone);
            text(row, 4, data.banks().get(c.bankCode()).name(), tone);
            number(row, 5, BigDecimal.valueOf(f.loanCount()), styles.integer(c.status()));
            number(row, 6, f.balance(), styles.money(c.status()));
            number(row, 7, f.overdueBalance(), styles.money(c.status()));
            number(row, 8, f.nplBalance(), styles.money(c.status()));
            number(row, 9, f.overdueRatePct(), styles.rate(c.status()));
            number(row, 10, f.nplRatePct(), styles.rate(c.status()));
            number(row, 11, data.bankNplPct(c.bankCode()), styles.rate(c.status()));
            number(row, 12, c.thresholdPct(), styles.rate(c.status()));
            number(row, 13, c.overdueChangePp(), styles.rate(c.status()));
            text(row, 14, c.status().label(), tone);
            text(row, 15, Reason.joinLabels(c.reasons()), tone);
        }
        finish(sheet, CELL_HEADER.size(), r);
    }

    private static final List<String> EXCEPTION_HEADER = List.of("机构代码", "借据号", "县区代码", "县区", "户编号",
            "借款人", "身份证号", "规则", "规则说明", "政策条款", "严重程度", "详情");

    /** Exceptions of the workbook's counties, personal data masked, continued on further sheets past Excel's limit. */
    private void exceptionSheets(SXSSFWorkbook wb, Styles styles, ReportData data, Predicate<String> countyFilter) {
        var state = new Object() {
            Sheet sheet;
            int sheets;
            int row;
        };
        Runnable next = () -> {
            if (state.sheet != null) {
                finish(state.sheet, EXCEPTION_HEADER.size(), state.row);
            }
            state.sheets++;
            state.sheet = wb.createSheet(state.sheets == 1 ? "合规异常明细" : "合规异常明细(" + state.sheets + ")");
            header(state.sheet, styles, EXCEPTION_HEADER);
            state.row = 1;
        };
        next.run();
        exceptions.forEach(data.summary().runId(), e -> {
            if (!countyFilter.test(e.countyCode())) {
                return;
            }
            if (state.row > MAX_ROWS) {
                next.run();
            }
            Row row = state.sheet.createRow(state.row++);
            County county = data.county(e.countyCode());
            text(row, 0, e.bankCode(), null);
            text(row, 1, e.loanId(), null);
            text(row, 2, e.countyCode(), null);
            text(row, 3, county == null ? "" : county.name(), null);
            text(row, 4, e.householdId(), null);
            text(row, 5, Masking.name(e.borrowerName()), null);
            text(row, 6, Masking.idNumber(e.borrowerIdNumber()), null);
            text(row, 7, e.rule().name(), null);
            text(row, 8, e.rule().label(), null);
            text(row, 9, e.rule().clause(), null);
            text(row, 10, e.rule().severity().label(), styles.severity(e.rule().severity()));
            text(row, 11, e.detail(), null);
        });
        finish(state.sheet, EXCEPTION_HEADER.size(), state.row);
    }

    private static final List<String> REJECT_HEADER = List.of("文件", "行号", "机构代码", "借据号", "原因代码", "原因",
            "详情");

    /** Data quality: every rejected row with its file and line. */
    private void rejectSheets(SXSSFWorkbook wb, Styles styles, ReportData data) {
        Sheet sheet = wb.createSheet("数据质量");
        header(sheet, styles, REJECT_HEADER);
        sheet.setColumnWidth(6, 80 * 256);
        int[] r = {1};
        loans.forEachReject(data.summary().runId(), reject -> {
            if (r[0] > MAX_ROWS) {
                return;
            }
            Row row = sheet.createRow(r[0]++);
            text(row, 0, reject.file(), null);
            number(row, 1, BigDecimal.valueOf(reject.line()), styles.integer(Status.OK));
            text(row, 2, reject.bankCode(), null);
            text(row, 3, reject.loanId(), null);
            text(row, 4, reject.reason().name(), null);
            text(row, 5, reject.reason().label(), null);
            text(row, 6, reject.detail(), null);
        });
        finish(sheet, REJECT_HEADER.size(), r[0]);
    }

    private static void header(Sheet sheet, Styles styles, List<String> names) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < names.size(); i++) {
            text(row, i, names.get(i), styles.header);
            sheet.setColumnWidth(i, Math.max(10, names.get(i).length() * 2 + 4) * 256);
        }
    }

    private static void finish(Sheet sheet, int columns, int rows) {
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rows - 1, 0), 0, columns - 1));
    }

    private static void text(Row row, int col, String value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void number(Row row, int col, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(col);
        if (value != null) {
            // Rounded as the CSV is, so that the workbook and the CSV show the same figures.
            cell.setCellValue(value.setScale(2, java.math.RoundingMode.HALF_UP).doubleValue());
        }
        cell.setCellStyle(style);
    }

    /** Cell styles of a workbook: per status a tone (red PAUSE, amber WARN) for text, money, rates and counts. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        private final Map<Status, CellStyle[]> byStatus = new java.util.EnumMap<>(Status.class);

        Styles(SXSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = wb.createCellStyle();
            title.setFont(big);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setWrapText(true);
            short money = wb.createDataFormat().getFormat("#,##0.00");
            short rate = wb.createDataFormat().getFormat("0.00");
            short integer = wb.createDataFormat().getFormat("#,##0");
            for (Status s : Status.values()) {
                CellStyle[] styles = new CellStyle[4];
                for (int i = 0; i < 4; i++) {
                    styles[i] = wb.createCellStyle();
                    if (s == Status.PAUSE) {
                        styles[i].setFillForegroundColor(IndexedColors.ROSE.getIndex());
                        styles[i].setFillPattern(FillPatternType.SOLID_FOREGROUND);
                    } else if (s == Status.WARN) {
                        styles[i].setFillForegroundColor(IndexedColors.LIGHT_ORANGE.getIndex());
                        styles[i].setFillPattern(FillPatternType.SOLID_FOREGROUND);
                    }
                }
                styles[1].setDataFormat(money);
                styles[2].setDataFormat(rate);
                styles[3].setDataFormat(integer);
                byStatus.put(s, styles);
            }
        }

        CellStyle severity(cn.microcredit.monitor.rules.Severity severity) {
            return switch (severity) {
                case HIGH -> tone(Status.PAUSE);
                case MEDIUM -> tone(Status.WARN);
                case LOW -> tone(Status.OK);
            };
        }

        CellStyle tone(Status s) {
            return byStatus.get(s)[0];
        }

        CellStyle money(Status s) {
            return byStatus.get(s)[1];
        }

        CellStyle rate(Status s) {
            return byStatus.get(s)[2];
        }

        CellStyle integer(Status s) {
            return byStatus.get(s)[3];
        }
    }
}
