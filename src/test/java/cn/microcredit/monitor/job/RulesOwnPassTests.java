package cn.microcredit.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.MonitorApplication;

/**
 * The loans are checked against SPEC 5.3 in the metrics step's pass over them; when the rules step gets nothing from
 * that pass (the metrics step ran in another process), it checks them in a pass of its own. Likewise the roster's
 * index is built as the roster step reads the roster, or else from the stored roster. Both ways find the same
 * breaches: every exceptions.csv of the sample's three dates is the same byte for byte.
 */
class RulesOwnPassTests {

    private static final List<String> DATES = List.of("2026-09-30", "2026-10-31", "2026-11-30");
    private static final String OWN_PASS = "monitor.rules.checked-in-metrics-pass";
    private static final String ROSTER_INDEXED_WHILE_LOADING = "monitor.roster.indexed-while-loading";

    @TempDir
    Path work;

    @Test
    void theRulesStepsOwnPassFindsWhatTheMetricsStepsPassFinds() throws IOException {
        runSample("metrics-pass");
        System.setProperty(OWN_PASS, "false");
        System.setProperty(ROSTER_INDEXED_WHILE_LOADING, "false");
        try {
            runSample("own-pass");
        } finally {
            System.clearProperty(OWN_PASS);
            System.clearProperty(ROSTER_INDEXED_WHILE_LOADING);
        }

        for (String date : DATES) {
            Path inMetrics = work.resolve("metrics-pass/out").resolve(date).resolve("exceptions.csv");
            Path own = work.resolve("own-pass/out").resolve(date).resolve("exceptions.csv");
            assertThat(Files.readAllLines(inMetrics)).as(date).hasSizeGreaterThan(10)
                    .anyMatch(line -> line.contains(",NOT_ON_ROSTER,"))
                    .anyMatch(line -> line.contains(",ROSTER_COUNTY_MISMATCH,"));
            assertThat(Files.mismatch(inMetrics, own)).as(date).isEqualTo(-1L);
        }
    }

    private void runSample(String name) {
        for (String date : DATES) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = MonitorApplication.run(new String[] {"--input=" + Path.of("sample-data", date),
                    "--output=" + work.resolve(name).resolve("out"),
                    "--db=jdbc:h2:file:" + work.resolve(name).resolve("db/m").toAbsolutePath()},
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
            // JZB is in banks.csv without a ledger on every date.
            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(3);
        }
    }
}
