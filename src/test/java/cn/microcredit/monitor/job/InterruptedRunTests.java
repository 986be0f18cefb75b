package cn.microcredit.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.MonitorApplication;
import cn.microcredit.monitor.ops.StopOnSignal;
import cn.microcredit.monitor.tools.SampleDataGenerator;

/**
 * Nothing lost, nothing doubled when a run is interrupted. The job runs in a process of its own on generated data
 * (25,000 loans, two dates) and is stopped (SIGTERM) or killed (SIGKILL) part-way through 2026-10-31, then launched
 * again: the interrupted run publishes nothing, the published 2026-09-30 stays as it was, and the next launch's CSV
 * files are byte-identical to those of a run that was never interrupted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InterruptedRunTests {

    private static final String FIRST = "2026-09-30";
    private static final String SECOND = "2026-10-31";
    private static final Duration STEP_WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path work;

    private Path data;
    /** A database and output folder holding the published 2026-09-30 only; each test works on a copy. */
    private Path published;
    /** The CSV files of 2026-10-31 from a run that was never interrupted. */
    private Path uninterrupted;

    private record Result(int code, String console) {
    }

    @BeforeAll
    void publishTheFirstDateAndRunTheSecondUninterrupted() throws IOException {
        data = work.resolve("data");
        SampleDataGenerator.main(new String[] {"--out=" + data, "--loans=25000"});
        Path baseline = work.resolve("baseline");
        assertThat(runInProcess(baseline, FIRST).code()).isEqualTo(3);
        published = copyTree(baseline, work.resolve("published"));
        assertThat(runInProcess(baseline, SECOND).code()).isEqualTo(3);
        uninterrupted = baseline.resolve("out").resolve(SECOND);
    }

    @Test
    void sigtermStopsTheRunMidStepAsStoppedAndTheNextLaunchCompletesTheDate() throws Exception {
        Path dir = copyTree(published, work.resolve("sigterm"));

        try (JobProcess job = JobProcess.start(arguments(dir, SECOND))) {
            job.awaitOutput("ledgerLoadStep started", STEP_WAIT).terminate();

            assertThat(job.awaitExit(Duration.ofSeconds(StopOnSignal.WAIT_SECONDS + 15))).isEqualTo(1);
            assertThat(job.output())
                    .contains("ledgerLoadStep stopped", "(the run was stopped on request; nothing published")
                    // The loader noticed the stop part-way: it never got to its closing line.
                    .doesNotContain("ledger rows from");
        }

        // The roster loads beside the ledgers: it may have finished before the stop, or stopped too.
        assertThat(lastExecutionStatuses(dir)).contains("job STOPPED", "ledgerLoadStep STOPPED")
                .allMatch(s -> s.startsWith("job") || s.startsWith("prepareStep") || s.startsWith("rosterLoadStep")
                        || s.startsWith("ledgerLoadStep"));
        assertThat(runInProcess(dir, null, "--history").console()).containsPattern(SECOND + "\\s+\\d+ STOPPED ");
        assertNothingPublishedButTheFirstDate(dir);

        assertThat(runInProcess(dir, SECOND).code()).isEqualTo(3);
        assertSameCsvFiles(dir.resolve("out").resolve(SECOND));
    }

    @Test
    void sigkillInAnyStepLosesNothingAndTheNextLaunchWritesTheSameFiles() throws Exception {
        Path dir = copyTree(published, work.resolve("sigkill"));

        for (String step : List.of("ledgerLoadStep", "metricsStep", "rulesStep", "reportStep")) {
            try (JobProcess job = JobProcess.start(arguments(dir, SECOND))) {
                // At once: with chunked storage a step of this data set takes a few tenths of a second.
                job.awaitOutput(step + " started", STEP_WAIT).kill();

                assertThat(job.awaitExit(Duration.ofSeconds(15))).as(step).isEqualTo(128 + 9);
                assertThat(job.output()).as(step).doesNotContain("publishStep started");
                if (!step.equals("metricsStep")) {
                    // The metrics of 25,000 loans take some hundredths of a second: that kill may land in rulesStep.
                    assertThat(job.output()).as(step).doesNotContain(step + " completed");
                }
            }
            assertNothingPublishedButTheFirstDate(dir);
        }

        Result rerun = runInProcess(dir, SECOND);

        assertThat(rerun.code()).isEqualTo(3);
        assertThat(Files.readString(dir.resolve("logs/microcredit-monitor.log"))).contains("recovered run");
        assertSameCsvFiles(dir.resolve("out").resolve(SECOND));
        try (Stream<Path> out = Files.list(dir.resolve("out"))) {
            // The staging folder the kill during reportStep left is gone.
            assertThat(out.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(FIRST, SECOND,
                    ".publish.lock");
        }
        assertThat(runInProcess(dir, null, "--history").console())
                .containsPattern(SECOND + "\\s+\\d+ COMPLETED ").containsPattern(FIRST + "\\s+\\d+ COMPLETED ")
                .doesNotContain("FAILED", "STARTED");
    }

    /**
     * H2 writes a commit to its file up to half a second later unless told otherwise (WRITE_DELAY): a kill just after
     * the run began lost its STARTED execution, so the next launch had nothing to recover (a CI run saw it).
     */
    @Test
    void aKillJustAfterTheRunBeganLeavesItsStartedExecutionForTheNextLaunchToRecover() throws Exception {
        Path dir = copyTree(published, work.resolve("early-kill"));

        try (JobProcess job = JobProcess.start(arguments(dir, SECOND))) {
            job.awaitOutput("prepareStep completed", STEP_WAIT).kill();
            assertThat(job.awaitExit(Duration.ofSeconds(15))).isEqualTo(128 + 9);
        }

        assertThat(lastExecutionStatuses(dir)).startsWith("job STARTED", "prepareStep COMPLETED");
        assertThat(runInProcess(dir, SECOND).code()).isEqualTo(3);
        assertThat(Files.readString(dir.resolve("logs/microcredit-monitor.log"))).contains("recovered run");
        assertSameCsvFiles(dir.resolve("out").resolve(SECOND));
    }

    private String[] arguments(Path dir, String date, String... extra) {
        List<String> args = new ArrayList<>();
        if (date != null) {
            args.add("--input=" + data.resolve(date));
            args.add("--output=" + dir.resolve("out"));
            args.add("--log-dir=" + dir.resolve("logs"));
        }
        args.add("--db=jdbc:h2:file:" + dir.resolve("db/m").toAbsolutePath());
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private Result runInProcess(Path dir, String date, String... extra) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(console, true, StandardCharsets.UTF_8);
        int code = MonitorApplication.run(arguments(dir, date, extra), print, print);
        return new Result(code, console.toString(StandardCharsets.UTF_8));
    }

    private void assertNothingPublishedButTheFirstDate(Path dir) throws IOException {
        assertThat(dir.resolve("out").resolve(SECOND)).doesNotExist();
        Path before = published.resolve("out").resolve(FIRST);
        Path now = dir.resolve("out").resolve(FIRST);
        List<Path> files = relativeFiles(before);
        assertThat(relativeFiles(now)).isEqualTo(files);
        for (Path f : files) {
            assertThat(Files.mismatch(before.resolve(f), now.resolve(f))).as(f.toString()).isEqualTo(-1L);
        }
    }

    private void assertSameCsvFiles(Path folder) throws IOException {
        List<Path> csv = relativeFiles(uninterrupted).stream().filter(p -> p.toString().endsWith(".csv")).toList();
        assertThat(csv).hasSizeGreaterThanOrEqualTo(6);
        for (Path f : csv) {
            assertThat(Files.mismatch(uninterrupted.resolve(f), folder.resolve(f))).as(f.toString()).isEqualTo(-1L);
        }
    }

    /** The status of the latest job execution and of each of its steps, as the Spring Batch job repository holds them. */
    private static List<String> lastExecutionStatuses(Path dir) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db/m").toAbsolutePath(), "sa",
                "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT j.STATUS, st.STEP_NAME, st.STATUS
                     FROM BATCH_JOB_EXECUTION j JOIN BATCH_STEP_EXECUTION st ON st.JOB_EXECUTION_ID = j.JOB_EXECUTION_ID
                     WHERE j.JOB_EXECUTION_ID = (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)
                     ORDER BY st.STEP_EXECUTION_ID""")) {
            List<String> statuses = new java.util.ArrayList<>();
            while (rs.next()) {
                if (statuses.isEmpty()) {
                    statuses.add("job " + rs.getString(1));
                }
                statuses.add(rs.getString(2) + " " + rs.getString(3));
            }
            return statuses;
        }
    }

    private static List<Path> relativeFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    private static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
        return to;
    }
}
