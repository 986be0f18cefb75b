package cn.microcredit.monitor.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import cn.microcredit.monitor.ops.StopRequest;
import cn.microcredit.monitor.report.ReportDataLoader;
import cn.microcredit.monitor.report.StagingFolders;
import cn.microcredit.monitor.store.LoanSnapshotTable;
import cn.microcredit.monitor.store.RunRepository;

/**
 * Moves the finished reports into OUTPUT/AS_OF and makes the run the date's published one. Until this step nothing
 * that people or the next run read has changed. A stop asked for before this step is honoured here; one asked for
 * during it is not (see {@link StopRequest}).
 */
@Component
public class PublishTasklet implements Tasklet {

    public static final String EXIT_CODE = "exitCode";
    private static final Logger log = LoggerFactory.getLogger(PublishTasklet.class);

    private final RunRepository runs;
    private final ReportDataLoader loader;
    private final LoanSnapshotTable loanTable;

    public PublishTasklet(RunRepository runs, ReportDataLoader loader, LoanSnapshotTable loanTable) {
        this.runs = runs;
        this.loader = loader;
        this.loanTable = loanTable;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StopRequest.beginPublishing();
        RunParameters p = RunParameters.of(chunkContext);
        int exitCode = loader.summary(p.runId(), p.asOf()).exitCode();
        StagingFolders.publish(p.stagingDir(), p.publishedDir(), p.asOf().toString());
        int replaced = runs.publish(p.runId(), p.asOf(), exitCode);
        // In the same transaction (the step's): the date's loan_snapshot rows change exactly when it is published.
        loanTable.publish(p.runId(), p.asOf());
        if (replaced > 0) {
            log.info("re-run of {}: replaced the results of the earlier run", p.asOf());
        }
        chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                .putInt(EXIT_CODE, exitCode);
        return RepeatStatus.FINISHED;
    }
}
