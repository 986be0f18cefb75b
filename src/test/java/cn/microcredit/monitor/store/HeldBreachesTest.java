package cn.microcredit.monitor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Guarantee;
import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Purpose;
import cn.microcredit.monitor.rules.LoanException;
import cn.microcredit.monitor.rules.Rule;

/**
 * The report step takes a run's breaches from memory when this process stored them all (since it deleted the run's
 * earlier ones), and from the database otherwise: both must give the same rows, in the same orders, with the same
 * values, and the same counts.
 */
class HeldBreachesTest {

    private JdbcTemplate jdbc;
    private SingleConnectionDataSource dataSource;
    /** The process that runs the job. */
    private ExceptionRepository exceptions;
    /** Another process on the same database: it holds nothing, so it reads what is stored. */
    private ExceptionRepository stored;

    @BeforeEach
    void emptyDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:held-breaches-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration", "classpath:db/h2").load().migrate();
        dataSource = new SingleConnectionDataSource(h2.getURL(), true);
        jdbc = new JdbcTemplate(dataSource);
        exceptions = new ExceptionRepository(jdbc);
        stored = new ExceptionRepository(jdbc);
        jdbc.update("""
                INSERT INTO monitor_run (run_id, as_of, status, input_dir, started_at)
                VALUES (1, ?, 'RUNNING', 'in', CURRENT_TIMESTAMP)""", Date.valueOf(LocalDate.of(2026, 9, 30)));
    }

    @Test
    void heldBreachesReadAsTheStoredOnes() {
        exceptions.deleteRun(1);
        // Two batches, as the metrics step's threads and then the rules step store them; amounts at scales 0 and 2,
        // an issue date missing, Chinese text, a null-free borrower, severities mixed.
        exceptions.save(1, List.of(
                breach("B2", "L9", "210102", Rule.TERM_OVER_LIMIT, new BigDecimal("50000"), LocalDate.of(2026, 3, 1)),
                breach("B1", "L2", "210101", Rule.AMOUNT_OVER_LIMIT, new BigDecimal("120000.00"), null),
                breach("B1", "L2", "210101", Rule.GUARANTEE_REQUIRED, new BigDecimal("120000.00"), null)));
        exceptions.save(1, List.of(
                breach("B1", "L1", "210102", Rule.MULTIPLE_OUTSTANDING_LOANS, new BigDecimal("30000.5"),
                        LocalDate.of(2025, 12, 31)),
                breach("B2", "L3", "210101", Rule.MATURED_NOT_OVERDUE, new BigDecimal("0.01"),
                        LocalDate.of(2024, 1, 2))));

        ExceptionRepository.Counts fromDatabase = stored.counts(1);
        assertThat(exceptions.counts(1)).isEqualTo(fromDatabase);
        assertThat(exceptions.counts(1).byRule()).containsExactly(entry("AMOUNT_OVER_LIMIT", 1L),
                entry("TERM_OVER_LIMIT", 1L), entry("GUARANTEE_REQUIRED", 1L), entry("MULTIPLE_OUTSTANDING_LOANS", 1L),
                entry("MATURED_NOT_OVERDUE", 1L));

        RunBreaches held = exceptions.read(1);
        RunBreaches read = stored.read(1);
        assertThat(rows(held, false)).isEqualTo(rows(read, false)).hasSize(5);
        assertThat(rows(held, true)).isEqualTo(rows(read, true));
        // Amounts as the DECIMAL(18, 2) column gives them back, scale included.
        assertThat(rows(held, false).get(0).amount()).isEqualTo(new BigDecimal("30000.50"));
        assertThat(rows(held, false).get(4).amount()).isEqualTo(new BigDecimal("50000.00"));
    }

    @Test
    void aRunResumedInThisProcessIsReadFromTheDatabase() {
        // An earlier process stored some breaches of run 1 and was killed; this one resumes at a later step.
        stored.deleteRun(1);
        stored.save(1, List.of(breach("B1", "L1", "210101", Rule.TERM_OVER_LIMIT, new BigDecimal("1.00"), null)));

        exceptions.save(1, List.of(breach("B1", "L2", "210101", Rule.MULTIPLE_OUTSTANDING_LOANS,
                new BigDecimal("2.00"), null)));

        assertThat(rows(exceptions.read(1), false)).extracting(ExceptionRepository.Row::loanId)
                .containsExactly("L1", "L2");
        assertThat(exceptions.counts(1).byBank()).containsEntry("B1", 2L);
    }

    @Test
    void breachesBeyondTheBudgetAreReadBackInstead() {
        exceptions.holdAtMost(1_000);
        exceptions.deleteRun(1);
        List<LoanException> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(breach("B1", "L" + i, "210101", Rule.TERM_OVER_LIMIT, new BigDecimal("1.00"), null));
        }
        exceptions.save(1, many);
        // Stored by another process afterwards: only a run read from the database shows it.
        stored.save(1, List.of(breach("B9", "X", "210101", Rule.TERM_OVER_LIMIT, new BigDecimal("1.00"), null)));

        assertThat(exceptions.read(1).size()).isEqualTo(21);
        assertThat(exceptions.counts(1).byBank()).containsEntry("B1", 20L).containsEntry("B9", 1L);
    }

    @Test
    void breachesOfATransactionRolledBackAreNotHeld() {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        exceptions.deleteRun(1);
        exceptions.save(1, List.of(breach("B1", "L1", "210101", Rule.TERM_OVER_LIMIT, new BigDecimal("1.00"), null)));

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            exceptions.save(1, List.of(breach("B1", "L2", "210101", Rule.AGE_OUT_OF_RANGE,
                    new BigDecimal("1.00"), null)));
            throw new IllegalStateException("the step failed");
        })).hasMessage("the step failed");
        tx.executeWithoutResult(status -> exceptions.save(1, List.of(breach("B1", "L3", "210101",
                Rule.AGE_OUT_OF_RANGE, new BigDecimal("1.00"), null))));

        assertThat(rows(exceptions.read(1), false)).extracting(ExceptionRepository.Row::loanId)
                .containsExactly("L1", "L3");
        assertThat(rows(stored.read(1), false)).extracting(ExceptionRepository.Row::loanId)
                .containsExactly("L1", "L3");
    }

    @Test
    void heldBreachesAreLetGoOnceReadAndKeptApartPerRun() {
        exceptions.deleteRun(1);
        exceptions.save(1, List.of(breach("B1", "L1", "210101", Rule.TERM_OVER_LIMIT, new BigDecimal("1.00"), null)));
        assertThat(exceptions.read(1).size()).isEqualTo(1);

        // Let go: a breach another process adds now is read back.
        stored.save(1, List.of(breach("B1", "L2", "210101", Rule.TERM_OVER_LIMIT, new BigDecimal("1.00"), null)));

        assertThat(exceptions.read(1).size()).isEqualTo(2);
        assertThat(exceptions.read(2).size()).isZero();
    }

    private static List<ExceptionRepository.Row> rows(RunBreaches breaches, boolean worstFirst) {
        List<ExceptionRepository.Row> rows = new ArrayList<>();
        if (worstFirst) {
            breaches.forEachWorstFirst(rows::add);
        } else {
            breaches.forEach(rows::add);
        }
        return rows;
    }

    private static LoanException breach(String bank, String loanId, String county, Rule rule, BigDecimal amount,
                                        LocalDate issued) {
        LocalDate maturity = LocalDate.of(2028, 3, 1);
        Loan loan = new Loan(bank, loanId, county, "H-" + loanId, "张三", "210123197102111010", issued, maturity,
                amount, amount, new BigDecimal("3.45"), 0, Classification.NORMAL, 0, Purpose.PLANTING,
                Guarantee.CREDIT, false);
        return new LoanException(loan, rule, "明细 " + rule.name());
    }
}
