package cn.microcredit.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.MonitorApplication;

/**
 * The job repository tells the truth about each step: {@code BATCH_STEP_EXECUTION} holds what the step read, wrote
 * and filtered out, the same figures as {@code run_summary.json} (hand-checked fixture {@code e2e/2026-06-30}: 12 ledger
 * rows, 8 accepted, 4 rejected; 7 outstanding loans; see {@code e2e/README.md}).
 */
class StepCountsFunctionalTests {

    @TempDir
    Path work;

    @Test
    void eachStepRecordsWhatItReadWroteAndFiltered() throws Exception {
        String db = "jdbc:h2:file:" + work.resolve("db/monitor").toAbsolutePath();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MonitorApplication.run(new String[] {"--input=src/test/resources/e2e/2026-06-30",
                "--output=" + work.resolve("out"), "--db=" + db},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();

        Map<String, long[]> counts = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(db, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT STEP_NAME, READ_COUNT, WRITE_COUNT, FILTER_COUNT FROM BATCH_STEP_EXECUTION
                     ORDER BY STEP_EXECUTION_ID""")) {
            while (rs.next()) {
                counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
            }
        }
        assertThat(counts.get("ledgerLoadStep")).containsExactly(12, 8, 4);
        assertThat(counts.get("rosterLoadStep")).containsExactly(0, 0, 0); // this date sends no roster.csv
        // 7 outstanding loans; cells: 4 bank x county + 3 counties + 2 banks + the province.
        assertThat(counts.get("metricsStep")).containsExactly(7, 10, 0);
        assertThat(counts.get("rulesStep")[0]).isEqualTo(7);
        assertThat(counts.get("reportStep")[1]).isGreaterThanOrEqualTo(8);
    }
}
