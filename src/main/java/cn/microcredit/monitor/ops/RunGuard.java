package cn.microcredit.monitor.ops;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import cn.microcredit.monitor.job.RunParameters;
import cn.microcredit.monitor.store.RunRepository;

/**
 * One run at a time per database, and no execution left "running" by a crash.
 * <ul>
 *   <li>PostgreSQL: a session-level advisory lock held on a connection of its own for the whole run; a second launch
 *       (cron fired twice, last night's run still going) finds it taken and refuses at once, naming the execution
 *       that runs. H2 needs no more: its file lock already keeps a second process out.</li>
 *   <li>Holding the lock, any execution the job repository still shows as running cannot be alive: its process died.
 *       It is recovered ({@link JobOperator#recover}: marked FAILED) and its run marked failed, with a log line.</li>
 * </ul>
 */
@Component
public class RunGuard {

    /** Our advisory lock key: "mcmonitr" in ASCII. */
    public static final long LOCK_KEY = 0x6D636D6F6E697472L;
    static final String JOB_NAME = "monitorJob";
    private static final Logger log = LoggerFactory.getLogger(RunGuard.class);

    private final DataSource dataSource;
    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final RunRepository runs;

    public RunGuard(DataSource dataSource, JobRepository jobRepository, JobOperator jobOperator, RunRepository runs) {
        this.dataSource = dataSource;
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.runs = runs;
    }

    /** Held for the length of a run; closing it lets the next run start. */
    public interface Lock extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes the run lock and recovers crashed executions.
     *
     * @throws RunInProgressException when another run holds the lock
     */
    public Lock acquire() {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            if (isPostgres(connection)) {
                connection.setAutoCommit(true);
                try (Statement s = connection.createStatement();
                     ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + LOCK_KEY + ")")) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        connection.close();
                        throw new RunInProgressException(describeRunning());
                    }
                }
            } else {
                connection.close();
                connection = null;
            }
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("cannot take the run lock: " + e.getMessage(), e);
        }
        recoverCrashed();
        Connection held = connection;
        return () -> closeQuietly(held);
    }

    private void recoverCrashed() {
        for (JobExecution stale : jobRepository.findRunningJobExecutions(JOB_NAME)) {
            jobOperator.recover(stale);
            runs.markFailed(stale.getJobInstanceId());
            log.warn("recovered run {} (execution {}, started {}): its process ended without finishing; marked FAILED",
                    stale.getJobInstanceId(), stale.getId(), stale.getStartTime());
        }
    }

    private String describeRunning() {
        Set<JobExecution> running = jobRepository.findRunningJobExecutions(JOB_NAME);
        if (running.isEmpty()) {
            return "另一次运行持有运行锁 (another run holds the run lock)";
        }
        return running.stream().sorted(Comparator.comparing(JobExecution::getId))
                .map(e -> "run " + e.getJobInstanceId() + " (execution " + e.getId() + ", as-of "
                        + e.getJobParameters().getLocalDate(RunParameters.AS_OF) + ", started " + e.getStartTime() + ")")
                .collect(Collectors.joining("; ", "另一次运行正在进行 (another run is in progress): ", ""));
    }

    private static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                .contains("postgres");
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("closing the run lock connection: {}", e.getMessage());
        }
    }

    /** Another run holds the lock: this one must not start. */
    public static class RunInProgressException extends RuntimeException {
        public RunInProgressException(String message) {
            super(message);
        }
    }
}
