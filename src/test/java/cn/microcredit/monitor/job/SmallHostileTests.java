package cn.microcredit.monitor.job;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.MonitorApplication;

/** Issue 17, item 11: the smaller ones. */
class SmallHostileTests {

    private static final Path E2E = Path.of("src/test/resources/e2e/2026-06-30");

    @TempDir
    Path work;

    private Path input() throws IOException {
        Path in = work.resolve("in/2026-06-30");
        Files.createDirectories(in.resolve("ledgers"));
        Files.copy(E2E.resolve("banks.csv"), in.resolve("banks.csv"), REPLACE_EXISTING);
        Files.copy(E2E.resolve("ledgers/b1.csv"), in.resolve("ledgers/b1.csv"), REPLACE_EXISTING);
        return in;
    }

    private int run(Path in, ByteArrayOutputStream out) {
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        return MonitorApplication.run(new String[] {"--input=" + in, "--output=" + work.resolve("out"),
                "--db=jdbc:h2:file:" + work.resolve("db/m").toAbsolutePath()}, print, print);
    }

    @Test
    void aFileInThePlaceOfTheDatesFolderIsNeitherDeletedNorReplaced() throws IOException {
        Path in = input();
        Files.createDirectories(work.resolve("out"));
        Files.writeString(work.resolve("out/2026-06-30"), "someone's notes");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(run(in, out)).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--output: ", "2026-06-30 已存在且不是文件夹");
        assertThat(work.resolve("out/2026-06-30")).hasContent("someone's notes");
    }

    @Test
    void aNewlineInALedgerFileNameCannotForgeALineOfTheConsoleSummaryOrTheLog() throws Exception {
        Path in = input();
        Files.copy(E2E.resolve("ledgers/b2.csv"), in.resolve("ledgers/b2\nFAILED forged line.csv"));
        try (JobProcess job = JobProcess.start("--input=" + in, "--output=" + work.resolve("out"),
                "--db=jdbc:h2:file:" + work.resolve("db/p").toAbsolutePath(), "--log-dir=" + work.resolve("logs"))) {
            assertThat(job.awaitExit(Duration.ofMinutes(2))).as(job.output()).isZero();
            assertThat(job.output().lines()).noneMatch(l -> l.startsWith("FAILED forged line"))
                    .anyMatch(l -> l.contains("b2⏎FAILED forged line.csv"));
        }
        assertThat(Files.readAllLines(work.resolve("logs/microcredit-monitor.log")))
                .noneMatch(l -> l.startsWith("FAILED forged line"));
    }

    @Test
    void aKnownFailureShowsItsMessageOnTheConsoleAndItsStackTraceOnlyInTheLogFile() throws Exception {
        Path in = input();
        Files.writeString(in.resolve("banks.csv"), "bank_code,bank_name,overall_npl_pct\nB1,甲农商银行,abc\n");
        try (JobProcess job = JobProcess.start("--input=" + in, "--output=" + work.resolve("out"),
                "--db=jdbc:h2:file:" + work.resolve("db/p").toAbsolutePath(), "--log-dir=" + work.resolve("logs"))) {
            assertThat(job.awaitExit(Duration.ofMinutes(2))).isEqualTo(1);
            assertThat(job.output()).contains("banks.csv 第2行").doesNotContain("\tat ");
        }
        assertThat(Files.readString(work.resolve("logs/microcredit-monitor.log"))).contains("\tat ");
    }

    @Test
    void h2WritesNoTraceFile() throws IOException {
        assertThat(run(input(), new ByteArrayOutputStream())).isEqualTo(3);
        try (Stream<Path> files = Files.list(work.resolve("db"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".trace.db"));
        }
    }

    @Test
    void theWorkbookTempFolderOfAKilledRunIsRemovedAtTheNextStart() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        // A process id no process has: the run that made this folder was killed.
        long dead = ProcessHandle.current().pid() + 4_000_000L;
        Path stale = Files.createDirectories(tmp.resolve("microcredit-poi-" + dead + "-123"));
        Files.writeString(stale.resolve("poi-sxssf-sheet.xml"), "rows");
        Path unnamed = Files.createDirectories(tmp.resolve("microcredit-poi-legacy123"));
        try {
            cn.microcredit.monitor.report.PoiTempFolderAccess.deleteStale(tmp);

            assertThat(stale).doesNotExist();
            assertThat(unnamed).exists();
        } finally {
            cn.microcredit.monitor.report.PoiTempFolderAccess.deleteTree(stale);
            cn.microcredit.monitor.report.PoiTempFolderAccess.deleteTree(unnamed);
        }
    }

    @Test
    void anUnreadableXlsxIsRejectedWithoutTheServersPath() throws IOException {
        Path in = input();
        Files.writeString(in.resolve("ledgers/broken.xlsx"), "PK not really a zip");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(run(in, out)).isEqualTo(3);
        String rejects = Files.readString(work.resolve("out/2026-06-30/rejects.csv"));
        assertThat(rejects).contains("ledgers/broken.xlsx,1,,,UNREADABLE_FILE,")
                .doesNotContain(work.toAbsolutePath().toString());
    }
}
