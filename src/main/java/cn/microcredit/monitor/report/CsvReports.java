package cn.microcredit.monitor.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.microcredit.monitor.analytics.OutlookRow;
import cn.microcredit.monitor.metrics.CellResult;
import cn.microcredit.monitor.metrics.Percent;
import cn.microcredit.monitor.metrics.Reason;
import cn.microcredit.monitor.reference.County;
import cn.microcredit.monitor.store.RunBreaches;
import cn.microcredit.monitor.store.LoanRepository;
import cn.microcredit.monitor.store.MetricsRepository.AgeingRow;

/** The machine-readable outputs of SPEC 6, with exactly the SPEC's columns. */
@Component
public class CsvReports {

    static final List<String> COUNTY_COLUMNS = List.of("as_of", "county_code", "county_name", "city_code",
            "sub_bureau", "bank_count", "loan_count", "balance", "overdue_balance", "npl_balance", "overdue_rate_pct",
            "npl_rate_pct", "threshold_pct", "prev_overdue_rate_pct", "overdue_change_pp", "est_central_subsidy",
            "status", "reasons", "household_count", "overdue_loan_count", "npl_loan_count", "pause_banks", "warn_banks",
            "prev_status", "projected_overdue_rate_pct", "projected_npl_rate_pct", "outlook");
    static final List<String> BANK_COUNTY_COLUMNS = List.of("as_of", "county_code", "bank_code", "loan_count",
            "balance", "overdue_balance", "npl_balance", "overdue_rate_pct", "npl_rate_pct", "bank_npl_pct",
            "threshold_pct", "prev_overdue_rate_pct", "overdue_change_pp", "status", "reasons", "overdue_loan_count",
            "npl_loan_count", "est_central_subsidy", "prev_status", "projected_overdue_rate_pct",
            "projected_npl_rate_pct", "outlook");
    static final List<String> BANK_COLUMNS = List.of("as_of", "bank_code", "bank_name", "loan_count", "balance",
            "overdue_balance", "npl_balance", "overdue_rate_pct", "npl_rate_pct", "bank_npl_pct", "npl_gap_pp",
            "within_tolerance", "overdue90_balance", "overdue90_to_npl_pct");
    static final List<String> AGEING_COLUMNS = List.of("as_of", "county_code", "bucket", "loan_count", "balance");
    static final List<String> EXCEPTION_COLUMNS = List.of("as_of", "bank_code", "loan_id", "county_code",
            "household_id", "rule", "severity", "detail");
    public static final List<String> REJECT_COLUMNS = List.of("file", "line", "bank_code", "loan_id", "reason", "detail");

    private final LoanRepository loans;

    public CsvReports(LoanRepository loans) {
        this.loans = loans;
    }

    /** The run's CSV files; {@code breaches} the run's, read once for every report. */
    public void write(ReportData data, RunBreaches breaches, Path dir) throws IOException {
        LocalDate asOf = data.summary().asOf();
        Map<String, OutlookRow> outlook = data.analytics().outlookByKey();
        try (CsvOut out = new CsvOut(dir.resolve("county_metrics.csv"), COUNTY_COLUMNS)) {
            for (CellResult c : data.countyCells()) {
                County county = data.county(c.countyCode());
                var f = c.figures();
                out.row(asOf, c.countyCode(), county.name(), county.cityCode(), county.subBureau(),
                        data.bankCount(c.countyCode()), f.loanCount(), f.balance(), f.overdueBalance(),
                        f.nplBalance(), f.overdueRatePct(), f.nplRatePct(), c.thresholdPct(), c.prevOverdueRatePct(),
                        c.overdueChangePp(), f.estCentralSubsidy(), c.status().name(), Reason.join(c.reasons()),
                        c.householdCount(), f.overdueLoanCount(), f.nplLoanCount(), c.pauseBanksJoined(),
                        c.warnBanksJoined(), prevStatus(c), AnalyticsCsv.projectedOverdue(outlook, c),
                        AnalyticsCsv.projectedNpl(outlook, c), AnalyticsCsv.outlook(outlook, c));
            }
        }
        try (CsvOut out = new CsvOut(dir.resolve("bank_county_metrics.csv"), BANK_COUNTY_COLUMNS)) {
            for (CellResult c : data.bankCountyCells()) {
                var f = c.figures();
                out.row(asOf, c.countyCode(), c.bankCode(), f.loanCount(), f.balance(), f.overdueBalance(),
                        f.nplBalance(), f.overdueRatePct(), f.nplRatePct(), data.bankNplPct(c.bankCode()),
                        c.thresholdPct(), c.prevOverdueRatePct(), c.overdueChangePp(), c.status().name(),
                        Reason.join(c.reasons()), f.overdueLoanCount(), f.nplLoanCount(), f.estCentralSubsidy(),
                        prevStatus(c), AnalyticsCsv.projectedOverdue(outlook, c),
                        AnalyticsCsv.projectedNpl(outlook, c), AnalyticsCsv.outlook(outlook, c));
            }
        }
        try (CsvOut out = new CsvOut(dir.resolve("bank_metrics.csv"), BANK_COLUMNS)) {
            for (CellResult c : data.bankCells()) {
                var f = c.figures();
                var bank = data.banks().get(c.bankCode());
                out.row(asOf, c.bankCode(), bank.name(), f.loanCount(), f.balance(), f.overdueBalance(),
                        f.nplBalance(), f.overdueRatePct(), f.nplRatePct(), bank.overallNplPct(),
                        Percent.gapPp(f.nplBalance(), f.balance(), bank.overallNplPct()), c.withinTolerance(),
                        f.overdue90Balance(), f.overdue90ToNplPct());
            }
        }
        try (CsvOut out = new CsvOut(dir.resolve("county_ageing.csv"), AGEING_COLUMNS)) {
            data.ageing().stream()
                    .sorted(Comparator.comparing(AgeingRow::countyCode)
                            .thenComparing(a -> ReportData.BUCKETS.indexOf(a.bucket())))
                    .forEach(a -> out.row(asOf, a.countyCode(), a.bucket(), a.loanCount(), a.balance()));
        }
        try (CsvOut out = new CsvOut(dir.resolve("exceptions.csv"), EXCEPTION_COLUMNS)) {
            breaches.forEach(e -> out.row(asOf, e.bankCode(), e.loanId(), e.countyCode(),
                    e.householdId(), e.rule().name(), e.rule().severity().name(), e.detail()));
        }
        try (CsvOut out = new CsvOut(dir.resolve("rejects.csv"), REJECT_COLUMNS)) {
            loans.forEachReject(data.summary().runId(), r -> out.row(r.file(), r.line(), r.bankCode(), r.loanId(),
                    r.reason().name(), r.detail()));
        }
        AnalyticsCsv.write(data.analytics(), asOf, dir);
        RunSummaryJson.write(data.summary(), dir.resolve("run_summary.json"));
    }

    /** SPEC 5.2 prev_status: empty without a comparison date or without outstanding loans then. */
    private static String prevStatus(CellResult c) {
        return c.prevStatus() == null ? "" : c.prevStatus().name();
    }
}
