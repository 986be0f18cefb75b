package cn.microcredit.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Guarantee;
import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Purpose;
import cn.microcredit.monitor.rules.LoanException;
import cn.microcredit.monitor.rules.Rule;
import cn.microcredit.monitor.store.ExceptionRepository;

/** The metrics pass's breaches are stored on a thread of their own: all of them, or the pass fails. */
class BreachWriterTest {

    @Test
    void everyBatchHandedOverIsStoredByTheTimeItFinishes() {
        JdbcTemplate jdbc = database(true);
        BreachWriter writer = new BreachWriter(1, new ExceptionRepository(jdbc));
        for (int b = 0; b < 7; b++) {
            writer.store(batch(b, 300));
        }
        writer.finish();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM loan_exception WHERE run_id = 1", Long.class))
                .isEqualTo(2_100L);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT loan_id) FROM loan_exception", Long.class))
                .isEqualTo(2_100L);
    }

    @Test
    void aBatchThatCannotBeStoredFailsThePass() {
        BreachWriter writer = new BreachWriter(1, new ExceptionRepository(database(false)));
        writer.store(batch(0, 10));

        assertThatThrownBy(() -> {
            for (int b = 1; b < 100; b++) {
                writer.store(batch(b, 10)); // fails here once the first failure is known, or else at finish
            }
            writer.finish();
        }).isInstanceOf(BadSqlGrammarException.class);
    }

    private static JdbcTemplate database(boolean withSchema) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:breach-writer-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        if (withSchema) {
            Flyway.configure().dataSource(h2).locations("classpath:db/migration", "classpath:db/h2").load().migrate();
        }
        return new JdbcTemplate(h2);
    }

    private static List<LoanException> batch(int b, int size) {
        List<LoanException> batch = new ArrayList<>();
        LocalDate issued = LocalDate.of(2026, 3, 1);
        for (int i = 0; i < size; i++) {
            Loan loan = new Loan("B1", "L" + b + "-" + i, "210101", "H1", "张三", "210123197102111010", issued,
                    issued.plusYears(2), new BigDecimal("50000.00"), new BigDecimal("40000.00"),
                    new BigDecimal("3.45"), 0, Classification.NORMAL, 0, Purpose.PLANTING, Guarantee.CREDIT, false);
            batch.add(new LoanException(loan, Rule.TERM_OVER_LIMIT, "detail"));
        }
        return batch;
    }
}
