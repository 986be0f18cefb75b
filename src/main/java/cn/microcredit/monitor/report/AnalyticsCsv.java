package cn.microcredit.monitor.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.microcredit.monitor.analytics.Analytics;
import cn.microcredit.monitor.analytics.OutlookRow;
import cn.microcredit.monitor.metrics.CellResult;
import cn.microcredit.monitor.metrics.Level;


/** The files and columns of SPEC 5.4 / 6: regime split, migration, vintage, and the projection beside each cell. */
final class AnalyticsCsv {

    static final List<String> OUTLOOK_COLUMNS = List.of("projected_overdue_rate_pct", "projected_npl_rate_pct",
            "outlook");
    static final List<String> REGIME_COLUMNS = List.of("as_of", "county_code", "regime", "loan_count", "balance",
            "overdue_balance", "npl_balance", "overdue_rate_pct", "npl_rate_pct");
    static final List<String> MIGRATION_COLUMNS = List.of("as_of", "comparison_as_of", "bank_code", "dimension",
            "from_state", "to_state", "loan_count", "balance", "rate_pct");
    static final List<String> VINTAGE_COLUMNS = List.of("as_of", "bank_code", "issue_quarter", "regime", "loan_count",
            "amount", "balance", "npl_balance", "npl_to_amount_pct");

    private AnalyticsCsv() {
    }

    /** The projection of a cell or county (outlook rows by {@link Analytics#key}), or null without one. */
    static OutlookRow of(Map<String, OutlookRow> outlook, CellResult c) {
        return outlook.get(Analytics.key(c.level(), c.countyCode(), c.level() == Level.COUNTY ? "" : c.bankCode()));
    }

    static BigDecimal projectedOverdue(Map<String, OutlookRow> outlook, CellResult c) {
        OutlookRow o = of(outlook, c);
        return o == null ? null : o.projectedOverdueRatePct();
    }

    static BigDecimal projectedNpl(Map<String, OutlookRow> outlook, CellResult c) {
        OutlookRow o = of(outlook, c);
        return o == null ? null : o.projectedNplRatePct();
    }

    /** {@code LIKELY_PAUSE}, or empty (also without a comparison date). */
    static String outlook(Map<String, OutlookRow> outlook, CellResult c) {
        OutlookRow o = of(outlook, c);
        return o == null ? "" : o.outlook();
    }

    static void write(Analytics a, LocalDate asOf, Path dir) throws IOException {
        try (CsvOut out = new CsvOut(dir.resolve("regime_metrics.csv"), REGIME_COLUMNS)) {
            a.regimes().forEach(r -> out.row(asOf, r.countyCode(), r.regime().name(), r.loanCount(), r.balance(),
                    r.overdueBalance(), r.nplBalance(), r.overdueRatePct(), r.nplRatePct()));
        }
        try (CsvOut out = new CsvOut(dir.resolve("migration.csv"), MIGRATION_COLUMNS)) {
            a.migration().forEach(m -> out.row(asOf, a.comparisonAsOf(), m.bankCode(), m.dimension().name(),
                    m.fromState(), m.toState(), m.loanCount(), m.balance(), m.ratePct()));
        }
        try (CsvOut out = new CsvOut(dir.resolve("vintage.csv"), VINTAGE_COLUMNS)) {
            a.vintages().forEach(v -> out.row(asOf, v.bankCode(), v.issueQuarter(), v.regime().name(), v.loanCount(),
                    v.amount(), v.balance(), v.nplBalance(), v.nplToAmountPct()));
        }
    }
}
