package cn.microcredit.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.MonitorApplication;
import cn.microcredit.monitor.ops.RunGuard;

/**
 * A run left "running" by a dead process is recovered on the next launch; on the H2 file database and on PostgreSQL a
 * launch while another run holds the lock refuses at once, naming the run, and the run in progress is unaffected.
 */
class RunGuardTests {

    private static final String SERVER = System.getProperty("monitor.test.postgres",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

    @TempDir
    Path work;

    private record Result(int code, String out) {
    }

    private Result run(String date, String db) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = MonitorApplication.run(new String[] {"--input=src/test/resources/e2e/" + date,
                "--output=" + work.resolve("out"), "--db=" + db, "--log-dir=" + work.resolve("logs")}, print, print);
        return new Result(code, out.toString(StandardCharsets.UTF_8));
    }

    /** What a SIGKILL during the last run would have left in the job repository. */
    private static void pretendTheLastExecutionIsStillRunning(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("""
                    UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL, EXIT_CODE = 'UNKNOWN'
                    WHERE JOB_EXECUTION_ID = (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)""");
        }
    }

    private static String lastStatusOfExecution(Connection c, long id) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = " + id)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void anExecutionLeftRunningByACrashIsRecoveredOnTheNextLaunch() throws Exception {
        String db = "jdbc:h2:file:" + work.resolve("db/m").toAbsolutePath();
        assertThat(run("2026-06-30", db).code()).isZero();
        try (Connection c = DriverManager.getConnection(db, "sa", "")) {
            pretendTheLastExecutionIsStillRunning(c);
        }

        Result next = run("2026-07-31", db);

        assertThat(next.code()).isEqualTo(3);
        assertThat(Files.readString(work.resolve("logs/microcredit-monitor.log")))
                .contains("recovered run 1 (execution 1");
        try (Connection c = DriverManager.getConnection(db, "sa", "")) {
            assertThat(lastStatusOfExecution(c, 1)).isEqualTo("FAILED");
        }
        // The crash came after 2026-06-30 was published: it stays the previous date of 2026-07-31.
        assertThat(Files.readString(work.resolve("out/2026-07-31/run_summary.json")))
                .contains("\"previous_as_of\": \"2026-06-30\"");
    }

    @Test
    void aRunLeftStartedByAProcessThatDiedIsClearedWhenTheNextRunPublishes() throws Exception {
        String db = "jdbc:h2:file:" + work.resolve("db/m").toAbsolutePath();
        assertThat(run("2026-06-30", db).code()).isZero();
        // What a process that ran out of time after SIGTERM leaves: its execution STOPPED, its run still STARTED.
        try (Connection c = DriverManager.getConnection(db, "sa", ""); Statement s = c.createStatement()) {
            s.executeUpdate("""
                    INSERT INTO monitor_run (run_id, as_of, input_dir, status, started_at)
                    VALUES (99, DATE '2026-05-31', '/in/2026-05-31', 'STARTED', CURRENT_TIMESTAMP)""");
            s.executeUpdate("""
                    INSERT INTO run_bank (run_id, bank_code, bank_name, overall_npl_pct) VALUES (99, 'B9', 'x', 1)""");
        }

        assertThat(run("2026-07-31", db).code()).isEqualTo(3);

        try (Connection c = DriverManager.getConnection(db, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT (SELECT COUNT(*) FROM monitor_run WHERE run_id = 99)
                          + (SELECT COUNT(*) FROM run_bank WHERE run_id = 99)""")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    /**
     * Cron fired twice on the H2 file database: the second launch refuses before anything starts, naming the run that
     * holds the database, and the first completes as if alone; a launch after it runs.
     */
    @Test
    void onH2ASecondLaunchRefusesAtOnceNamingTheRunningRunAndTheFirstIsUnaffected() throws Exception {
        String db = "jdbc:h2:file:" + work.resolve("db/m").toAbsolutePath();
        Path sample = Path.of("sample-data");

        try (JobProcess first = JobProcess.start("--input=" + sample.resolve("2026-09-30"),
                "--output=" + work.resolve("out"), "--db=" + db)) {
            first.awaitOutput("ledgerLoadStep started", java.time.Duration.ofSeconds(90));

            Result second = run("2026-06-30", db);
            Result history = runWith("--history", "--db=" + db);

            assertThat(second.code()).isEqualTo(1);
            assertThat(second.out()).contains("another run is in progress", "run 1 (execution 1, as-of 2026-09-30",
                    "process " + first.pid(), "本次未启动 (not started)")
                    // Refused before Spring started: no stack trace, no job.
                    .doesNotContain("Exception", "prepareStep");
            assertThat(history.code()).isEqualTo(1);
            assertThat(history.out()).contains("run 1 (execution 1, as-of 2026-09-30");
            assertThat(work.resolve("out/2026-06-30")).doesNotExist();

            assertThat(first.awaitExit(java.time.Duration.ofSeconds(90))).isEqualTo(3);
            assertThat(first.output()).doesNotContain("FAILED");
        }
        assertThat(work.resolve("out/2026-09-30/run_summary.json")).exists();
        // The lock is free again, and empty.
        assertThat(Files.readString(work.resolve("db/m.run.lock"))).isEmpty();
        assertThat(run("2026-06-30", db).code()).isZero();
    }

    private Result runWith(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = MonitorApplication.run(args, print, print);
        return new Result(code, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void onPostgresASecondLaunchRefusesWhileARunHoldsTheLock() throws Exception {
        String db = "monitor_test_guard_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = admin()) {
            try (Statement s = admin.createStatement()) {
                s.execute("CREATE DATABASE " + db);
            }
        } catch (SQLException e) {
            assumeTrue(false, "PostgreSQL test skipped: no server answers at " + SERVER + " (" + e.getMessage() + ")");
        }
        String url = SERVER.replaceFirst("^(jdbc:postgresql://[^/?]*)/?[^?]*", "$1/" + db);
        try {
            assertThat(run("2026-06-30", url).code()).isZero();
            try (Connection running = DriverManager.getConnection(url)) {
                pretendTheLastExecutionIsStillRunning(running);
                try (Statement s = running.createStatement()) {
                    s.execute("SELECT pg_advisory_lock(" + RunGuard.LOCK_KEY + ")");
                }

                Result refused = run("2026-07-31", url);

                assertThat(refused.code()).isEqualTo(1);
                assertThat(refused.out()).contains("another run is in progress", "run 1 (execution 1, as-of 2026-06-30");
                assertThat(work.resolve("out/2026-07-31")).doesNotExist();
            }

            Result after = run("2026-07-31", url);

            assertThat(after.code()).isEqualTo(3);
            assertThat(Files.readString(work.resolve("logs/microcredit-monitor.log")))
                    .contains("recovered run 1 (execution 1");
        } finally {
            try (Connection admin = admin(); Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        }
    }

    private static Connection admin() throws SQLException {
        Properties timeouts = new Properties();
        timeouts.setProperty("connectTimeout", "3");
        timeouts.setProperty("loginTimeout", "5");
        return DriverManager.getConnection(SERVER, timeouts);
    }
}
