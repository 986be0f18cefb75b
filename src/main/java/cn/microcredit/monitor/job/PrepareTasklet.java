package cn.microcredit.monitor.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import cn.microcredit.monitor.reference.Banks;
import cn.microcredit.monitor.reference.Counties;
import cn.microcredit.monitor.store.RunRepository;

/** Reads the reference data of the date (banks.csv, counties) and opens the run. Bad reference data fails the run. */
@Component
public class PrepareTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PrepareTasklet.class);

    private final RunRepository runs;

    public PrepareTasklet(RunRepository runs) {
        this.runs = runs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunParameters p = RunParameters.of(chunkContext);
        Banks banks = Banks.read(p.input().resolve("banks.csv"));
        Counties counties = p.counties() == null ? Counties.builtIn() : Counties.read(p.counties());
        var previous = runs.previousCompleted(p.asOf());
        runs.begin(p.runId(), p.asOf(), p.input().toString(), previous.map(RunRepository.StoredRun::runId).orElse(null));
        runs.saveReference(p.runId(), banks, counties);
        if (runs.hasCompleted(p.asOf())) {
            log.info("{} already has published results: this run will replace them when it completes", p.asOf());
        }
        log.info("run {} for {}: {} banks, {} counties{}, previous stored date {}", p.runId(), p.asOf(),
                banks.all().size(), counties.all().size(), p.counties() == null ? " (built-in)" : " from " + p.counties(),
                previous.map(r -> r.asOf().toString()).orElse("none"));
        return RepeatStatus.FINISHED;
    }
}
