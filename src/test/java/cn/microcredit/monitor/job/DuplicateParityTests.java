package cn.microcredit.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.MonitorApplication;

/**
 * Duplicate loan ids are found by two implementations: the nightly job's ({@code store/LoanRepository}, over the
 * fingerprints of the stored loans) and {@code --validate-only}'s ({@code ingest/DuplicateLoans}, without a
 * database). A bank that checks its files first must get the same answer as the night: over the same generated
 * ledgers (seeded, replayable: the seed is in the test name), both write the same {@code rejects.csv}, line for line,
 * and the same counts per file.
 */
class DuplicateParityTests {

    private static final String HEADER = "loan_id,bank_code,county_code,household_id,borrower_name,borrower_id_number,"
            + "issue_date,maturity_date,amount,balance,annual_rate,overdue_days,classification\n";

    @TempDir
    Path work;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void theJobAndValidateOnlyRejectTheSameDuplicates(long seed) throws IOException {
        Path in = work.resolve("in/2026-06-30");
        Files.createDirectories(in.resolve("ledgers"));
        Files.copy(Path.of("src/test/resources/e2e/2026-06-30/banks.csv"), in.resolve("banks.csv"));
        SplittableRandom random = new SplittableRandom(seed);
        // Four files, two banks; ids drawn from a small pool so that repeats happen within a file, across files of
        // one bank, and between the two banks (which are NOT duplicates: unique per bank).
        for (String file : List.of("a.csv", "b.csv", "c.csv", "d.csv")) {
            StringBuilder rows = new StringBuilder(HEADER);
            int n = 200 + random.nextInt(800);
            for (int i = 0; i < n; i++) {
                String bank = random.nextInt(3) == 0 ? "B2" : "B1";
                String id = "L" + random.nextInt(1500);
                rows.append(id).append(',').append(bank)
                        .append(",210123,H1,张三,210123197102111010,2026-03-10,2028-03-10,50000,45000,3.85,0,NORMAL\n");
                if (random.nextInt(50) == 0) {
                    rows.append('\n'); // blank lines move physical line numbers
                }
            }
            Files.writeString(in.resolve("ledgers").resolve(file), rows.toString());
        }

        Path out = work.resolve("out");
        String db = "--db=jdbc:h2:file:" + work.resolve("db/monitor").toAbsolutePath();
        assertThat(run("--input=" + in, "--output=" + out, db)).isIn(0, 3);
        assertThat(run("--input=" + in, "--output=" + out, "--validate-only")).isIn(0, 3);

        List<String> job = lines(out.resolve("2026-06-30/rejects.csv"));
        List<String> validated = lines(out.resolve("2026-06-30/validation/rejects.csv"));
        assertThat(job).hasSizeGreaterThan(10).allMatch(l -> l.startsWith("file,") || l.contains("DUPLICATE_LOAN"));
        assertThat(validated).containsExactlyElementsOf(job);
        assertThat(filesPart(out.resolve("2026-06-30/validation/run_summary.json")))
                .isEqualTo(filesPart(out.resolve("2026-06-30/run_summary.json")));
    }

    private static int run(String... args) {
        return MonitorApplication.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "").lines().toList();
    }

    /** The per-file rows read / accepted / rejected of a run summary. */
    private static String filesPart(Path summary) throws IOException {
        String json = Files.readString(summary, StandardCharsets.UTF_8);
        int start = json.indexOf("\"files\"");
        return json.substring(start, json.indexOf(']', start) + 1);
    }
}
