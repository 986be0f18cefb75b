package cn.microcredit.monitor.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.microcredit.monitor.analytics.ComparisonLoans;
import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.metrics.Level;
import cn.microcredit.monitor.metrics.MonitorRules;
import cn.microcredit.monitor.metrics.RiskAssessment;
import cn.microcredit.monitor.metrics.Status;
import cn.microcredit.monitor.ops.RunThreads;
import cn.microcredit.monitor.ops.Seconds;
import cn.microcredit.monitor.reference.County;
import cn.microcredit.monitor.rules.HistoryRules;
import cn.microcredit.monitor.rules.HouseholdRules;
import cn.microcredit.monitor.rules.LoanException;
import cn.microcredit.monitor.rules.LoanRules;
import cn.microcredit.monitor.rules.RosterIndex;
import cn.microcredit.monitor.rules.RosterRules;
import cn.microcredit.monitor.store.ExceptionRepository;
import cn.microcredit.monitor.store.MetricsRepository;
import cn.microcredit.monitor.store.RunChunks;
import cn.microcredit.monitor.store.RunRepository;

/**
 * Applies every rule of SPEC 5.3 to the outstanding loans of the run, read back in parallel: each loan's own rules,
 * the roster and the comparison date (rules/RosterRules, HistoryRules). The loans of households that may have more than one outstanding loan (by
 * fingerprint, found when loading) are kept and grouped by their real household id for the two household rules
 * (rules/HouseholdRules: 一(一), 一(二)): across banks, what only a supervisor sees.
 * Held in memory: the roster (20 bytes a period), the comparison date's loans with their rates (28 bytes a loan,
 * handed over by the metrics step, which read them for migration) and the loans of households with several
 * outstanding loans.
 */
@Component
public class RulesTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RulesTasklet.class);

    private final RunRepository runs;
    private final RunChunks chunks;
    private final ExceptionRepository exceptions;
    private final MetricsRepository metrics;
    private final MonitorRules limits;
    private final ComparisonLoansHandover handover;
    private final int threads;

    public RulesTasklet(RunRepository runs, RunChunks chunks, ExceptionRepository exceptions,
                        MetricsRepository metrics, MonitorRules limits, ComparisonLoansHandover handover,
                        @Value("${monitor.load.threads:2}") int threads) {
        this.runs = runs;
        this.chunks = chunks;
        this.exceptions = exceptions;
        this.metrics = metrics;
        this.limits = limits;
        this.handover = handover;
        this.threads = threads;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunParameters p = RunParameters.of(chunkContext);
        long runId = p.runId();
        exceptions.deleteRun(runId);

        long t0 = System.nanoTime();
        long[] shared = chunks.sharedHouseholds(runId);
        // The roster's index is built on a thread of its own while the comparison date's loans are taken from the
        // metrics step (or, without it, read on the other threads).
        ExecutorService rosterThread = RunThreads.pool("roster", 1);
        CompletableFuture<RosterIndex> rosterIndex = runs.rosterUsable(runId)
                ? CompletableFuture.supplyAsync(() -> roster(runId), rosterThread)
                : CompletableFuture.completedFuture(null);
        rosterThread.shutdown();
        var previous = runs.previousOf(runId);
        ComparisonLoans handedOver = previous.map(prev -> handover.take(runId, prev.runId())).orElse(null);
        ComparisonLoans previousLoans = handedOver != null ? handedOver
                : previous.map(prev -> ComparisonLoansReader.read(chunks, prev.runId(), threads)).orElse(null);
        if (previous.isPresent() && previousLoans == null) {
            // SPEC 5.2: one comparison date for every measure; its metrics stay after --purge-before, its loans do not.
            log.warn("comparison date {} has no stored loans (removed by --purge-before?): RATE_CHANGED cannot be "
                    + "checked against it; growth, prev_status and LENDING_AFTER_PAUSE use its stored metrics",
                    previous.get().asOf());
        }
        long t1 = System.nanoTime();
        RosterIndex roster = join(rosterIndex);
        long t2 = System.nanoTime();
        HistoryRules history = previous.map(prev -> new HistoryRules(prev.asOf(),
                previousLoans == null ? null : previousLoans::rateMillionths, paused(prev.runId()))).orElse(null);
        LoanChecks.Context context = new LoanChecks.Context(p.asOf(), new LoanRules(limits), shared,
                roster == null ? null : new RosterRules(roster), history);
        List<Loan> householdLoans = new ArrayList<>();
        long checked = 0;
        long found = 0;
        for (LoanChecks checks : chunks.scanLoans(runId, threads,
                () -> new LoanChecks(context, runId, exceptions))) {
            checks.flush();
            householdLoans.addAll(checks.householdLoans());
            checked += checks.checked();
            found += checks.found();
        }
        long t3 = System.nanoTime();
        List<LoanException> householdFindings = new HouseholdRules(limits.householdLimitYuan()).check(householdLoans);
        exceptions.save(runId, householdFindings);
        StepCounts.record(contribution, checked, found + householdFindings.size(), 0);
        long t4 = System.nanoTime();
        log.info("rules: previous date's rates of {} loans {} {} s, roster index of {} periods {} s more; "
                        + "loans checked {} s; {} loans of {} shared households grouped {} s",
                previousLoans == null ? 0 : previousLoans.size(),
                handedOver != null ? "taken from the metrics step" : "read", Seconds.ofNanos(t1 - t0),
                roster == null ? 0 : roster.size(),
                Seconds.ofNanos(t2 - t1), Seconds.ofNanos(t3 - t2), householdLoans.size(), shared.length, Seconds.ofNanos(t4 - t3));
        return RepeatStatus.FINISHED;
    }

    private static RosterIndex join(CompletableFuture<RosterIndex> index) {
        try {
            return index.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private RosterIndex roster(long runId) {
        List<String> counties = runs.counties(runId).stream().map(County::code).sorted().toList();
        RosterIndex index = new RosterIndex(counties, chunks.rosterPeriods(runId));
        chunks.forEachRosterPeriod(runId, index::add);
        return index.sort();
    }

    /** The bank × county cells that were PAUSE on the previous stored date. */
    private Set<String> paused(long previousRunId) {
        return metrics.results(previousRunId, Level.BANK_COUNTY).stream()
                .filter(c -> c.status() == Status.PAUSE)
                .map(c -> RiskAssessment.key(c.countyCode(), c.bankCode()))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
