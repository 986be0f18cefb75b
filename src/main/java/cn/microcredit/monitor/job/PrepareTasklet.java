package cn.microcredit.monitor.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import cn.microcredit.monitor.metrics.ComparisonBasis;
import cn.microcredit.monitor.metrics.ComparisonDate;
import cn.microcredit.monitor.metrics.MonitorRules;
import cn.microcredit.monitor.reference.Banks;
import cn.microcredit.monitor.reference.Counties;
import cn.microcredit.monitor.store.RunRepository;

/** Reads the reference data of the date (banks.csv, counties) and opens the run. Bad reference data fails the run. */
@Component
public class PrepareTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PrepareTasklet.class);

    private final RunRepository runs;
    private final MonitorRules rules;

    public PrepareTasklet(RunRepository runs, MonitorRules rules) {
        this.runs = runs;
        this.rules = rules;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunParameters p = RunParameters.of(chunkContext);
        Banks banks = Banks.read(p.input().resolve("banks.csv"));
        Counties counties = p.counties() == null ? Counties.builtIn() : Counties.read(p.counties());
        // SPEC 5.2: the one place the comparison date is chosen; every later step reads it back (RunRepository.previousOf).
        ComparisonBasis basis = rules.comparisonBasis();
        var previous = ComparisonDate.choose(p.asOf(), basis, runs.completedBefore(p.asOf()),
                RunRepository.StoredRun::asOf);
        runs.begin(p.runId(), p.asOf(), p.input().toString(), previous.map(RunRepository.StoredRun::runId).orElse(null));
        runs.saveComparison(p.runId(), previous.map(RunRepository.StoredRun::asOf).orElse(null), basis);
        runs.saveReference(p.runId(), banks, counties);
        if (runs.hasCompleted(p.asOf())) {
            log.info("{} already has published results: this run will replace them when it completes", p.asOf());
        }
        log.info("run {} for {}: {} banks, {} counties{}, comparison date {} ({})", p.runId(), p.asOf(),
                banks.all().size(), counties.all().size(), p.counties() == null ? " (built-in)" : " from " + p.counties(),
                previous.map(r -> r.asOf().toString()).orElse("none"), basis.code());
        return RepeatStatus.FINISHED;
    }
}
