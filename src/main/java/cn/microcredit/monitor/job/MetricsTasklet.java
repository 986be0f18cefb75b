package cn.microcredit.monitor.job;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
import cn.microcredit.monitor.rules.RosterIndex;
import cn.microcredit.monitor.store.AnalyticsRepository;
import cn.microcredit.monitor.store.ExceptionRepository;
import cn.microcredit.monitor.store.MetricsRepository;
import cn.microcredit.monitor.store.RunChunks;
import cn.microcredit.monitor.store.RunRepository;
import cn.microcredit.monitor.store.StoredLoan;

/**
 * Sums the stored loans per bank × county (read back in parallel) and assesses every level against the tolerance
 * (SPEC 5.1, 5.2); in the same pass, the supervisory analytics of SPEC 5.4 (regime split, vintage, and, with the
 * comparison date's loans held as a compact index, migration and the projected outlook), and each loan's own, roster
 * and history rules of SPEC 5.3 ({@link LoanChecks}: the breaches are stored as they are found, and the rest is handed
 * to the rules step, {@link LoanPassHandover}). One pass, so each stored loan is decoded and looked up in the
 * comparison date once a run.
 */
@Component
public class MetricsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(MetricsTasklet.class);

    private final RunRepository runs;
    private final RunChunks chunks;
    private final MetricsRepository metrics;
    private final MonitorRules rules;
    private final AnalyticsRepository analytics;
    private final ExceptionRepository exceptions;
    private final LoanCheckSetup checkSetup;
    private final LoanPassHandover handover;
    private final int threads;

    public MetricsTasklet(RunRepository runs, RunChunks chunks, MetricsRepository metrics, MonitorRules rules,
                          AnalyticsRepository analytics, ExceptionRepository exceptions, LoanCheckSetup checkSetup,
                          LoanPassHandover handover, @Value("${monitor.load.threads:2}") int threads) {
        this.runs = runs;
        this.chunks = chunks;
        this.metrics = metrics;
        this.analytics = analytics;
        this.rules = rules;
        this.exceptions = exceptions;
        this.checkSetup = checkSetup;
        this.handover = handover;
        this.threads = threads;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunParameters p = RunParameters.of(chunkContext);
        long runId = p.runId();
        // The comparison date of SPEC 5.2, chosen once when the run began: growth, prev_status and migration use it.
        Optional<RunRepository.StoredRun> comparison = runs.previousOf(runId);
        long t0 = System.nanoTime();
        handover.release();
        boolean checkLoans = handover.enabled();
        // The roster's index is built on a thread of its own while the comparison date's loans are read on the others.
        CompletableFuture<RosterIndex> roster = checkLoans ? checkSetup.rosterIndex(runId)
                : CompletableFuture.completedFuture(null);
        ComparisonLoans before = comparison.map(r -> ComparisonLoansReader.read(chunks, r.runId(), threads))
                .orElse(null);
        long[] shared = chunks.sharedHouseholds(runId);
        LoanChecks.Context checks = checkLoans
                ? checkSetup.context(p, shared, LoanCheckSetup.join(roster), comparison, before) : null;
        if (checks != null) {
            exceptions.deleteRun(runId); // the breaches of an earlier attempt at this run, if any
        }
        long t1 = System.nanoTime();
        List<Workers> workers;
        LoanPassHandover.Pass pass;
        try (BreachWriter writer = new BreachWriter(runId, exceptions)) {
            workers = chunks.scanLoans(runId, threads, () -> new Workers(new LoanSums(rules, shared),
                    new AnalyticsSums(before), checks == null ? null : new LoanChecks(checks, runId, writer)));
            pass = checks == null ? null
                    : LoanChecks.finish(runId, workers.stream().map(Workers::checks).toList(), writer);
        }
        LoanSums sums = workers.stream().map(Workers::sums).reduce(LoanSums::merge).orElseThrow().finish();
        AnalyticsSums analyticsSums = workers.stream().map(Workers::analytics).reduce(AnalyticsSums::merge)
                .orElseThrow();
        long t2 = System.nanoTime();
        Map<String, Figures> previous = comparison.map(r -> metrics.bankCountyFigures(r.runId())).orElse(Map.of());
        Map<String, Status> previousStatus = comparison.map(r -> metrics.statuses(r.runId())).orElse(Map.of());
        Map<String, Long> households = sums.countyHouseholds();
        List<CellResult> results = new RiskAssessment(rules)
                .assess(sums.cells(), runs.banks(runId), previous, previousStatus).stream()
                .map(r -> switch (r.level()) {
                    case COUNTY -> r.withHouseholdCount(households.get(r.countyCode()));
                    case PROVINCE -> r.withHouseholdCount(sums.provinceHouseholds());
                    default -> r;
                })
                .toList();
        metrics.save(runId, p.asOf(), results, sums.ageing());
        analytics.save(runId, p.asOf(), SupervisoryAnalytics.of(analyticsSums, before,
                before == null ? null : comparison.get().asOf(), results));
        log.info("metrics: comparison date's loans indexed ({} loans, {} outstanding){} {} s; loans summed{} in one "
                        + "pass {} s; assessed, analytics (SPEC 5.4) computed, all stored {} s",
                before == null ? 0 : before.size(), before == null ? 0 : before.outstandingCount(),
                checks == null ? "" : " and the roster's (" + (checks.roster() == null ? "no roster" : "its index") + ")",
                Seconds.ofNanos(t1 - t0), pass == null ? "" : " and checked against SPEC 5.3 (" + pass.found()
                        + " breaches of a loan's own, roster and history rules)", Seconds.ofNanos(t2 - t1),
                Seconds.ofNanos(System.nanoTime() - t2));
        if (pass != null) {
            handover.give(pass);
        }
        long outstanding = results.stream().filter(r -> r.level() == Level.PROVINCE)
                .mapToLong(r -> r.figures().loanCount()).sum();
        StepCounts.record(contribution, outstanding, results.size(), 0);
        return RepeatStatus.FINISHED;
    }

    /** A reading thread's workers: the sums of SPEC 5.1 and those of 5.4, and the checks of 5.3 (or null). */
    private record Workers(LoanSums sums, AnalyticsSums analytics, LoanChecks checks) implements Consumer<StoredLoan> {
        @Override
        public void accept(StoredLoan stored) {
            sums.accept(stored);
            analytics.accept(stored.loan());
            if (checks != null) {
                checks.accept(stored);
            }
        }
    }
}
