package cn.microcredit.monitor.store;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.microcredit.monitor.metrics.CellResult;
import cn.microcredit.monitor.metrics.Figures;
import cn.microcredit.monitor.metrics.Level;
import cn.microcredit.monitor.metrics.Reason;
import cn.microcredit.monitor.metrics.RiskAssessment;
import cn.microcredit.monitor.metrics.Status;


/** The metrics of runs (SPEC 5.1): bank × county and higher levels, and the ageing of overdue loans. */
@Repository
public class MetricsRepository {

    private static final String INSERT_CELL = """
            INSERT INTO cell_metrics (run_id, as_of, level, county_code, bank_code, loan_count, balance,
                                      overdue_balance, npl_balance, overdue90_balance, est_central_subsidy,
                                      threshold_pct, status, reasons, prev_balance, prev_overdue_balance,
                                      overdue_loan_count, npl_loan_count, household_count, pause_banks, warn_banks,
                                      prev_status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;

    public MetricsRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A run's bank × county sums by {@link RiskAssessment#key}. */
    public Map<String, Figures> bankCountyFigures(long runId) {
        Map<String, Figures> map = new HashMap<>();
        jdbc.query("SELECT * FROM cell_metrics WHERE run_id = ? AND level = 'BANK_COUNTY'", rs -> {
            map.put(RiskAssessment.key(rs.getString("county_code"), rs.getString("bank_code")), figures(rs));
        }, runId);
        return map;
    }

    @Transactional
    public void save(long runId, LocalDate asOf, List<CellResult> results, List<AgeingRow> ageing) {
        jdbc.update("DELETE FROM cell_metrics WHERE run_id = ?", runId);
        jdbc.update("DELETE FROM county_ageing WHERE run_id = ?", runId);
        jdbc.batchUpdate(INSERT_CELL, results.stream().map(r -> new Object[] {
                runId, Date.valueOf(asOf), r.level().name(), r.countyCode(), r.bankCode(),
                r.figures().loanCount(), r.figures().balance(), r.figures().overdueBalance(),
                r.figures().nplBalance(), r.figures().overdue90Balance(), r.figures().estCentralSubsidy(),
                r.thresholdPct() == null ? null : r.thresholdPct().setScale(10, java.math.RoundingMode.HALF_UP),
                r.status() == null ? null : r.status().name(), Reason.join(r.reasons()),
                r.previous() == null ? null : r.previous().balance(),
                r.previous() == null ? null : r.previous().overdueBalance(),
                r.figures().overdueLoanCount(), r.figures().nplLoanCount(), r.householdCount(),
                r.level() == Level.COUNTY ? r.pauseBanksJoined() : null,
                r.level() == Level.COUNTY ? r.warnBanksJoined() : null,
                r.prevStatus() == null ? null : r.prevStatus().name()}).toList());
        jdbc.batchUpdate("""
                INSERT INTO county_ageing (run_id, county_code, bucket, loan_count, balance) VALUES (?, ?, ?, ?, ?)""",
                ageing.stream().map(a -> new Object[] {runId, a.countyCode(), a.bucket(), a.loanCount(), a.balance()})
                        .toList());
    }

    public List<CellResult> results(long runId, Level level) {
        return jdbc.query("""
                SELECT * FROM cell_metrics WHERE run_id = ? AND level = ?
                ORDER BY county_code, bank_code""", (rs, i) -> {
            BigDecimal prevBalance = rs.getBigDecimal("prev_balance");
            Figures previous = prevBalance == null ? null : new Figures(0, prevBalance,
                    rs.getBigDecimal("prev_overdue_balance"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
            String status = rs.getString("status");
            String prevStatus = rs.getString("prev_status");
            return new CellResult(Level.valueOf(rs.getString("level")), rs.getString("county_code"),
                    rs.getString("bank_code"), figures(rs), rs.getBigDecimal("threshold_pct"),
                    status == null ? null : Status.valueOf(status), Reason.parse(rs.getString("reasons")), previous,
                    prevStatus == null ? null : Status.valueOf(prevStatus), (Long) rs.getObject("household_count",
                    Long.class), codes(rs.getString("pause_banks")), codes(rs.getString("warn_banks")));
        }, runId, level.name());
    }

    private static List<String> codes(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(";"));
    }

    /**
     * A run's statuses, of its bank × county cells by {@link RiskAssessment#key} and of its counties by the key with
     * an empty bank code: what {@code prev_status} shows when the run is the comparison date (SPEC 5.2).
     */
    public Map<String, Status> statuses(long runId) {
        Map<String, Status> map = new HashMap<>();
        jdbc.query("""
                SELECT county_code, bank_code, status FROM cell_metrics
                WHERE run_id = ? AND level IN ('BANK_COUNTY', 'COUNTY')""", rs -> {
            map.put(RiskAssessment.key(rs.getString(1), rs.getString(2)), Status.valueOf(rs.getString(3)));
        }, runId);
        return map;
    }

    /** A county's overdue loans in one ageing bucket. */
    public record AgeingRow(String countyCode, String bucket, long loanCount, BigDecimal balance) {
    }

    public List<AgeingRow> ageing(long runId) {
        return jdbc.query("""
                SELECT county_code, bucket, loan_count, balance FROM county_ageing WHERE run_id = ?""",
                (rs, i) -> new AgeingRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4)), runId);
    }

    /** A county's sums on one stored date. */
    public record HistoryPoint(LocalDate asOf, String countyCode, BigDecimal balance, BigDecimal overdueBalance,
                               BigDecimal nplBalance) {
    }

    /** County sums of every earlier completed date and of this run, oldest first: the trend. */
    public List<HistoryPoint> history(long runId) {
        return jdbc.query("""
                SELECT m.as_of, c.county_code, c.balance, c.overdue_balance, c.npl_balance
                FROM cell_metrics c
                JOIN monitor_run m ON m.run_id = c.run_id
                JOIN monitor_run cur ON cur.run_id = ?
                WHERE c.level = 'COUNTY'
                  AND (m.run_id = cur.run_id OR (m.status = 'COMPLETED' AND m.as_of < cur.as_of))
                ORDER BY m.as_of, c.county_code""",
                (rs, i) -> new HistoryPoint(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5)), runId);
    }

    /** A run's sums; the loan counts of runs stored before they were kept (NULL) read as 0. */
    private static Figures figures(ResultSet rs) throws SQLException {
        return new Figures(rs.getLong("loan_count"), rs.getBigDecimal("balance"), rs.getBigDecimal("overdue_balance"),
                rs.getBigDecimal("npl_balance"), rs.getBigDecimal("overdue90_balance"),
                rs.getBigDecimal("est_central_subsidy"), rs.getLong("overdue_loan_count"),
                rs.getLong("npl_loan_count"));
    }
}
