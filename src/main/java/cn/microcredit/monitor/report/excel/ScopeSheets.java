package cn.microcredit.monitor.report.excel;

import static cn.microcredit.monitor.report.excel.SheetTable.integer;
import static cn.microcredit.monitor.report.excel.SheetTable.points;
import static cn.microcredit.monitor.report.excel.SheetTable.rate;
import static cn.microcredit.monitor.report.excel.SheetTable.text;
import static cn.microcredit.monitor.report.excel.SheetTable.wan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import cn.microcredit.monitor.analytics.OutlookRow;
import cn.microcredit.monitor.metrics.CellResult;
import cn.microcredit.monitor.metrics.Figures;
import cn.microcredit.monitor.metrics.Reason;
import cn.microcredit.monitor.metrics.Status;
import cn.microcredit.monitor.reference.County;
import cn.microcredit.monitor.report.ReportData;
import cn.microcredit.monitor.report.brief.Briefing;
import cn.microcredit.monitor.report.brief.LikelyPause;
import cn.microcredit.monitor.report.excel.ExcelStyles.Tone;
import cn.microcredit.monitor.store.MetricsRepository.AgeingRow;

/**
 * The sheets of a province or sub-bureau workbook that come from the run's metrics, in reading order: 概览, 图表,
 * 县域风险, 机构, 银行县域明细, 暂停发放名单, 风险提示名单, 逾期账龄, then the sheets of SPEC 5.4 (新老政策, 迁徙, 发放批次:
 * {@link AnalyticsSheets}). Only the counties the workbook's filter lets through. Each sheet family has its own class
 * where it is more than a table.
 */
public final class ScopeSheets {

    private final SXSSFWorkbook wb;
    private final ExcelStyles styles;
    private final ReportData data;
    private final String scope;
    private final List<CellResult> counties;
    private final List<CellResult> cells;
    private final Predicate<String> countyFilter;

    public ScopeSheets(SXSSFWorkbook wb, ExcelStyles styles, ReportData data, String scope, Predicate<String> countyFilter) {
        this.wb = wb;
        this.styles = styles;
        this.data = data;
        this.scope = scope;
        this.countyFilter = countyFilter;
        this.counties = data.countyCells().stream().filter(c -> countyFilter.test(c.countyCode()))
                .sorted(ReportData.WORST_FIRST).toList();
        this.cells = data.bankCountyCells().stream().filter(c -> countyFilter.test(c.countyCode()))
                .sorted(ReportData.WORST_FIRST).toList();
    }

    public void write() {
        new OverviewSheet(wb, styles, data, Briefing.of(data, scope, countyFilter), countyFilter).write();
        new ChartSheet(wb.getXSSFWorkbook(), styles, data, scope, countyFilter).write();
        countyTable();
        BankSheet.write(wb, styles, data, countyFilter);
        cellTable("银行县域明细", cells);
        cellTable("暂停发放名单", cells.stream().filter(c -> c.status() == Status.PAUSE).toList());
        cellTable("风险提示名单", cells.stream().filter(c -> c.status() == Status.WARN).toList());
        ageingTable();
        new AnalyticsSheets(wb, styles, data, "全省".equals(scope), countyFilter).write();
    }

    private String asOf() {
        return data.summary().asOf().toString();
    }

    /** Every county of the scope, worst first; the first twelve columns print, the rest stay on screen. */
    private void countyTable() {
        SheetTable t = new SheetTable(wb, styles, "县域风险", List.of(text("县区代码", 9), text("县区", 23),
                text("金融监管分局", 18), text("状态", 9), text("上期状态", 9), text("触发机构", 16),
                rate("逾期率（%）"), rate("不良率（%）"), rate("县区阈值（参考，%）"), points("逾期率变动（百分点）"),
                wan("贷款余额（万元）"), text("原因", 28), text("地市", 9), integer("承贷机构数"), integer("贷款笔数"),
                wan("逾期余额（万元）"), wan("不良余额（万元）"), rate("上期逾期率（%）"), wan("预计中央贴息（万元/年）"), integer("借款户数"),
                integer("逾期笔数"), integer("不良笔数"), rate("预测逾期率（%）"), rate("预测不良率（%）"),
                text("预测", 9)))
                .printedFor(asOf()).printOnly(12);
        Map<String, Status> before = data.comparison().countyStatus();
        Map<String, OutlookRow> outlook = data.analytics().outlookByKey();
        for (CellResult c : counties) {
            County county = data.county(c.countyCode());
            Figures f = c.figures();
            t.add(Tone.of(c.status()), c.countyCode(), county.name(), county.subBureau(), c.status().label(),
                    label(before.get(c.countyCode())), triggers(c.countyCode()), f.overdueRatePct(), f.nplRatePct(),
                    c.thresholdPct(), c.overdueChangePp(), f.balance(), Reason.joinLabels(c.reasons()),
                    county.cityName(), data.bankCount(c.countyCode()), f.loanCount(), f.overdueBalance(),
                    f.nplBalance(), c.prevOverdueRatePct(), f.estCentralSubsidy(), c.householdCount(),
                    f.overdueLoanCount(), f.nplLoanCount(), projectedOverdue(outlook, c), projectedNpl(outlook, c),
                    LikelyPause.label(LikelyPause.of(outlook, c)));
        }
        t.finish();
    }

