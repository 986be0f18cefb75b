package cn.microcredit.monitor.store;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.microcredit.monitor.analytics.Analytics;
import cn.microcredit.monitor.analytics.Migration;
import cn.microcredit.monitor.analytics.MigrationRow;
import cn.microcredit.monitor.analytics.OutlookRow;
import cn.microcredit.monitor.analytics.RegimeRow;
import cn.microcredit.monitor.analytics.VintageRow;
import cn.microcredit.monitor.loan.Regime;
import cn.microcredit.monitor.metrics.Level;

/**
 * The supervisory analytics of runs (SPEC 5.4), in tables of their own beside {@code cell_metrics} (V7_0), with the
 * same lifecycle: rows carry the run id, so a run's figures are published with it and removed with it.
 */
@Repository
public class AnalyticsRepository {

    private final JdbcTemplate jdbc;

    public AnalyticsRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void save(long runId, LocalDate asOf, Analytics a) {
        for (String table : List.of("regime_metrics", "loan_migration", "vintage_metrics", "cell_outlook")) {
            jdbc.update("DELETE FROM " + table + " WHERE run_id = ?", runId);
        }
        Date day = Date.valueOf(asOf);
        jdbc.batchUpdate("""
                INSERT INTO regime_metrics (run_id, as_of, county_code, regime, loan_count, balance, overdue_balance,
                                            npl_balance)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                a.regimes().stream().map(r -> new Object[] {runId, day, r.countyCode(), r.regime().name(),
                        r.loanCount(), r.balance(), r.overdueBalance(), r.nplBalance()}).toList());
        List<Object[]> migration = new ArrayList<>();
        for (int i = 0; i < a.migration().size(); i++) {
            MigrationRow m = a.migration().get(i);
            migration.add(new Object[] {runId, day, Date.valueOf(a.comparisonAsOf()), m.bankCode(),
                    m.dimension().name(), m.fromState(), m.toState(), i, m.loanCount(), m.balance(), m.fromBalance()});
        }
        jdbc.batchUpdate("""
                INSERT INTO loan_migration (run_id, as_of, comparison_as_of, bank_code, dimension, from_state,
                                            to_state, row_order, loan_count, balance, from_balance)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", migration);
        jdbc.batchUpdate("""
                INSERT INTO vintage_metrics (run_id, as_of, bank_code, issue_quarter, regime, loan_count, amount,
                                             balance, npl_balance)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                a.vintages().stream().map(v -> new Object[] {runId, day, v.bankCode(), v.issueQuarter(),
                        v.regime().name(), v.loanCount(), v.amount(), v.balance(), v.nplBalance()}).toList());
        jdbc.batchUpdate("""
                INSERT INTO cell_outlook (run_id, as_of, level, county_code, bank_code, projected_overdue_rate_pct,
                                          projected_npl_rate_pct, outlook)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                a.outlook().stream().map(o -> new Object[] {runId, day, o.level().name(), o.countyCode(),
                        o.bankCode(), o.projectedOverdueRatePct(), o.projectedNplRatePct(), o.outlook()}).toList());
    }

    /** What {@link #save} stored for a run, in the order of the reports. */
    public Analytics load(long runId) {
        List<RegimeRow> regimes = new ArrayList<>(jdbc.query("""
                SELECT county_code, regime, loan_count, balance, overdue_balance, npl_balance
                FROM regime_metrics WHERE run_id = ?""",
                (rs, i) -> new RegimeRow(rs.getString(1), Regime.valueOf(rs.getString(2)), rs.getLong(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6)), runId));
        regimes.sort(Comparator.comparing(RegimeRow::countyCode).thenComparing(RegimeRow::regime));
        List<LocalDate> comparison = new ArrayList<>();
        List<MigrationRow> migration = jdbc.query("""
                SELECT comparison_as_of, bank_code, dimension, from_state, to_state, loan_count, balance, from_balance
                FROM loan_migration WHERE run_id = ? ORDER BY row_order""", (rs, i) -> {
            if (i == 0) {
                comparison.add(rs.getDate(1).toLocalDate());
            }
            return new MigrationRow(rs.getString(2), Migration.Dimension.valueOf(rs.getString(3)), rs.getString(4),
                    rs.getString(5), rs.getLong(6), rs.getBigDecimal(7), rs.getBigDecimal(8));
        }, runId);
        List<VintageRow> vintages = new ArrayList<>(jdbc.query("""
                SELECT bank_code, issue_quarter, regime, loan_count, amount, balance, npl_balance
                FROM vintage_metrics WHERE run_id = ?""",
                (rs, i) -> new VintageRow(rs.getString(1), rs.getString(2), Regime.valueOf(rs.getString(3)),
                        rs.getLong(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7)), runId));
        vintages.sort(Comparator.comparing(VintageRow::bankCode).thenComparing(VintageRow::issueQuarter)
                .thenComparing(VintageRow::regime));
        List<OutlookRow> outlook = jdbc.query("""
                SELECT level, county_code, bank_code, projected_overdue_rate_pct, projected_npl_rate_pct, outlook
                FROM cell_outlook WHERE run_id = ?""",
                (rs, i) -> new OutlookRow(Level.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), "LIKELY_PAUSE".equals(rs.getString(6))), runId);
        return new Analytics(comparison.isEmpty() ? null : comparison.get(0), regimes, migration, vintages, outlook);
    }
}
