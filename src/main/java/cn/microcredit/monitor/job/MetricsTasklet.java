package cn.microcredit.monitor.job;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.microcredit.monitor.analytics.AnalyticsSums;
import cn.microcredit.monitor.analytics.ComparisonLoans;
import cn.microcredit.monitor.analytics.SupervisoryAnalytics;
import cn.microcredit.monitor.metrics.CellResult;
import cn.microcredit.monitor.metrics.Figures;
import cn.microcredit.monitor.metrics.Level;
import cn.microcredit.monitor.metrics.LoanSums;
import cn.microcredit.monitor.metrics.MonitorRules;
import cn.microcredit.monitor.metrics.RiskAssessment;
import cn.microcredit.monitor.metrics.Status;
import cn.microcredit.monitor.ops.Seconds;
import cn.microcredit.monitor.store.AnalyticsRepository;
import cn.microcredit.monitor.store.MetricsRepository;
import cn.microcredit.monitor.store.RunChunks;
import cn.microcredit.monitor.store.RunRepository;
import cn.microcredit.monitor.store.StoredLoan;

/**
 * Sums the stored loans per bank × county (read back in parallel) and assesses every level against the tolerance
 * (SPEC 5.1, 5.2); in the same pass, the supervisory analytics of SPEC 5.4 (regime split, vintage, and, with the
 * comparison date's loans held as a compact index, migration and the projected outlook). That index is handed on to
 * the rules step, which compares today's rates with it.
 */
@Component
public class MetricsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(MetricsTasklet.class);

    private final RunRepository runs;
    private final RunChunks chunks;
    private final MetricsRepository metrics;
    private final MonitorRules rules;
    private final AnalyticsRepository analytics;
    private final ComparisonLoansHandover handover;
    private final int threads;

    public MetricsTasklet(RunRepository runs, RunChunks chunks, MetricsRepository metrics, MonitorRules rules,
                          AnalyticsRepository analytics, ComparisonLoansHandover handover,
                          @Value("${monitor.load.threads:2}") int threads) {
        this.runs = runs;
        this.chunks = chunks;
        this.metrics = metrics;
        this.analytics = analytics;
        this.rules = rules;
        this.handover = handover;
        this.threads = threads;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunParameters p = RunParameters.of(chunkContext);
        // The comparison date of SPEC 5.2, chosen once when the run began: growth, prev_status and migration use it.
        Optional<RunRepository.StoredRun> comparison = runs.previousOf(p.runId());
        long t0 = System.nanoTime();
        handover.release();
        ComparisonLoans before = comparison.map(r -> ComparisonLoansReader.read(chunks, r.runId(), threads))
                .orElse(null);
        long t1 = System.nanoTime();
        long[] shared = chunks.sharedHouseholds(p.runId());
        List<Workers> workers = chunks.scanLoans(p.runId(), threads,
                () -> new Workers(new LoanSums(rules, shared), new AnalyticsSums(before)));
        LoanSums sums = workers.stream().map(Workers::sums).reduce(LoanSums::merge).orElseThrow().finish();
        AnalyticsSums analyticsSums = workers.stream().map(Workers::analytics).reduce(AnalyticsSums::merge)
                .orElseThrow();
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
        long t2 = System.nanoTime();
        analytics.save(p.runId(), p.asOf(), SupervisoryAnalytics.of(analyticsSums, before,
                before == null ? null : comparison.get().asOf(), results));
        log.info("metrics: comparison date's loans indexed for migration and the rules step: {} ({} outstanding) in "
                        + "{} s; loans summed, assessed and stored {} s; analytics (SPEC 5.4) computed and stored {} s",
                before == null ? 0 : before.size(), before == null ? 0 : before.outstandingCount(), Seconds.ofNanos(t1 - t0),
                Seconds.ofNanos(t2 - t1), Seconds.ofNanos(System.nanoTime() - t2));
        if (before != null) {
            handover.give(p.runId(), comparison.get().runId(), before);
        }
        long outstanding = results.stream().filter(r -> r.level() == Level.PROVINCE)
                .mapToLong(r -> r.figures().loanCount()).sum();
        StepCounts.record(contribution, outstanding, results.size(), 0);
        return RepeatStatus.FINISHED;
    }

    /** A reading thread's two workers: the sums of SPEC 5.1 and those of 5.4. */
    private record Workers(LoanSums sums, AnalyticsSums analytics) implements Consumer<StoredLoan> {
        @Override
        public void accept(StoredLoan stored) {
            sums.accept(stored);
            analytics.accept(stored.loan());
        }
    }
}
