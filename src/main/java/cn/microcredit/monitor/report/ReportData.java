package cn.microcredit.monitor.report;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import cn.microcredit.monitor.analytics.Analytics;
import cn.microcredit.monitor.metrics.AgeingState;
import cn.microcredit.monitor.metrics.CellResult;
import cn.microcredit.monitor.metrics.Status;
import cn.microcredit.monitor.reference.Banks;
import cn.microcredit.monitor.reference.County;
import cn.microcredit.monitor.store.MetricsRepository.AgeingRow;
import cn.microcredit.monitor.store.MetricsRepository.HistoryPoint;

/**
 * Everything the reports of one run show, loaded once from the database. Rows sorted by code.
 *
 * @param comparison the comparison date's stored county and cell metrics (status changes on 概览), or
 *                   {@link Comparison#NONE}
 */
public record ReportData(RunSummary summary, Map<String, County> counties, Banks banks, List<CellResult> countyCells,
                         List<CellResult> bankCountyCells, List<CellResult> bankCells, List<AgeingRow> ageing,
                         List<HistoryPoint> history, Map<String, Long> exceptionsByCounty,
                         Map<String, Long> exceptionsByBank,
                         Map<String, Long> rejectsByCounty, Comparison comparison, Analytics analytics) {

    /** Ageing buckets of the 1104 S71 report, in order. */
    public static final List<String> BUCKETS = AgeingState.BUCKETS;

    /** Worst first: status, then NPL rate, then overdue rate. */
    public static final Comparator<CellResult> WORST_FIRST = Comparator
            .comparing((CellResult c) -> c.status() == null ? Status.OK : c.status()).reversed()
            .thenComparing(c -> c.figures().nplRatePct(), Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
            .thenComparing(c -> c.figures().overdueRatePct(), Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
            .thenComparing(CellResult::countyCode).thenComparing(CellResult::bankCode);

    public County county(String code) {
        return counties.get(code);
    }

    public String subBureau(String countyCode) {
        County c = counties.get(countyCode);
        return c == null ? "" : c.subBureau();
    }

    public long bankCount(String countyCode) {
        return bankCountyCells.stream().filter(c -> c.countyCode().equals(countyCode)).count();
    }

    public BigDecimal bankNplPct(String bankCode) {
        return banks.get(bankCode).overallNplPct();
    }
}
