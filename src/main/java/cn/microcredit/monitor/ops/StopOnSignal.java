package cn.microcredit.monitor.ops;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

import cn.microcredit.monitor.cli.MonitorRunner;

/**
 * SIGTERM while a run is going (kill, systemctl stop, a server shutting down): the run is stopped the way Spring Batch
 * stops a job ({@link JobOperator#stop}: the execution ends STOPPED, told apart from a crash, and the running step
 * ends at its next {@link StopRequest#check()}), the hook waits up to {@value #WAIT_SECONDS} s for the run to end, and
 * the process exits with the run's exit code (1: nothing published) instead of the 143 of a killed process.
 * <p>
 * A JVM that is shutting down cannot {@code System.exit}: the entry point hands the exit code over through
 * {@link #runEnded(int)} once the run and its database are closed, and this hook ends the process with it. Spring's
 * own shutdown hooks are off (application.properties), so that the database stays open while the run stops.
 */
public final class StopOnSignal extends Thread {

    public static final int WAIT_SECONDS = 30;
    private static final Logger log = LoggerFactory.getLogger(StopOnSignal.class);
    private static final CompletableFuture<Integer> RUN_ENDED = new CompletableFuture<>();

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final PrintStream console;

    private StopOnSignal(JobRepository jobRepository, JobOperator jobOperator, PrintStream console) {
        super("stop-on-signal");
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.console = console;
    }

    /** Installs the hook for the length of one run; {@link #uninstall()} when the run is over. */
    public static StopOnSignal install(JobRepository jobRepository, JobOperator jobOperator, PrintStream console) {
        StopOnSignal hook = new StopOnSignal(jobRepository, jobOperator, console);
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    public void uninstall() {
        try {
            Runtime.getRuntime().removeShutdownHook(this);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it ends the process once the entry point reports the exit code.
        }
    }

    /** Called by the entry point once the run is over and its database closed: the exit code for a stopping JVM. */
    public static void runEnded(int exitCode) {
        RUN_ENDED.complete(exitCode);
    }

    @Override
    public void run() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        if (StopRequest.forbidPublishing()) {
            log.warn("SIGTERM: stopping the run; waiting up to {} s for it to end", WAIT_SECONDS);
            try {
                stopRunningExecution(deadline);
            } catch (RuntimeException e) {
                log.error("could not record the stop in the job repository: {}", MonitorRunner.rootMessage(e));
            }
            StopRequest.request();
        } else {
            log.warn("SIGTERM while the run publishes its results: publication completes first");
        }
        int exitCode;
        try {
            exitCode = RUN_ENDED.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            log.error("the run did not end within {} s of SIGTERM; exiting anyway, nothing published; the next launch "
                    + "marks it FAILED and runs the date again", WAIT_SECONDS);
            console.println("失败 FAILED: 收到停止信号后 " + WAIT_SECONDS + " 秒内运行未结束，强行退出，未发布任何结果 "
                    + "(the run did not end within " + WAIT_SECONDS + " s of SIGTERM; nothing published)");
            exitCode = 1;
        } catch (Exception e) {
            exitCode = 1;
        }
        console.flush();
        Runtime.getRuntime().halt(exitCode);
    }

    /** The execution may not exist yet (the signal came while the job was starting): looks again until it does. */
    private void stopRunningExecution(long deadline) {
        while (!RUN_ENDED.isDone() && System.nanoTime() < deadline) {
            Set<JobExecution> running = jobRepository.findRunningJobExecutions(RunGuard.JOB_NAME);
            for (JobExecution execution : running) {
                MDC.put(RunIdLogging.KEY, Long.toString(execution.getJobInstanceId()));
                try {
                    jobOperator.stop(execution);
                    log.warn("asked Spring Batch to stop execution {}", execution.getId());
                } catch (JobExecutionNotRunningException e) {
                    log.info("execution {} ended before it could be stopped", execution.getId());
                }
            }
            if (!running.isEmpty()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
