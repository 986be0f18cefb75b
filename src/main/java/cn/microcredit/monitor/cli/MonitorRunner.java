package cn.microcredit.monitor.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import cn.microcredit.monitor.ingest.FileResult;
import cn.microcredit.monitor.job.PublishTasklet;
import cn.microcredit.monitor.job.RunParameters;
import cn.microcredit.monitor.metrics.Status;
import cn.microcredit.monitor.ops.RunGuard;
import cn.microcredit.monitor.ops.RunIdLogging;
import cn.microcredit.monitor.ops.StopOnSignal;
import cn.microcredit.monitor.ops.StopRequest;
import cn.microcredit.monitor.report.Outbox;
import cn.microcredit.monitor.report.ReportDataLoader;
import cn.microcredit.monitor.report.RunSummary;
import cn.microcredit.monitor.report.StagingFolders;
import cn.microcredit.monitor.store.LoanSnapshotTable;
import cn.microcredit.monitor.store.RunRepository;

/** Launches the job for one date and turns its outcome into the exit code of SPEC 2 and a summary a person reads. */
@Component
public class MonitorRunner {

    private static final Logger log = LoggerFactory.getLogger(MonitorRunner.class);

    private final JobOperator jobOperator;
    private final Job monitorJob;
    private final ReportDataLoader loader;
    private final RunRepository runs;
    private final RunGuard guard;
    private final JobRepository jobRepository;
    private final LoanSnapshotTable loanTable;

    public MonitorRunner(JobOperator jobOperator, Job monitorJob, ReportDataLoader loader, RunRepository runs,
                         RunGuard guard, JobRepository jobRepository, LoanSnapshotTable loanTable) {
        this.jobOperator = jobOperator;
        this.monitorJob = monitorJob;
        this.loader = loader;
        this.runs = runs;
        this.guard = guard;
        this.jobRepository = jobRepository;
        this.loanTable = loanTable;
    }

