package cn.microcredit.monitor.report.excel;

import static cn.microcredit.monitor.report.excel.SheetTable.integer;
import static cn.microcredit.monitor.report.excel.SheetTable.money;
import static cn.microcredit.monitor.report.excel.SheetTable.points;
import static cn.microcredit.monitor.report.excel.SheetTable.rate;
import static cn.microcredit.monitor.report.excel.SheetTable.text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import cn.microcredit.monitor.ingest.FileResult;
import cn.microcredit.monitor.metrics.CellResult;
import cn.microcredit.monitor.metrics.Figures;
import cn.microcredit.monitor.metrics.Reason;
import cn.microcredit.monitor.metrics.Status;
import cn.microcredit.monitor.reference.County;
import cn.microcredit.monitor.report.ReportData;
import cn.microcredit.monitor.report.RunSummary;
import cn.microcredit.monitor.report.excel.ExcelStyles.Tone;
import cn.microcredit.monitor.store.MetricsRepository.AgeingRow;
import cn.microcredit.monitor.store.MetricsRepository.HistoryPoint;

/**
 * The sheets of a province or sub-bureau workbook that come from the run's metrics: overview, charts, county table,
 * bank × county table, pause and warning lists, ageing. Only the counties the workbook's filter lets through.
 */
public final class ScopeSheets {

    private final SXSSFWorkbook wb;
    private final ExcelStyles styles;
    private final ReportData data;
    private final String scope;
    private final List<CellResult> counties;
    private final List<CellResult> cells;

    public ScopeSheets(SXSSFWorkbook wb, ExcelStyles styles, ReportData data, String scope, Predicate<String> countyFilter) {
        this.wb = wb;
        this.styles = styles;
        this.data = data;
        this.scope = scope;
        this.counties = data.countyCells().stream().filter(c -> countyFilter.test(c.countyCode()))
                .sorted(ReportData.WORST_FIRST).toList();
        this.cells = data.bankCountyCells().stream().filter(c -> countyFilter.test(c.countyCode()))
                .sorted(ReportData.WORST_FIRST).toList();
    }

    public void write() {
        overview();
        charts();
        countyTable();
        cellTable("银行县域明细", cells);
        cellTable("暂停发放名单", cells.stream().filter(c -> c.status() == Status.PAUSE).toList());
        cellTable("风险提示名单", cells.stream().filter(c -> c.status() == Status.WARN).toList());
        ageingTable();
    }

