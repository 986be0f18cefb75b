package cn.microcredit.monitor.job;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.MonitorApplication;

/**
 * Issue 17, item 1: two databases (two analysts, a test and a production run) sharing one {@code --output}. A
 * published folder is always exactly one run's own complete result, and a run never deletes another's staging folder
 * unless that one's process has ended.
 */
class SharedOutputTests {

    private static final Path E2E = Path.of("src/test/resources/e2e/2026-06-30");

    @TempDir
    Path work;

    private int run(Path input, String db) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        return MonitorApplication.run(new String[] {"--input=" + input, "--output=" + work.resolve("out"),
                "--db=jdbc:h2:file:" + work.resolve(db).toAbsolutePath()}, print, print);
    }

    /** The e2e date with bank B1's ledger only: its run publishes no B2 row. */
    private Path onlyB1() throws IOException {
        Path in = work.resolve("b1only/2026-06-30");
        Files.createDirectories(in.resolve("ledgers"));
        Files.copy(E2E.resolve("banks.csv"), in.resolve("banks.csv"), REPLACE_EXISTING);
        Files.copy(E2E.resolve("ledgers/b1.csv"), in.resolve("ledgers/b1.csv"), REPLACE_EXISTING);
        return in;
    }

    @Test
    void anotherDatabasesStagingFolderOfTheSameRunNumberIsNeitherUsedNorDeleted() throws IOException {
        Path out = work.resolve("out");
        // Another database's run 1 of the same date, writing its reports right now (its process holds the lock),
        // and an earlier version's staging folder of today (no lock file: it may still be written).
        Path theirs = out.resolve(".2026-06-30.run-1-0123456789abcdef.tmp");
        Path legacy = out.resolve(".2026-06-30.run-1.tmp");
        Files.createDirectories(theirs);
        Files.createDirectories(legacy);
        Files.writeString(theirs.resolve("county_metrics.csv"), "theirs");
        Files.writeString(legacy.resolve("county_metrics.csv"), "legacy");
        // A staging folder whose process died: its lock file is there but nobody holds it.
        Path dead = out.resolve(".2026-06-30.run-3-fedcba9876543210.tmp");
        Files.createDirectories(dead);
        Files.writeString(out.resolve(".2026-06-30.run-3-fedcba9876543210.lock"), "");

        try (FileChannel channel = FileChannel.open(out.resolve(".2026-06-30.run-1-0123456789abcdef.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {
            assertThat(run(E2E, "db/a")).isZero();
        }

        assertThat(Files.readString(theirs.resolve("county_metrics.csv"))).isEqualTo("theirs");
        assertThat(Files.readString(legacy.resolve("county_metrics.csv"))).isEqualTo("legacy");
        assertThat(dead).doesNotExist();
        assertThat(out.resolve(".2026-06-30.run-3-fedcba9876543210.lock")).doesNotExist();
        assertThat(Files.readString(out.resolve("2026-06-30/county_metrics.csv"))).startsWith("\uFEFFas_of,");
        try (Stream<Path> left = Files.list(out)) {
            // Only the foreign folders, their lock, and the output's publish lock are left beside the published date.
            assertThat(left.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                    ".2026-06-30.run-1-0123456789abcdef.lock",
                    ".2026-06-30.run-1-0123456789abcdef.tmp", ".2026-06-30.run-1.tmp", ".publish.lock", "2026-06-30");
        }
    }

    @Test
    void twoProcessesOnTwoDatabasesPublishEachAWholeResultOfTheirOwn() throws Exception {
        Path b1only = onlyB1();
        Path out = work.resolve("out");
        for (int round = 0; round < 2; round++) {
            try (JobProcess both = JobProcess.start("--input=" + E2E, "--output=" + out,
                    "--db=jdbc:h2:file:" + work.resolve("db/both" + round).toAbsolutePath());
                 JobProcess one = JobProcess.start("--input=" + b1only, "--output=" + out,
                    "--db=jdbc:h2:file:" + work.resolve("db/one" + round).toAbsolutePath())) {
                assertThat(both.awaitExit(Duration.ofMinutes(2))).as(both.output()).isZero();
                assertThat(one.awaitExit(Duration.ofMinutes(2))).as(one.output()).isEqualTo(3);
            }
            Path published = out.resolve("2026-06-30");
            String summary = Files.readString(published.resolve("run_summary.json"));
            String banks = Files.readString(published.resolve("bank_metrics.csv"));
            // Whichever published last: its summary and its figures belong together.
            if (summary.contains("ledgers/b2.csv")) {
                assertThat(banks).contains("2026-06-30,B2,");
            } else {
                assertThat(banks).doesNotContain("2026-06-30,B2,");
            }
            assertThat(published.resolve("rejects.csv")).exists();
            assertThat(published.resolve("exceptions.csv")).exists();
            try (Stream<Path> left = Files.list(out)) {
                assertThat(left.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList())
                        .isEmpty();
            }
        }
    }
}
