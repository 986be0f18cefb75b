package cn.microcredit.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.MonitorApplication;

/**
 * Runs the job over the bundled sample data and checks it against {@code sample-data/expected-problems.csv}, written
 * from the generator's design and checked by an independent implementation: every deliberate reject at its file and
 * line, exactly the expected exceptions and none of the boundary cases designed not to fire.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleDataFunctionalTests {

    private static final Path SAMPLE = Path.of("sample-data");
    private static final List<String> DATES = List.of("2026-09-30", "2026-10-31");

    @TempDir
    static Path work;

    private List<CSVRecord> expected;

    @BeforeAll
    void runBothDates() throws IOException {
        String db = "--db=jdbc:h2:file:" + work.resolve("db/sample").toAbsolutePath();
        for (String date : DATES) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = MonitorApplication.run(new String[] {"--input=" + SAMPLE.resolve(date),
                    "--output=" + work.resolve("out"), db}, new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            // JZB is in banks.csv without a ledger on both dates.
            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(3);
        }
        expected = read(SAMPLE.resolve("expected-problems.csv"));
    }

    @Test
    void everyExpectedExceptionAndNoOther() throws IOException {
        for (String date : DATES) {
            Set<String> want = expected.stream()
                    .filter(r -> r.get("as_of").equals(date) && r.get("kind").equals("EXCEPTION"))
                    .map(r -> r.get("bank_code") + "|" + r.get("loan_id") + "|" + r.get("code"))
                    .collect(Collectors.toSet());
            Set<String> got = read(work.resolve("out").resolve(date).resolve("exceptions.csv")).stream()
                    .map(r -> r.get("bank_code") + "|" + r.get("loan_id") + "|" + r.get("rule"))
                    .collect(Collectors.toSet());
            assertThat(got).as(date).containsExactlyInAnyOrderElementsOf(want);
        }
    }

    @Test
    void boundaryCasesDesignedNotToFireDoNot() throws IOException {
        for (String date : DATES) {
            Set<String> got = read(work.resolve("out").resolve(date).resolve("exceptions.csv")).stream()
                    .map(r -> r.get("bank_code") + "|" + r.get("loan_id") + "|" + r.get("rule"))
                    .collect(Collectors.toSet());
            List<String> mustNot = expected.stream()
                    .filter(r -> r.get("as_of").equals(date) && r.get("kind").equals("NO_EXCEPTION"))
                    .map(r -> r.get("bank_code") + "|" + r.get("loan_id") + "|" + r.get("code")).toList();
            assertThat(mustNot).as(date).isNotEmpty();
            assertThat(got).as(date).doesNotContainAnyElementsOf(mustNot);
        }
    }

    @Test
    void everyDeliberateRejectAtItsFileAndLine() throws IOException {
        for (String date : DATES) {
            Set<String> want = expected.stream()
                    .filter(r -> r.get("as_of").equals(date) && r.get("kind").equals("REJECT"))
                    .map(r -> r.get("file") + ":" + r.get("line") + ":" + r.get("code"))
                    .collect(Collectors.toSet());
            Set<String> got = read(work.resolve("out").resolve(date).resolve("rejects.csv")).stream()
                    .map(r -> r.get("file") + ":" + r.get("line") + ":" + r.get("reason"))
                    .collect(Collectors.toSet());
            assertThat(got).as(date).containsExactlyInAnyOrderElementsOf(want);
        }
    }

    @Test
    void summaryReconcilesEveryFile() throws IOException {
        String summary = Files.readString(work.resolve("out/2026-10-31/run_summary.json"));
        assertThat(summary).contains("\"rows_read\": 1343", "\"rows_accepted\": 1333", "\"rows_rejected\": 10",
                "\"banks_missing\": [\"JZB\"]", "\"roster\": \"used\"", "\"exit_code\": 3");
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader in = new java.io.StringReader(Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", ""))) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).stream()
                    .map(r -> r).toList();
        }
    }
}