    public int run(CommandLineOptions options, PrintStream console) throws Exception {
        try {
            Files.createDirectories(options.output());
        } catch (Exception e) {
            throw new UsageException("--output: 无法创建输出文件夹 " + options.output() + " (" + e.getMessage() + ")");
        }
        if (!Files.isWritable(options.output())) {
            throw new UsageException("--output: 输出文件夹不可写: " + options.output());
        }
        java.nio.file.Path dateFolder = options.output().resolve(options.asOf().toString());
        if (Files.exists(dateFolder, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                && !Files.isDirectory(dateFolder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            // Issue 17, item 11: publishing used to delete whatever was there.
            throw new UsageException("--output: " + dateFolder + " 已存在且不是文件夹，不会覆盖 (exists and is not a "
                    + "folder; it is not replaced)");
        }
        try (RunGuard.Lock lock = guard.acquire()) {
            StopRequest.clear();
            StopOnSignal stopOnSignal = StopOnSignal.install(jobRepository, jobOperator, console);
            try {
                return launch(options, console);
            } finally {
                stopOnSignal.uninstall();
            }
        } catch (RunGuard.RunInProgressException e) {
            log.error("{}; this launch did not start", e.getMessage());
            console.println("失败 FAILED: " + e.getMessage() + "；本次未启动 (not started)");
            return 1;
        }
    }

    private int launch(CommandLineOptions options, PrintStream console) throws Exception {
        JobExecution execution = jobOperator.start(monitorJob,
                RunParameters.toJobParameters(options, System.currentTimeMillis()));
        long runId = execution.getJobInstanceId();
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            // Whatever step it ended in, a run that did not complete leaves no half-written reports behind.
            StagingFolders.discard(RunParameters.of(execution).stagingDir());
            discardLoanTable(runId);
        }
        if (execution.getStatus() == BatchStatus.STOPPED) {
            runs.markStopped(runId);
            log.warn("run {} for {} stopped on request: nothing published; launching it again runs the date anew",
                    runId, options.asOf());
            console.println("已停止 STOPPED: " + options.asOf() + " 的运行被要求停止，未发布任何结果，再次运行即可 "
                    + "(the run was stopped on request; nothing published; launch it again to run the date)");
            org.slf4j.MDC.remove(RunIdLogging.KEY);
            return 1;
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            runs.markFailed(runId);
            for (Throwable failure : execution.getAllFailureExceptions()) {
                if (failure instanceof AsOfCheck.Contradicted contradicted) {
                    log.error("run {} for {}: {}", runId, options.asOf(), contradicted.getMessage());
                    console.println("参数错误 (usage error): " + contradicted.getMessage());
                    org.slf4j.MDC.remove(RunIdLogging.KEY);
                    return 2;
                }
            }
            String why = execution.getAllFailureExceptions().stream().map(MonitorRunner::rootMessage)
                    .collect(Collectors.joining("; "));
            log.error("run {} for {} failed ({}): {}", runId, options.asOf(), execution.getStatus(), why);
            console.println("失败 FAILED: " + options.asOf() + " 未发布任何结果 (nothing published): " + why);
            org.slf4j.MDC.remove(RunIdLogging.KEY);
            return 1;
        }
        RunSummary summary = loader.summary(runId, options.asOf());
        print(summary, options, console);
        try {
            if (options.outbox() != null) {
                var delivered = Outbox.deliver(options.output().resolve(options.asOf().toString()), options.outbox());
                log.info("outbox: {} workbooks delivered to {}", delivered.size(), options.outbox());
            }
        } catch (java.io.IOException e) {
            log.error("reports published, but the outbox delivery failed: {}", e.toString());
            console.println("报表已发布，但投递到 --outbox 失败 (published, outbox delivery failed): " + e);
            return 1;
        } finally {
            org.slf4j.MDC.remove(RunIdLogging.KEY);
        }
        return execution.getExecutionContext().getInt(PublishTasklet.EXIT_CODE);
    }

    /** Nor its loans set aside for loan_snapshot (personal data); if that fails, the next run drops them. */
    private void discardLoanTable(long runId) {
        try {
            loanTable.discard(runId);
        } catch (RuntimeException e) {
            log.warn("run {}: its loans loaded for loan_snapshot could not be dropped now ({}); the next run drops "
                    + "them", runId, rootMessage(e));
        }
    }

    private static void print(RunSummary s, CommandLineOptions options, PrintStream out) {
        out.println();
        out.printf("帮扶小额信贷风险监测 %s (run %d)%s%n", s.asOf(), s.runId(),
                s.previousAsOf() == null ? "，无对比日 (no comparison date, " + s.comparisonBasis() + ")"
                        : "，对比日 " + s.previousAsOf() + " (comparison date, " + s.comparisonBasis() + ")");
        printFiles(s, out);
        out.printf("  counties: %d PAUSE 暂停发放, %d WARN 风险提示, %d OK%n", s.counties(Status.PAUSE),
                s.counties(Status.WARN), s.counties(Status.OK));
        if (s.projection() != null) {
            out.printf("  outlook 预警: %d counties LIKELY_PAUSE 预计暂停; province projected overdue %s %%, NPL %s %%%n",
                    s.likelyPauseCounties(), s.projection().projectedOverdueRatePct(),
                    s.projection().projectedNplRatePct());
        }
        out.printf("  exceptions: %d loan-level rule breaches%s%n", s.exceptions(),
                s.roster().equals("used") ? "" : " (roster " + s.roster() + ": roster rules off)");
        s.exceptionsByRule().forEach((rule, n) -> out.printf("    %-28s %8d%n", rule, n));
        out.printf("  reports: %s%n", options.output().resolve(s.asOf().toString()));
        out.printf("  exit code %d%s%n", s.exitCode(), s.exitCode() == 3 ? " (some input could not be used whole)" : "");
    }

    /** Rows read, accepted and rejected per file and in total, and the banks that sent nothing. */
    public static void printFiles(RunSummary s, PrintStream out) {
        out.printf("  %-44s %10s %10s %10s%n", "file", "read", "accepted", "rejected");
        for (FileResult f : s.files()) {
            // A line break in a file name must not forge a line of this table (issue 17, item 11).
            out.printf("  %-44s %10d %10d %10d%s%n", f.file().replaceAll("[\\r\\n]+", "⏎"), f.rowsRead(),
                    f.rowsAccepted(), f.rowsRejected(),
                    f.rejectedWhole() ? "  REJECTED WHOLE: " + f.fileReject().reason() : "");
        }
        out.printf("  %-44s %10d %10d %10d%n", "total", s.rowsRead(), s.rowsAccepted(), s.rowsRejected());
        if (!s.banksMissing().isEmpty()) {
            out.println("  banks without any ledger row: " + String.join(", ", s.banksMissing()));
        }
    }

    /** The innermost cause's message, first line only: what a person needs to read of a failure. */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        // Database errors quote their whole statement: the first line says what went wrong.
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }
}
