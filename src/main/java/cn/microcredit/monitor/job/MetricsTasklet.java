package cn.microcredit.monitor.job;

import java.util.List;
import java.util.Map;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import cn.microcredit.monitor.metrics.CellResult;
import cn.microcredit.monitor.metrics.Figures;
import cn.microcredit.monitor.metrics.MonitorRules;
import cn.microcredit.monitor.metrics.RiskAssessment;
import cn.microcredit.monitor.store.MetricsRepository;
import cn.microcredit.monitor.store.RunRepository;

/** Sums the stored loans per bank × county in SQL and assesses every level against the tolerance (SPEC 5.1, 5.2). */
@Component
public class MetricsTasklet implements Tasklet {

    private final RunRepository runs;
    private final MetricsRepository metrics;
    private final MonitorRules rules;

    public MetricsTasklet(RunRepository runs, MetricsRepository metrics, MonitorRules rules) {
        this.runs = runs;
        this.metrics = metrics;
        this.rules = rules;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunParameters p = RunParameters.of(chunkContext);
        Map<String, Figures> previous = runs.previousOf(p.runId())
                .map(r -> metrics.bankCountyFigures(r.runId())).orElse(Map.of());
        List<CellResult> results = new RiskAssessment(rules)
                .assess(metrics.bankCountySums(p.runId(), rules), runs.banks(p.runId()), previous);
        metrics.save(p.runId(), p.asOf(), results);
        return RepeatStatus.FINISHED;
    }
}
