package cn.microcredit.monitor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import cn.microcredit.monitor.rules.Rule;

/**
 * The breaches held for the report step come back exactly as read, in the two orders the reports' SQL gave them: the
 * order H2 itself sorts the same rows in, checked on seeded random rows with the text that sorts oddly (case, digits
 * against letters, Chinese, a character outside the BMP, a lone surrogate).
 */
class RunBreachesTest {

    private static final String[] TEXT = {"A", "a", "B", "b1", "b10", "b2", "Z", "辽", "辽宁", "沈阳", "\uD83D\uDE00",
            "\uFFFD", "\uD800", " ", "", "-", "_", "0", "9"};
    private static final Rule[] RULES = Rule.values();

    @Test
    void everyRowComesBackExactlyInTheOrdersOfTheReportsSql() throws SQLException {
        Random random = new Random(20261130L); // replayable: the seed is the test's
        List<ExceptionRepository.Row> rows = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            rows.add(new ExceptionRepository.Row(text(random, 2), text(random, 3), text(random, 1),
                    text(random, 2), RULES[random.nextInt(RULES.length)], text(random, 4), text(random, 2),
                    random.nextInt(10) == 0 ? null : text(random, 3),
                    random.nextInt(10) == 0 ? null : BigDecimal.valueOf(random.nextLong() % 10_000_000_000L, 2),
                    random.nextInt(10) == 0 ? null : new BigDecimal("1234567890123456.78"),
                    random.nextInt(10) == 0 ? null : LocalDate.of(2020, 1, 1).plusDays(random.nextInt(3000))));
        }
        RunBreaches.Builder builder = new RunBreaches.Builder();
        rows.forEach(builder);
        RunBreaches breaches = builder.sorted();

        List<ExceptionRepository.Row> csvOrder = new ArrayList<>();
        breaches.forEach(csvOrder::add);
        List<ExceptionRepository.Row> worstFirst = new ArrayList<>();
        breaches.forEachWorstFirst(worstFirst::add);

        assertThat(breaches.size()).isEqualTo(rows.size());
        assertThat(csvOrder).containsExactlyInAnyOrderElementsOf(rows);
        assertThat(worstFirst).containsExactlyInAnyOrderElementsOf(rows);
        assertThat(keys(csvOrder)).containsExactlyElementsOf(h2Order(rows, "bank_code, loan_id, rule_order"));
        assertThat(keys(worstFirst)).containsExactlyElementsOf(h2Order(rows, """
                CASE severity WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END, county_code, bank_code, loan_id,
                rule_order"""));
    }

    @Test
    void noBreaches() {
        RunBreaches none = new RunBreaches.Builder().sorted();
        List<ExceptionRepository.Row> seen = new ArrayList<>();
        none.forEach(seen::add);
        none.forEachWorstFirst(seen::add);
        assertThat(none.size()).isZero();
        assertThat(seen).isEmpty();
    }

    private static String text(Random random, int parts) {
        StringBuilder s = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(parts); i < n; i++) {
            s.append(TEXT[random.nextInt(TEXT.length)]);
        }
        return s.toString();
    }

    /** What orders a row: severity, county, bank, loan and rule (ties keep no order, in H2 or here). */
    private static List<String> keys(List<ExceptionRepository.Row> rows) {
        return rows.stream().map(r -> r.rule().severity() + "|" + r.countyCode() + "|" + r.bankCode() + "|"
                + r.loanId() + "|" + r.rule().ordinal()).toList();
    }

    private static List<String> h2Order(List<ExceptionRepository.Row> rows, String orderBy) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:breaches" + orderBy.hashCode());
             Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE e (county_code VARCHAR(50), bank_code VARCHAR(50), loan_id VARCHAR(100),
                                    rule_order INT, severity VARCHAR(10))""");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO e VALUES (?, ?, ?, ?, ?)")) {
                for (ExceptionRepository.Row r : rows) {
                    ps.setString(1, r.countyCode());
                    ps.setString(2, r.bankCode());
                    ps.setString(3, r.loanId());
                    ps.setInt(4, r.rule().ordinal());
                    ps.setString(5, r.rule().severity().name());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            List<String> keys = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT severity, county_code, bank_code, loan_id, rule_order FROM e "
                    + "ORDER BY " + orderBy)) {
                while (rs.next()) {
                    keys.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4)
                            + "|" + rs.getInt(5));
                }
            }
            return keys;
        }
    }
}
