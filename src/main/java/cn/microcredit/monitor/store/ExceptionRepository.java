package cn.microcredit.monitor.store;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.microcredit.monitor.rules.LoanException;
import cn.microcredit.monitor.rules.Rule;

/** The loan-level rule breaches of a run (SPEC 5.3), with the borrower each concerns. */
@Repository
public class ExceptionRepository {

    private final JdbcTemplate jdbc;
    /**
     * The counts of runs asked for in this process, until their breaches change: the report step, the publish step and
     * the run's summary each ask for them, and each query groups every breach of the run (0.4-0.5 s at 1 M loans).
     */
    private final Map<Long, Counts> counted = new ConcurrentHashMap<>();

    public ExceptionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void deleteRun(long runId) {
        counted.remove(runId);
        jdbc.update("DELETE FROM loan_exception WHERE run_id = ?", runId);
    }

    /**
     * Forgets the counts of a run whose rows were deleted or changed by other SQL (store/RunRepository). Public, as every
     * method a Spring proxy must pass on to this object.
     */
    public void forget(long runId) {
        counted.remove(runId);
    }

    /** The order of the index on (run_id, bank_code, loan_id). */
    private static final Comparator<LoanException> INDEX_ORDER = Comparator
            .comparing((LoanException e) -> e.loan().bankCode()).thenComparing(e -> e.loan().loanId());

    /**
     * Stores breaches in one transaction (or the caller's), in the order of the run's index. Outside a transaction, as
     * on the metrics step's reading threads, each row of a JDBC batch would be a commit of its own, and H2 writes each
     * commit to its file at once ({@code WRITE_DELAY=0}). In the index's order, a batch touches each of the index's
     * pages once rather than at random, and H2 has fewer pages to write at the commit: at 1 M loans the rules step's
     * 23,088 household breaches took 0.9-1.1 s and 1.5-2.0 s for the step, 0.6-1.0 s and 0.9-1.5 s in order.
     */
    @Transactional
    public void save(long runId, List<LoanException> exceptions) {
        counted.remove(runId);
        List<LoanException> inIndexOrder = new ArrayList<>(exceptions);
        inIndexOrder.sort(INDEX_ORDER);
        jdbc.batchUpdate("""
                INSERT INTO loan_exception (run_id, bank_code, loan_id, county_code, household_id, rule_order, rule,
                                            severity, detail, borrower_name, borrower_id_number, amount, balance,
                                            issue_date)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inIndexOrder.stream().map(e -> new Object[] {runId,
                e.loan().bankCode(), e.loan().loanId(), e.loan().countyCode(), e.loan().householdId(),
                e.rule().ordinal(), e.rule().name(), e.rule().severity().name(), e.detail(), e.loan().borrowerName(),
                e.loan().borrowerIdNumber(), e.loan().amount(), e.loan().balance(),
                e.loan().issueDate() == null ? null : Date.valueOf(e.loan().issueDate())}).toList());
    }

    /** A run's exceptions counted by rule (in rule order), by county and by bank (in code order). */
    public record Counts(Map<String, Long> byRule, Map<String, Long> byCounty, Map<String, Long> byBank) {
    }

    /** The three counts of a run, from one pass over its exceptions (or from the last such pass in this process). */
    public Counts counts(long runId) {
        Counts known = counted.get(runId);
        if (known != null) {
            return known;
        }
        Counts counts = new Counts(new LinkedHashMap<>(), new TreeMap<>(), new TreeMap<>());
        jdbc.query("""
                SELECT rule, county_code, bank_code, COUNT(*) FROM loan_exception WHERE run_id = ?
                GROUP BY rule_order, rule, county_code, bank_code ORDER BY rule_order""", rs -> {
            long n = rs.getLong(4);
            counts.byRule().merge(rs.getString(1), n, Long::sum);
            counts.byCounty().merge(rs.getString(2), n, Long::sum);
            counts.byBank().merge(rs.getString(3), n, Long::sum);
        }, runId);
        Counts result = new Counts(Collections.unmodifiableMap(counts.byRule()),
                Collections.unmodifiableMap(counts.byCounty()), Collections.unmodifiableMap(counts.byBank()));
        counted.put(runId, result);
        return result;
    }

    /**
     * A stored exception with the borrower it concerns, for reports (which mask the personal data), and the loan's
     * amount, balance (yuan) and issue date to print beside it (null in rows stored before V8_0).
     */
    public record Row(String bankCode, String loanId, String countyCode, String householdId, Rule rule, String detail,
                      String borrowerName, String borrowerIdNumber, BigDecimal amount, BigDecimal balance,
                      LocalDate issueDate) {
    }

    /**
     * Every exception of a run, read once in whatever order the database keeps them and sorted in memory for the
     * reports ({@link RunBreaches}).
     */
    @Transactional(readOnly = true)
    public RunBreaches read(long runId) {
        RunBreaches.Builder rows = new RunBreaches.Builder();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    SELECT e.bank_code, e.loan_id, e.county_code, e.household_id, e.rule, e.detail,
                           e.borrower_name, e.borrower_id_number, e.amount, e.balance, e.issue_date
                    FROM loan_exception e
                    WHERE e.run_id = ?""");
            ps.setFetchSize(1000);
            ps.setLong(1, runId);
            return ps;
        }, rs -> {
            rows.accept(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    Rule.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                    rs.getBigDecimal(9), rs.getBigDecimal(10), localDate(rs.getDate(11))));
        });
        return rows.sorted();
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
