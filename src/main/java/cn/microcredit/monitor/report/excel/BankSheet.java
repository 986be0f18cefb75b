package cn.microcredit.monitor.report.excel;

import static cn.microcredit.monitor.report.excel.SheetTable.integer;
import static cn.microcredit.monitor.report.excel.SheetTable.points;
import static cn.microcredit.monitor.report.excel.SheetTable.rate;
import static cn.microcredit.monitor.report.excel.SheetTable.text;
import static cn.microcredit.monitor.report.excel.SheetTable.wan;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Workbook;

import cn.microcredit.monitor.metrics.CellResult;
import cn.microcredit.monitor.metrics.Figures;
import cn.microcredit.monitor.metrics.Percent;
import cn.microcredit.monitor.metrics.Status;
import cn.microcredit.monitor.report.ReportData;
import cn.microcredit.monitor.report.excel.ExcelStyles.Tone;

/**
 * 机构: each bank's province-wide microcredit NPL ratio against its overall NPL ratio + margin (the bank rows of SPEC
 * 5.2, 三(一)), with its PAUSE and WARN cells in the workbook's scope. A sub-bureau's workbook lists the banks that lend
 * in its counties, with their province-wide figures. Banks beyond the tolerance first, then by the gap.
 */
public final class BankSheet {

    private BankSheet() {
    }

    public static void write(Workbook wb, ExcelStyles styles, ReportData data, Predicate<String> countyFilter) {
        List<CellResult> cells = data.bankCountyCells().stream().filter(c -> countyFilter.test(c.countyCode()))
                .toList();
        Set<String> inScope = cells.stream().map(CellResult::bankCode).collect(Collectors.toSet());
        SheetTable t = new SheetTable(wb, styles, "机构", List.of(text("机构代码", 10), text("机构名称", 28),
                text("在容忍度内", 11), rate("不良率（%）"), rate("全部贷款不良率（%）"), points("不良率差（百分点）"),
                rate("容忍度阈值（%）"), rate("逾期率（%）"), wan("贷款余额（万元）"), rate("逾期90天以上/不良（%）"),
                integer("暂停发放县区"), integer("风险提示县区"), integer("贷款笔数"), wan("逾期余额（万元）"),
                wan("不良余额（万元）"), wan("逾期90天以上余额（万元）")))
                .printedFor(data.summary().asOf().toString()).printOnly(12);
        Comparator<CellResult> order = Comparator.comparing(CellResult::withinTolerance)
                .thenComparing(b -> gap(data, b), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(CellResult::bankCode);
        for (CellResult b : data.bankCells().stream().filter(b -> inScope.contains(b.bankCode())).sorted(order)
                .toList()) {
            Figures f = b.figures();
            long pause = cells.stream().filter(c -> c.bankCode().equals(b.bankCode()) && c.status() == Status.PAUSE)
                    .count();
            long warn = cells.stream().filter(c -> c.bankCode().equals(b.bankCode()) && c.status() == Status.WARN)
                    .count();
            var bank = data.banks().get(b.bankCode());
            t.add(b.withinTolerance() ? Tone.PLAIN : Tone.RED, b.bankCode(), bank == null ? "" : bank.name(),
                    b.withinTolerance() ? "是" : "否", f.nplRatePct(), data.bankNplPct(b.bankCode()), gap(data, b),
                    b.thresholdPct(), f.overdueRatePct(), f.balance(), f.overdue90ToNplPct(), pause, warn,
                    f.loanCount(), f.overdueBalance(), f.nplBalance(), f.overdue90Balance());
        }
        t.finish();
    }

    /** Microcredit NPL minus overall NPL, in points; null without balance. */
    private static java.math.BigDecimal gap(ReportData data, CellResult b) {
        return b.figures().balance().signum() == 0 ? null
                : Percent.gapPp(b.figures().nplBalance(), b.figures().balance(), data.bankNplPct(b.bankCode()));
    }
}