    /** The status on the comparison date in words: "无余额" for a county (or cell) without loans then. */
    private String label(Status before) {
        if (!data.comparison().present()) {
            return "";
        }
        return before == null ? "无余额" : before.label();
    }

    /** The banks whose PAUSE or WARN cells flag a county, worst first ("、"-joined codes). */
    private String triggers(String countyCode) {
        return cells.stream().filter(c -> c.countyCode().equals(countyCode) && c.status() != Status.OK)
                .map(CellResult::bankCode).collect(java.util.stream.Collectors.joining("、"));
    }

    /** Bank × county cells, worst first; the first twelve columns print. */
    private void cellTable(String name, List<CellResult> rows) {
        SheetTable t = new SheetTable(wb, styles, name, List.of(text("县区代码", 9), text("县区", 23),
                text("金融监管分局", 16), text("机构名称", 22), text("状态", 9), text("上期状态", 9),
                rate("逾期率（%）"), rate("不良率（%）"), rate("该机构阈值（%）"), points("逾期率变动（百分点）"),
                wan("贷款余额（万元）"), text("原因", 26), text("机构代码", 10), integer("贷款笔数"),
                wan("逾期余额（万元）"), wan("不良余额（万元）"), rate("机构全部贷款不良率（%）"), rate("上期逾期率（%）"),
                rate("预测逾期率（%）"), rate("预测不良率（%）"), text("预测", 9)))
                .printedFor(asOf()).printOnly(12);
        Map<String, Status> before = data.comparison().cellStatus();
        Map<String, OutlookRow> outlook = data.analytics().outlookByKey();
        for (CellResult c : rows) {
            County county = data.county(c.countyCode());
            Figures f = c.figures();
            t.add(Tone.of(c.status()), c.countyCode(), county.name(), county.subBureau(),
                    data.banks().get(c.bankCode()).name(), c.status().label(),
                    label(before.get(c.countyCode() + "|" + c.bankCode())), f.overdueRatePct(), f.nplRatePct(),
                    c.thresholdPct(), c.overdueChangePp(), f.balance(), Reason.joinLabels(c.reasons()), c.bankCode(),
                    f.loanCount(), f.overdueBalance(), f.nplBalance(), data.bankNplPct(c.bankCode()),
                    c.prevOverdueRatePct(), projectedOverdue(outlook, c), projectedNpl(outlook, c),
                    LikelyPause.label(LikelyPause.of(outlook, c)));
        }
        t.finish();
    }

    /** The projected rates of SPEC 5.4 (empty without a comparison date): an early warning beside the status. */
    private static BigDecimal projectedOverdue(Map<String, OutlookRow> outlook, CellResult c) {
        OutlookRow o = LikelyPause.of(outlook, c);
        return o == null ? null : o.projectedOverdueRatePct();
    }

    private static BigDecimal projectedNpl(Map<String, OutlookRow> outlook, CellResult c) {
        OutlookRow o = LikelyPause.of(outlook, c);
        return o == null ? null : o.projectedNplRatePct();
    }

    private void ageingTable() {
        List<SheetTable.Column> columns = new ArrayList<>(List.of(text("县区代码", 9), text("县区", 23)));
        for (String bucket : ReportData.BUCKETS) {
            columns.add(wan("逾期" + bucket.replace("361+", "361天以上").replaceAll("(\\d)$", "$1天") + "（万元）"));
        }
        columns.add(integer("逾期笔数"));
        columns.add(wan("逾期余额合计（万元）"));
        SheetTable t = new SheetTable(wb, styles, "逾期账龄", columns).printedFor(asOf());
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
}
