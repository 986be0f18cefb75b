package cn.microcredit.monitor.job;

import java.util.List;
import java.util.Map;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.microcredit.monitor.metrics.CellResult;
import cn.microcredit.monitor.metrics.Figures;
import cn.microcredit.monitor.metrics.Level;
import cn.microcredit.monitor.metrics.MonitorRules;
import cn.microcredit.monitor.metrics.RiskAssessment;
import cn.microcredit.monitor.metrics.Status;
import cn.microcredit.monitor.store.MetricsRepository;
import cn.microcredit.monitor.store.RunChunks;
import cn.microcredit.monitor.store.RunRepository;

/**
 * Sums the stored loans per bank × county (read back in parallel) and assesses every level against the tolerance
 * (SPEC 5.1, 5.2), against the comparison date chosen when the run began.
 */
@Component
public class MetricsTasklet implements Tasklet {

    private final RunRepository runs;
    private final RunChunks chunks;
    private final MetricsRepository metrics;
    private final MonitorRules rules;
    private final int threads;

    public MetricsTasklet(RunRepository runs, RunChunks chunks, MetricsRepository metrics, MonitorRules rules,
                          @Value("${monitor.load.threads:2}") int threads) {
        this.runs = runs;
        this.chunks = chunks;
        this.metrics = metrics;
        this.rules = rules;
        this.threads = threads;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunParameters p = RunParameters.of(chunkContext);
        long[] shared = chunks.sharedHouseholds(p.runId());
        LoanSums sums = chunks.scanLoans(p.runId(), threads, () -> new LoanSums(rules, shared)).stream()
                .reduce(LoanSums::merge).orElseThrow().finish();
        var comparison = runs.previousOf(p.runId());
        Map<String, Figures> previous = comparison.map(r -> metrics.bankCountyFigures(r.runId())).orElse(Map.of());
        Map<String, Status> previousStatus = comparison.map(r -> metrics.statuses(r.runId())).orElse(Map.of());
        Map<String, Long> households = sums.countyHouseholds();
        List<CellResult> results = new RiskAssessment(rules)
                .assess(sums.cells(), runs.banks(p.runId()), previous, previousStatus).stream()
                .map(r -> switch (r.level()) {
                    case COUNTY -> r.withHouseholdCount(households.get(r.countyCode()));
                    case PROVINCE -> r.withHouseholdCount(sums.provinceHouseholds());
                    default -> r;
                })
                .toList();
        metrics.save(p.runId(), p.asOf(), results, sums.ageing());
        long outstanding = results.stream().filter(r -> r.level() == Level.PROVINCE)
                .mapToLong(r -> r.figures().loanCount()).sum();
        StepCounts.record(contribution, outstanding, results.size(), 0);
        return RepeatStatus.FINISHED;
    }
}
