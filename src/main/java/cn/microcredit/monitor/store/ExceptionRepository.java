package cn.microcredit.monitor.store;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Guarantee;
import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Purpose;
import cn.microcredit.monitor.reference.RosterPeriod;
import cn.microcredit.monitor.rules.LoanException;
import cn.microcredit.monitor.rules.Rule;

/**
 * The loan-level rule breaches of a run, and the set-based queries that find the breaches no single loan shows:
 * across banks (one household, several banks: only a supervisor sees it), against the roster and against the
 * previous stored date.
 */
@Repository
public class ExceptionRepository {

    /** A loan with what a set-based rule found about it; {@code count}, {@code sum} and {@code text} vary by rule. */
    public record Candidate(String bankCode, String loanId, String countyCode, String householdId, LocalDate issueDate,
                            long count, BigDecimal sum, String text) {
    }

    private static final String KEY = "l.bank_code, l.loan_id, l.county_code, l.household_id, l.issue_date";

    private final JdbcTemplate jdbc;

    public ExceptionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void deleteRun(long runId) {
        jdbc.update("DELETE FROM loan_exception WHERE run_id = ?", runId);
    }

    public void saveRoster(long runId, List<RosterPeriod> periods) {
        jdbc.batchUpdate("""
                INSERT INTO roster_period (run_id, line_no, household_id, county_code, category, added_date,
                                           removed_date)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", periods.stream().map(p -> new Object[] {runId, p.line(),
                p.householdId(), p.countyCode(), p.category().name(), Date.valueOf(p.addedDate()),
                p.removedDate() == null ? null : Date.valueOf(p.removedDate())}).toList(),
                // Types given, so that a null removal date does not make the driver look up parameter metadata.
                new int[] {Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DATE,
                        Types.DATE});
    }

    public void save(long runId, List<LoanException> exceptions) {
        jdbc.batchUpdate("""
                INSERT INTO loan_exception (run_id, bank_code, loan_id, county_code, household_id, rule_order, rule,
                                            severity, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", exceptions.stream().map(e -> new Object[] {runId,
                e.bankCode(), e.loanId(), e.countyCode(), e.householdId(), e.rule().ordinal(), e.rule().name(),
                e.rule().severity().name(), e.detail()}).toList());
    }

    /**
     * Every outstanding loan of a run, streamed. In a transaction, because PostgreSQL's driver reads a result set
     * {@code spring.jdbc.template.fetch-size} rows at a time only inside one (else all of it, up front).
     */
    @Transactional
    public void forEachOutstanding(long runId, Consumer<Loan> consumer) {
        jdbc.query("SELECT * FROM loan WHERE run_id = ? AND balance > 0", rs -> {
            consumer.accept(loan(rs));
        }, runId);
    }

    /** 一(一) 以户为单位: households with more than one outstanding loan, across all banks; text = number of banks. */
    public List<Candidate> multipleOutstanding(long runId) {
        return jdbc.query("""
                SELECT %s, h.n, NULL, CAST(h.banks AS VARCHAR(12))
                FROM loan l
                JOIN (SELECT household_id, COUNT(*) AS n, COUNT(DISTINCT bank_code) AS banks
                      FROM loan WHERE run_id = ? AND balance > 0
                      GROUP BY household_id HAVING COUNT(*) > 1) h ON h.household_id = l.household_id
                WHERE l.run_id = ? AND l.balance > 0""".formatted(KEY), ExceptionRepository::candidate, runId, runId);
    }

    /** 一(二): households whose two or more outstanding assistance loans sum over the limit; sum = their amounts. */
    public List<Candidate> householdOverLimit(long runId, BigDecimal limit) {
        return jdbc.query("""
                SELECT %s, h.n, h.total, NULL
                FROM loan l
                JOIN (SELECT household_id, COUNT(*) AS n, SUM(amount) AS total
                      FROM loan WHERE run_id = ? AND balance > 0 AND regime = 'ASSISTANCE'
                      GROUP BY household_id HAVING COUNT(*) >= 2 AND SUM(amount) > ?) h
                  ON h.household_id = l.household_id
                WHERE l.run_id = ? AND l.balance > 0 AND l.regime = 'ASSISTANCE'""".formatted(KEY),
                ExceptionRepository::candidate, runId, limit, runId);
    }

    /** 一(一), 四(一): no roster period of the household covers the issue date. */
    public List<Candidate> notOnRoster(long runId) {
        return jdbc.query("""
                SELECT %s, 0, NULL, NULL
                FROM loan l
                WHERE l.run_id = ? AND l.balance > 0
                  AND NOT EXISTS (SELECT 1 FROM roster_period r
                                  WHERE r.run_id = l.run_id AND r.household_id = l.household_id
                                    AND r.added_date <= l.issue_date
                                    AND (r.removed_date IS NULL OR l.issue_date <= r.removed_date))""".formatted(KEY),
                ExceptionRepository::candidate, runId);
    }

    /** 三: roster periods cover the issue date, but all name another county; text = one of those counties. */
    public List<Candidate> rosterCountyMismatch(long runId) {
        return jdbc.query("""
                SELECT %s, 0, NULL,
                       (SELECT MIN(r.county_code) FROM roster_period r
                        WHERE r.run_id = l.run_id AND r.household_id = l.household_id
                          AND r.added_date <= l.issue_date
                          AND (r.removed_date IS NULL OR l.issue_date <= r.removed_date))
                FROM loan l
                WHERE l.run_id = ? AND l.balance > 0
                  AND EXISTS (SELECT 1 FROM roster_period r
                              WHERE r.run_id = l.run_id AND r.household_id = l.household_id
                                AND r.added_date <= l.issue_date
                                AND (r.removed_date IS NULL OR l.issue_date <= r.removed_date))
                  AND NOT EXISTS (SELECT 1 FROM roster_period r
                                  WHERE r.run_id = l.run_id AND r.household_id = l.household_id
                                    AND r.county_code = l.county_code
                                    AND r.added_date <= l.issue_date
                                    AND (r.removed_date IS NULL OR l.issue_date <= r.removed_date))""".formatted(KEY),
                ExceptionRepository::candidate, runId);
    }

    /** 一(四): the same loan was accepted on the previous stored date at another rate; sum = that rate. */
    public List<Candidate> rateChanged(long runId, long previousRunId) {
        return jdbc.query("""
                SELECT %s, 0, p.annual_rate_pct, CAST(l.annual_rate_pct AS VARCHAR(20))
                FROM loan l
                JOIN loan p ON p.run_id = ? AND p.bank_code = l.bank_code AND p.loan_id = l.loan_id
                WHERE l.run_id = ? AND l.balance > 0 AND p.annual_rate_pct <> l.annual_rate_pct""".formatted(KEY),
                ExceptionRepository::candidate, previousRunId, runId);
    }

    /** 四(三): issued after the previous stored date by a bank whose cell in that county was then PAUSE. */
    public List<Candidate> lendingAfterPause(long runId, long previousRunId, LocalDate previousAsOf) {
        return jdbc.query("""
                SELECT %s, 0, NULL, NULL
                FROM loan l
                JOIN cell_metrics c ON c.run_id = ? AND c.level = 'BANK_COUNTY' AND c.status = 'PAUSE'
                                   AND c.county_code = l.county_code AND c.bank_code = l.bank_code
                WHERE l.run_id = ? AND l.balance > 0 AND l.issue_date > ?""".formatted(KEY),
                ExceptionRepository::candidate, previousRunId, runId, Date.valueOf(previousAsOf));
    }

    /** Number of exceptions per rule, in rule order. */
    public Map<String, Long> countByRule(long runId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("""
                SELECT rule, COUNT(*) FROM loan_exception WHERE run_id = ?
                GROUP BY rule_order, rule ORDER BY rule_order""",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, runId);
        return counts;
    }

    /** Number of exceptions per county code. */
    public Map<String, Long> countByCounty(long runId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT county_code, COUNT(*) FROM loan_exception WHERE run_id = ? GROUP BY county_code",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, runId);
        return counts;
    }

    /** A stored exception with the borrower it concerns, for reports (which mask the personal data). */
    public record Row(String bankCode, String loanId, String countyCode, String householdId, Rule rule, String detail,
                      String borrowerName, String borrowerIdNumber) {
    }

    /** Every exception of a run, by bank, loan and rule order (the order of exceptions.csv); streamed. */
    @Transactional
    public void forEach(long runId, Consumer<Row> consumer) {
        forEach(runId, "e.bank_code, e.loan_id, e.rule_order", consumer);
    }

    /** Every exception of a run, worst first: by severity, then county, bank, loan and rule; streamed. */
    @Transactional
    public void forEachWorstFirst(long runId, Consumer<Row> consumer) {
        forEach(runId, """
                CASE e.severity WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END,
                e.county_code, e.bank_code, e.loan_id, e.rule_order""", consumer);
    }

    private void forEach(long runId, String order, Consumer<Row> consumer) {
        jdbc.query("""
                SELECT e.bank_code, e.loan_id, e.county_code, e.household_id, e.rule, e.detail,
                       l.borrower_name, l.borrower_id_number
                FROM loan_exception e
                JOIN loan l ON l.run_id = e.run_id AND l.bank_code = e.bank_code AND l.loan_id = e.loan_id
                WHERE e.run_id = ?
                ORDER BY """ + " " + order,
                rs -> {
                    consumer.accept(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Rule.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8)));
                }, runId);
    }

    private static Candidate candidate(ResultSet rs, int i) throws SQLException {
        return new Candidate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getDate(5).toLocalDate(), rs.getLong(6), rs.getBigDecimal(7), rs.getString(8));
    }

    static Loan loan(ResultSet rs) throws SQLException {
        return new Loan(rs.getString("bank_code"), rs.getString("loan_id"), rs.getString("county_code"),
                rs.getString("household_id"), rs.getString("borrower_name"), rs.getString("borrower_id_number"),
                rs.getDate("issue_date").toLocalDate(), rs.getDate("maturity_date").toLocalDate(),
                rs.getBigDecimal("amount"), rs.getBigDecimal("balance"), rs.getBigDecimal("annual_rate_pct"),
                rs.getInt("overdue_days"), Classification.valueOf(rs.getString("classification")),
                rs.getInt("renewal_count"), Purpose.valueOf(rs.getString("purpose")),
                Guarantee.valueOf(rs.getString("guarantee")), rs.getBoolean("large_need"));
    }
}