    private void overview() {
        Sheet sheet = wb.createSheet("概览");
        sheet.setColumnWidth(0, 30 * 256);
        sheet.setColumnWidth(1, 22 * 256);
        sheet.getPrintSetup().setLandscape(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        for (int c = 2; c < 7; c++) {
            sheet.setColumnWidth(c, 12 * 256);
        }
        RunSummary s = data.summary();
        Figures total = counties.stream().map(CellResult::figures).reduce(Figures.ZERO, Figures::plus);
        long pause = counties.stream().filter(c -> c.status() == Status.PAUSE).count();
        long warn = counties.stream().filter(c -> c.status() == Status.WARN).count();
        long exceptions = counties.stream().mapToLong(c -> data.exceptionsByCounty().getOrDefault(c.countyCode(), 0L))
                .sum();
        int r = 0;
        Row title = sheet.createRow(r++);
        title.createCell(0).setCellValue("帮扶小额信贷风险监测报告（" + scope + "）");
        title.getCell(0).setCellStyle(styles.title());
        r++;
        r = pair(sheet, r, "数据日期", s.asOf().toString());
        r = pair(sheet, r, "生成时间", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        r = pair(sheet, r, "对比日期（上期，" + ("previous-run".equals(s.comparisonBasis()) ? "最近一期" : "上月末或之前") + "）", s.previousAsOf() == null ? "无（首期数据，不计算变动）" : s.previousAsOf().toString());
        r++;
        r = pair(sheet, r, "有贷款余额的县区", counties.size() + " 个");
        r = pair(sheet, r, "暂停发放（红）", pause + " 个县区");
        r = pair(sheet, r, "风险提示（橙）", warn + " 个县区");
        r = pair(sheet, r, "正常", (counties.size() - pause - warn) + " 个县区");
        r = pair(sheet, r, "贷款笔数", String.format("%,d", total.loanCount()));
        r = pair(sheet, r, "贷款余额（元）", yuan(total.balance()));
        r = pair(sheet, r, "逾期率（%）", pct(total.overdueRatePct()));
        r = pair(sheet, r, "不良率（%）", pct(total.nplRatePct()));
        r = pair(sheet, r, "合规异常（笔次）", String.format("%,d", exceptions));
        r++;
        r = pair(sheet, r, "判定规则", "阈值 = 机构全部贷款不良率 + 3 个百分点（金发〔2026〕2号 三(一)）");
        r = pair(sheet, r, "", "不良率或逾期率高于阈值：暂停发放（四(三)）；恰好等于阈值视为在容忍度内");
        r = pair(sheet, r, "", "逾期率高于阈值减 1 个百分点，或较上期上升 1 个百分点及以上：风险提示");
        r++;
        Row dq = sheet.createRow(r++);
        dq.createCell(0).setCellValue("数据质量（全省各报送文件）");
        dq.getCell(0).setCellStyle(styles.label());
        Row head = sheet.createRow(r++);
        String[] names = {"文件", "编码", "读取行数", "接受行数", "拒收行数", "整体拒收原因"};
        for (int i = 0; i < names.length; i++) {
            head.createCell(i).setCellValue(names[i]);
            head.getCell(i).setCellStyle(styles.header());
        }
        for (FileResult f : s.files()) {
            Row row = sheet.createRow(r++);
            Tone tone = f.rejectedWhole() ? Tone.RED : f.rowsRejected() > 0 ? Tone.AMBER : Tone.PLAIN;
            cell(row, 0, f.file(), tone);
            cell(row, 1, f.charset(), tone);
            number(row, 2, f.rowsRead(), tone);
            number(row, 3, f.rowsAccepted(), tone);
            number(row, 4, f.rowsRejected(), tone);
            cell(row, 5, f.rejectedWhole() ? f.fileReject().reason().label() + "：" + f.fileReject().detail() : "",
                    tone);
        }
        r++;
        r = pair(sheet, r, "未报送台账的机构", s.banksMissing().isEmpty() ? "无" : String.join("、", s.banksMissing()));
        pair(sheet, r, "帮扶名单", switch (s.roster()) {
            case "used" -> "已使用";
            case "rejected" -> "无法使用（名单相关规则未执行）";
            default -> "未提供（名单相关规则未执行）";
        });
    }

    private void charts() {
        XSSFSheet sheet = wb.getXSSFWorkbook().createSheet("图表");
        sheet.setColumnWidth(0, 22 * 256);
        sheet.getPrintSetup().setLandscape(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        List<Charts.Point> byCounty = new ArrayList<>();
        for (CellResult c : counties.stream().sorted(java.util.Comparator.comparing(CellResult::countyCode)).toList()) {
            byCounty.add(new Charts.Point(countyName(c.countyCode()), List.of(
                    value(c.figures().nplRatePct()), value(c.figures().overdueRatePct()),
                    value(c.thresholdPct()))));
        }
        int next = Charts.bars(sheet, styles, 0, "各县区不良率、逾期率与容忍度阈值（%）",
                List.of("不良率", "逾期率", "容忍度阈值"), byCounty);
        Map<LocalDate, Figures> trend = new TreeMap<>();
        var codes = counties.stream().map(CellResult::countyCode).collect(java.util.stream.Collectors.toSet());
        for (HistoryPoint h : data.history()) {
            if (codes.contains(h.countyCode())) {
                trend.merge(h.asOf(), new Figures(0, h.balance(), h.overdueBalance(), h.nplBalance(),
                        BigDecimal.ZERO, BigDecimal.ZERO), Figures::plus);
            }
        }
        if (trend.size() >= 2) {
            List<Charts.Point> points = trend.entrySet().stream().map(e -> new Charts.Point(e.getKey().toString(),
                    List.of(value(e.getValue().nplRatePct()), value(e.getValue().overdueRatePct())))).toList();
            Charts.lines(sheet, styles, next, "不良率、逾期率走势（%，" + scope + "）", List.of("不良率", "逾期率"), points);
        }
    }

    private void countyTable() {
        SheetTable t = new SheetTable(wb, styles, "县域风险", List.of(text("县区代码", 9), text("县区", 20),
                text("地市", 9), text("金融监管分局", 18), text("状态", 9), text("原因", 30), integer("承贷机构数"),
                integer("贷款笔数"), money("贷款余额（元）"), money("逾期余额（元）"), money("不良余额（元）"),
                rate("逾期率（%）"), rate("不良率（%）"), rate("容忍度阈值（%）"), rate("上期逾期率（%）"),
                points("逾期率变动（百分点）"), money("预计中央贴息（元/年）"), integer("借款户数"), integer("逾期笔数"),
                integer("不良笔数"), text("暂停发放机构", 14), text("风险提示机构", 14), text("上期状态", 9)));
        for (CellResult c : counties) {
            County county = data.county(c.countyCode());
            Figures f = c.figures();
            t.add(Tone.of(c.status()), c.countyCode(), county.name(), county.cityName(), county.subBureau(),
                    c.status().label(), Reason.joinLabels(c.reasons()), data.bankCount(c.countyCode()), f.loanCount(),
                    f.balance(), f.overdueBalance(), f.nplBalance(), f.overdueRatePct(), f.nplRatePct(),
                    c.thresholdPct(), c.prevOverdueRatePct(), c.overdueChangePp(), f.estCentralSubsidy(),
                    c.householdCount(), f.overdueLoanCount(), f.nplLoanCount(), String.join("、", c.pauseBanks()),
                    String.join("、", c.warnBanks()), c.prevStatus() == null ? "" : c.prevStatus().label());
        }
        t.finish();
    }

    private void cellTable(String name, List<CellResult> rows) {
        SheetTable t = new SheetTable(wb, styles, name, List.of(text("县区代码", 9), text("县区", 20),
                text("金融监管分局", 18), text("机构代码", 10), text("机构名称", 22), text("状态", 9), text("原因", 30),
                integer("贷款笔数"), money("贷款余额（元）"), money("逾期余额（元）"), money("不良余额（元）"),
                rate("逾期率（%）"), rate("不良率（%）"), rate("机构全部贷款不良率（%）"), rate("容忍度阈值（%）"),
                rate("上期逾期率（%）"), points("逾期率变动（百分点）")));
        for (CellResult c : rows) {
            County county = data.county(c.countyCode());
            Figures f = c.figures();
            t.add(Tone.of(c.status()), c.countyCode(), county.name(), county.subBureau(), c.bankCode(),
                    data.banks().get(c.bankCode()).name(), c.status().label(), Reason.joinLabels(c.reasons()),
                    f.loanCount(), f.balance(), f.overdueBalance(), f.nplBalance(), f.overdueRatePct(),
                    f.nplRatePct(), data.bankNplPct(c.bankCode()), c.thresholdPct(), c.prevOverdueRatePct(),
                    c.overdueChangePp());
        }
        t.finish();
    }

    private void ageingTable() {
        List<SheetTable.Column> columns = new ArrayList<>(List.of(text("县区代码", 9), text("县区", 14)));
        for (String bucket : ReportData.BUCKETS) {
            columns.add(money("逾期" + bucket.replace("361+", "360以上") + "天余额（元）"));
        }
        columns.add(integer("逾期笔数"));
        columns.add(money("逾期余额合计（元）"));
        SheetTable t = new SheetTable(wb, styles, "逾期账龄", columns);
        Map<String, List<AgeingRow>> byCounty = new TreeMap<>();
        var codes = counties.stream().map(CellResult::countyCode).collect(java.util.stream.Collectors.toSet());
        data.ageing().stream().filter(a -> codes.contains(a.countyCode()))
                .forEach(a -> byCounty.computeIfAbsent(a.countyCode(), k -> new ArrayList<>()).add(a));
        for (var entry : byCounty.entrySet()) {
            Object[] values = new Object[columns.size()];
            values[0] = entry.getKey();
            values[1] = countyName(entry.getKey());
            long loans = 0;
            BigDecimal sum = BigDecimal.ZERO;
            for (AgeingRow a : entry.getValue()) {
                values[2 + ReportData.BUCKETS.indexOf(a.bucket())] = a.balance();
                loans += a.loanCount();
                sum = sum.add(a.balance());
            }
            values[columns.size() - 2] = loans;
            values[columns.size() - 1] = sum;
            t.add(Tone.PLAIN, values);
        }
        t.finish();
    }

    private String countyName(String code) {
        County c = data.county(code);
        return c == null ? code : c.name();
    }

    private int pair(Sheet sheet, int r, String label, String value) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(label);
        row.getCell(0).setCellStyle(styles.label());
        row.createCell(1).setCellValue(value);
        return r + 1;
    }

    private void cell(Row row, int col, String value, Tone tone) {
        row.createCell(col).setCellValue(value);
        row.getCell(col).setCellStyle(styles.cell(tone, ExcelStyles.Kind.TEXT));
    }

    private void number(Row row, int col, long value, Tone tone) {
        row.createCell(col).setCellValue(value);
        row.getCell(col).setCellStyle(styles.cell(tone, ExcelStyles.Kind.INTEGER));
    }

    private static Double value(BigDecimal d) {
        return d == null ? null : d.setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    private static String yuan(BigDecimal d) {
        return String.format("%,.2f", d);
    }

    private static String pct(BigDecimal d) {
        return d == null ? "" : d.toPlainString();
    }
}
