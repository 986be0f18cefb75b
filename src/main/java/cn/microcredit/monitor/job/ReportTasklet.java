package cn.microcredit.monitor.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import cn.microcredit.monitor.ops.RunThreads;
import cn.microcredit.monitor.ops.Seconds;
import cn.microcredit.monitor.ops.StopRequest;
import cn.microcredit.monitor.report.CsvReports;
import cn.microcredit.monitor.report.ExcelReports;
import cn.microcredit.monitor.report.OutputFolders;
import cn.microcredit.monitor.report.ReportData;
import cn.microcredit.monitor.report.ReportDataLoader;
import cn.microcredit.monitor.report.StagingFolders;
import cn.microcredit.monitor.store.ExceptionRepository;
import cn.microcredit.monitor.store.RunBreaches;

/** Writes every report of the run into a staging folder beside the published one; nobody reads it there. */
@Component
public class ReportTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ReportTasklet.class);

    private final ReportDataLoader loader;
    private final ExceptionRepository exceptions;
    private final CsvReports csv;
    private final ExcelReports excel;

    public ReportTasklet(ReportDataLoader loader, ExceptionRepository exceptions, CsvReports csv, ExcelReports excel) {
        this.loader = loader;
        this.exceptions = exceptions;
        this.csv = csv;
        this.excel = excel;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        RunParameters p = RunParameters.of(chunkContext);
        Path staging = p.stagingDir();
        StagingFolders.open(staging);
        try {
            long t0 = System.nanoTime();
            // Read once for the CSV file and every workbook, each of which prints them in its own order; on a thread
            // of its own while the figures are read here (at 1 M loans 1.0 s and 0.5 s, on one core otherwise idle).
            // The CSV files are then written on that thread while the workbooks are made here: making them starts on
            // one core a while (0.2 s of CSV at 1 M loans).
            ExecutorService worker = RunThreads.pool("breaches", 1);
            RunBreaches breaches;
            ReportData data;
            long t1;
            long csvNanos;
            try {
                Future<RunBreaches> read = worker.submit(() -> exceptions.read(p.runId()));
                data = loader.load(p.runId(), p.asOf());
                breaches = get(read);
                StopRequest.check();
                t1 = System.nanoTime();
                ReportData figures = data;
                Future<Long> csvFiles = worker.submit(() -> {
                    long t = System.nanoTime();
                    csv.write(figures, breaches, staging);
                    return System.nanoTime() - t;
                });
                excel.write(data, breaches, staging);
                csvNanos = get(csvFiles);
            } finally {
                worker.shutdownNow();
            }
            log.info("report: figures and {} breaches read {} s; workbooks {} s, CSV files {} s beside them",
                    breaches.size(), Seconds.ofNanos(t1 - t0), Seconds.ofNanos(System.nanoTime() - t1),
                    Seconds.ofNanos(csvNanos));
            OutputFolders.restrict(staging);
            try (var files = Files.walk(staging)) {
                StepCounts.record(contribution, 0, files.filter(Files::isRegularFile).count(), 0);
            }
        } catch (IOException e) {
            StagingFolders.discard(staging);
            // "No space left on device" alone does not say which disk. Not chained as the cause: the runner reports
            // the innermost cause's message, and this one is the message a person needs.
            IOException where = new IOException("写报表失败 (writing the reports to " + p.output() + " failed): "
                    + e.getMessage());
            where.addSuppressed(e);
            throw where;
        } catch (Exception | Error e) {
            // A half-written staging folder helps nobody (and may fill a disk that is already full); a stopped run
            // leaves none either.
            StagingFolders.discard(staging);
            throw e;
        }
        return RepeatStatus.FINISHED;
    }

    private static <T> T get(Future<T> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : new IllegalStateException(e.getCause());
        }
    }
}
