package cn.microcredit.monitor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Guarantee;
import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Purpose;
import cn.microcredit.monitor.rules.LoanException;
import cn.microcredit.monitor.rules.Rule;

/**
 * A run's breach counts are asked for three times (report, publish, the run's summary) and kept from the first: they
 * must still follow every change to the run's breaches, whichever repository makes it.
 */
class BreachCountsTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 9, 30);

    private JdbcTemplate jdbc;
    private ExceptionRepository exceptions;
    private RunRepository runs;

    @BeforeEach
    void emptyDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:breach-counts-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration", "classpath:db/h2").load().migrate();
        jdbc = new JdbcTemplate(h2);
        exceptions = new ExceptionRepository(jdbc);
        runs = new RunRepository(jdbc, new RunChunks(h2, jdbc), exceptions);
        jdbc.update("""
                INSERT INTO monitor_run (run_id, as_of, status, input_dir, started_at)
                VALUES (1, ?, 'COMPLETED', 'in', CURRENT_TIMESTAMP)""", Date.valueOf(AS_OF));
    }

    @Test
    void countsByRuleCountyAndBank() {
        exceptions.save(1, List.of(breach("B2", "L1", "210102", Rule.TERM_OVER_LIMIT),
                breach("B1", "L2", "210102", Rule.AMOUNT_OVER_LIMIT), breach("B1", "L2", "210101",
                        Rule.TERM_OVER_LIMIT)));

        ExceptionRepository.Counts counts = exceptions.counts(1);

        // By rule in the order of SPEC 5.3 (the rules' order), by county and bank in code order.
        assertThat(counts.byRule()).containsExactly(entry("AMOUNT_OVER_LIMIT", 1L), entry("TERM_OVER_LIMIT", 2L));
        assertThat(counts.byCounty()).containsExactly(entry("210101", 1L), entry("210102", 2L));
        assertThat(counts.byBank()).containsExactly(entry("B1", 2L), entry("B2", 1L));
    }

    @Test
    void countsFollowBreachesSavedLater() {
        exceptions.save(1, List.of(breach("B1", "L1", "210101", Rule.TERM_OVER_LIMIT)));
        assertThat(exceptions.counts(1).byRule()).containsExactly(entry("TERM_OVER_LIMIT", 1L));

        exceptions.save(1, List.of(breach("B1", "L2", "210101", Rule.MULTIPLE_OUTSTANDING_LOANS)));

        assertThat(exceptions.counts(1).byRule()).containsExactly(entry("TERM_OVER_LIMIT", 1L),
                entry("MULTIPLE_OUTSTANDING_LOANS", 1L));
    }

    @Test
    void countsFollowARunsBreachesDeleted() {
        exceptions.save(1, List.of(breach("B1", "L1", "210101", Rule.TERM_OVER_LIMIT)));
        assertThat(exceptions.counts(1).byBank()).containsExactly(entry("B1", 1L));

        exceptions.deleteRun(1);

        assertThat(exceptions.counts(1).byBank()).isEmpty();
    }

    @Test
    void countsFollowADateDeletedByTheRunRepository() {
        exceptions.save(1, List.of(breach("B1", "L1", "210101", Rule.TERM_OVER_LIMIT)));
        assertThat(exceptions.counts(1).byCounty()).containsExactly(entry("210101", 1L));

        assertThat(runs.deleteDate(AS_OF)).isEqualTo(1);

        assertThat(exceptions.counts(1).byCounty()).isEmpty();
    }

    @Test
    void countsOfOneRunStayApartFromAnothers() {
        exceptions.save(1, List.of(breach("B1", "L1", "210101", Rule.TERM_OVER_LIMIT)));
        exceptions.save(2, List.of(breach("B2", "L1", "210102", Rule.AGE_OUT_OF_RANGE)));
        assertThat(exceptions.counts(1).byBank()).containsExactly(entry("B1", 1L));

        exceptions.deleteRun(2);

        assertThat(exceptions.counts(1).byBank()).containsExactly(entry("B1", 1L));
        assertThat(exceptions.counts(2).byBank()).isEmpty();
    }

    private static LoanException breach(String bank, String loanId, String county, Rule rule) {
        LocalDate issued = LocalDate.of(2026, 3, 1);
        Loan loan = new Loan(bank, loanId, county, "H1", "张三", "210123197102111010", issued, issued.plusYears(2),
                new BigDecimal("50000.00"), new BigDecimal("40000.00"), new BigDecimal("3.45"), 0,
                Classification.NORMAL, 0, Purpose.PLANTING, Guarantee.CREDIT, false);
        return new LoanException(loan, rule, "detail");
    }
}
