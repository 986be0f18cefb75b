package cn.microcredit.monitor.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import cn.microcredit.monitor.ops.Seconds;
import cn.microcredit.monitor.ops.StopRequest;
import cn.microcredit.monitor.store.LoanSnapshotTable;

/**
 * Loads the run's stored loans for table {@code loan_snapshot} (issue 15), where nobody reads them until
 * {@code publishStep} makes them the date's rows. A no-op while {@code monitor.store.loan-table} is false.
 */
@Component
public class LoanTableTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(LoanTableTasklet.class);

    private final LoanSnapshotTable table;

    public LoanTableTasklet(LoanSnapshotTable table) {
        this.table = table;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (!table.enabled()) {
            return RepeatStatus.FINISHED;
        }
        RunParameters p = RunParameters.of(chunkContext);
        long started = System.nanoTime();
        long loans = table.load(p.runId(), p.asOf(), StopRequest::check);
        log.info("loan_snapshot: {} loans of {} loaded in {} s, published with the run", loans, p.asOf(),
                Seconds.ofNanos(System.nanoTime() - started));
        return RepeatStatus.FINISHED;
    }
}
