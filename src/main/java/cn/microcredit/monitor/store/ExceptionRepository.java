package cn.microcredit.monitor.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.microcredit.monitor.loan.Loan;
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
    /**
     * The breaches of a run as this process stored them since it deleted the run's earlier ones, held for the report
     * step ({@link #read}), so that it need not read back and count what was just written (at 1 M loans 0.4-0.6 s and
     * 0.3-0.4 s of H2 work on the report step's critical path). A run resumed in another process, whose first steps
     * stored some of its breaches, has none here and is read from the database.
     */
    private final Map<Long, Held> held = new ConcurrentHashMap<>();
    /** Held breaches of a run beyond this (a sixteenth of the heap) are dropped, and the run read back instead. */
    private volatile long heldBytesAtMost = Runtime.getRuntime().maxMemory() / 16;

    public ExceptionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** For tests: the bytes of held breaches beyond which a run's are dropped. */
    void holdAtMost(long bytes) {
        heldBytesAtMost = bytes;
    }

    /** Deletes a run's breaches; from here on, those this process stores of the run are also held in memory. */
    public void deleteRun(long runId) {
        counted.remove(runId);
        held.remove(runId);
        jdbc.update("DELETE FROM loan_exception WHERE run_id = ?", runId);
        held.put(runId, new Held());
    }

    /**
     * Forgets what is known of a run whose rows were deleted or changed by other SQL (store/RunRepository). Public, as
     * every method a Spring proxy must pass on to this object.
     */
    public void forget(long runId) {
        counted.remove(runId);
        held.remove(runId);
    }

    /** Forgets what is known of every run: their breaches were changed by other SQL (retention's masking). */
    public void forgetAll() {
        counted.clear();
        held.clear();
    }

    /** The order of the index on (run_id, bank_code, loan_id). */
    private static final Comparator<LoanException> INDEX_ORDER = Comparator
            .comparing((LoanException e) -> e.loan().bankCode()).thenComparing(e -> e.loan().loanId());

    /**
     * Stores breaches in one transaction (or the caller's), in the order of the run's index. Outside a transaction, as
     * on the thread that stores the metrics step's breaches, each row of a JDBC batch would be a commit of its own, and
     * H2 writes each commit to its file at once ({@code WRITE_DELAY=0}). In the index's order, a batch touches each of
     * the index's pages once rather than at random, and H2 has fewer pages to write at the commit: at 1 M loans the
     * rules step's 23,088 household breaches took 0.9-1.1 s and 1.5-2.0 s for the step, 0.6-1.0 s and 0.9-1.5 s in
     * order.
     */
    @Transactional
    public void save(long runId, List<LoanException> exceptions) {
        counted.remove(runId);
        List<LoanException> inIndexOrder = new ArrayList<>(exceptions);
        inIndexOrder.sort(INDEX_ORDER);
        hold(runId, inIndexOrder);
        jdbc.batchUpdate("""
                INSERT INTO loan_exception (run_id, bank_code, loan_id, county_code, household_id, rule_order, rule,
                                            severity, detail, borrower_name, borrower_id_number, amount, balance,
                                            issue_date)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
            // Typed setters: JdbcTemplate's Object[] rows go through its type guessing for every value.
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                LoanException e = inIndexOrder.get(i);
                Loan loan = e.loan();
                ps.setLong(1, runId);
                ps.setString(2, loan.bankCode());
                ps.setString(3, loan.loanId());
                ps.setString(4, loan.countyCode());
                ps.setString(5, loan.householdId());
                ps.setInt(6, e.rule().ordinal());
                ps.setString(7, e.rule().name());
                ps.setString(8, e.rule().severity().name());
                ps.setString(9, e.detail());
                ps.setString(10, loan.borrowerName());
                ps.setString(11, loan.borrowerIdNumber());
                ps.setBigDecimal(12, loan.amount());
                ps.setBigDecimal(13, loan.balance());
                if (loan.issueDate() == null) {
                    ps.setNull(14, Types.DATE);
                } else {
                    ps.setDate(14, Date.valueOf(loan.issueDate()));
                }
            }

            @Override
            public int getBatchSize() {
                return inIndexOrder.size();
            }
        });
    }

    /**
     * Adds the rows to the run's held breaches once they are committed (they are stored as the database will give
     * them back: amounts at the column's two decimals); drops the run's held breaches if the rows are not.
     */
    private void hold(long runId, List<LoanException> rows) {
        Held h = held.get(runId);
        if (h == null || rows.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            h.add(runId, rows); // no transaction to wait for: each statement commits as it runs
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    h.add(runId, rows);
                } else {
                    held.remove(runId, h);
                }
            }
        });
    }

    /** A run's breaches held in memory; thread-safe (a run's breaches may be stored from several threads). */
    private final class Held {
        private final RunBreaches.Builder rows = new RunBreaches.Builder();

        synchronized void add(long runId, List<LoanException> breaches) {
            if (held.get(runId) != this) {
                return;
            }
            for (LoanException e : breaches) {
                Loan loan = e.loan();
                rows.accept(new Row(loan.bankCode(), loan.loanId(), loan.countyCode(), loan.householdId(), e.rule(),
                        e.detail(), loan.borrowerName(), loan.borrowerIdNumber(), cents(loan.amount()),
                        cents(loan.balance()), loan.issueDate()));
            }
            if (rows.bytes() > heldBytesAtMost) {
                held.remove(runId, this);
            }
        }

        synchronized Counts counts() {
            return rows.counts();
        }

        synchronized RunBreaches sorted() {
            return rows.sorted();
        }
    }

    /** An amount as column DECIMAL(18, 2) keeps it (both databases round half up). */
    private static BigDecimal cents(BigDecimal yuan) {
        return yuan == null ? null : yuan.setScale(2, RoundingMode.HALF_UP);
    }

    /** A run's exceptions counted by rule (in rule order), by county and by bank (in code order). */
    public record Counts(Map<String, Long> byRule, Map<String, Long> byCounty, Map<String, Long> byBank) {
        /** Read-only views of the maps given, which keep their order: they are kept and shared once counted. */
        public Counts {
            byRule = Collections.unmodifiableMap(byRule);
            byCounty = Collections.unmodifiableMap(byCounty);
            byBank = Collections.unmodifiableMap(byBank);
        }
    }

    /** The three counts of a run, from one pass over its exceptions (or from the last such pass in this process). */
    public Counts counts(long runId) {
        Counts known = counted.get(runId);
        if (known != null) {
            return known;
        }
        Held h = held.get(runId);
        if (h != null) {
            Counts fromMemory = h.counts();
            counted.put(runId, fromMemory);
            return fromMemory;
        }
        Map<String, Long> byRule = new LinkedHashMap<>();
        Map<String, Long> byCounty = new TreeMap<>();
        Map<String, Long> byBank = new TreeMap<>();
        jdbc.query("""
                SELECT rule, county_code, bank_code, COUNT(*) FROM loan_exception WHERE run_id = ?
                GROUP BY rule_order, rule, county_code, bank_code ORDER BY rule_order""", rs -> {
            long n = rs.getLong(4);
            byRule.merge(rs.getString(1), n, Long::sum);
            byCounty.merge(rs.getString(2), n, Long::sum);
            byBank.merge(rs.getString(3), n, Long::sum);
        }, runId);
        Counts result = new Counts(byRule, byCounty, byBank);
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
     * Every exception of a run, sorted in memory for the reports ({@link RunBreaches}): those this process stored and
     * holds, which it then lets go (the counts stay known), or else read once from the database in whatever order it
     * keeps them.
     */
    @Transactional(readOnly = true)
    public RunBreaches read(long runId) {
        Held h = held.get(runId);
        if (h != null) {
            counted.putIfAbsent(runId, h.counts());
            RunBreaches breaches = h.sorted();
            held.remove(runId, h);
            return breaches;
        }
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
