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

import cn.microcredit.monitor.keys.Fingerprint;
import cn.microcredit.monitor.keys.KeyIndex;
import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.metrics.Level;
import cn.microcredit.monitor.metrics.MonitorRules;
import cn.microcredit.monitor.metrics.RiskAssessment;
import cn.microcredit.monitor.metrics.Status;
import cn.microcredit.monitor.ops.RunThreads;
import cn.microcredit.monitor.ops.StopRequest;
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
 * Held in memory: the roster (20 bytes a period), the previous date's rates (20 bytes a loan) and the loans of
 * households with several outstanding loans.
 */
@Component
public class RulesTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RulesTasklet.class);

    private final RunRepository runs;
    private final RunChunks chunks;
    private final ExceptionRepository exceptions;
    private final MetricsRepository metrics;
    private final MonitorRules limits;
    private final int threads;

    public RulesTasklet(RunRepository runs, RunChunks chunks, ExceptionRepository exceptions,
                        MetricsRepository metrics, MonitorRules limits,
                        @Value("${monitor.load.threads:2}") int threads) {
        this.runs = runs;
        this.chunks = chunks;
        this.exceptions = exceptions;
        this.metrics = metrics;
        this.limits = limits;
        this.threads = threads;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunParameters p = RunParameters.of(chunkContext);
        long runId = p.runId();
        exceptions.deleteRun(runId);

        long t0 = System.nanoTime();
        long[] shared = chunks.sharedHouseholds(runId);
        // The roster's index is built on a thread of its own while the previous date's rates are read on the others.
        ExecutorService rosterThread = RunThreads.pool("roster", 1);
        CompletableFuture<RosterIndex> rosterIndex = runs.rosterUsable(runId)
                ? CompletableFuture.supplyAsync(() -> roster(runId), rosterThread)
                : CompletableFuture.completedFuture(null);
        rosterThread.shutdown();
        var previous = runs.previousOf(runId);
        KeyIndex previousRates = previous.map(prev -> previousRates(prev.runId())).orElse(null);
        if (previousRates != null && previousRates.size() == 0) {
            // SPEC 5.2: one comparison date for every measure; its metrics stay after --purge-before, its loans do not.
            log.warn("comparison date {} has no stored loans (removed by --purge-before?): RATE_CHANGED cannot be "
                    + "checked against it; growth, prev_status and LENDING_AFTER_PAUSE use its stored metrics",
                    previous.get().asOf());
        }
        long t1 = System.nanoTime();
        RosterIndex roster = join(rosterIndex);
        long t2 = System.nanoTime();
        HistoryRules history = previous.map(prev -> new HistoryRules(prev.asOf(), previousRates, paused(prev.runId())))
                .orElse(null);
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
        log.info("rules: previous date's rates of {} loans {} s, roster index of {} periods {} s more; "
                        + "loans checked {} s; {} loans of {} shared households grouped {} s",
                previousRates == null ? 0 : previousRates.size(), seconds(t1 - t0), roster == null ? 0 : roster.size(),
                seconds(t2 - t1), seconds(t3 - t2), householdLoans.size(), shared.length, seconds(t4 - t3));
        return RepeatStatus.FINISHED;
    }

    private static RosterIndex join(CompletableFuture<RosterIndex> index) {
        try {
            return index.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
    }

    private RosterIndex roster(long runId) {
        List<String> counties = runs.counties(runId).stream().map(County::code).sorted().toList();
        RosterIndex index = new RosterIndex(counties, chunks.rosterPeriods(runId));
        chunks.forEachRosterPeriod(runId, index::add);
        return index.sort();
    }

    /** The rate of every loan accepted on the previous stored date, by bank code and loan id. */
    private KeyIndex previousRates(long previousRunId) {
        KeyIndex rates = new KeyIndex((int) Math.min(Integer.MAX_VALUE - 8, chunks.loans(previousRunId)));
        for (RateBatch batch : chunks.scanRates(previousRunId, threads, () -> new RateBatch(rates))) {
            batch.flush();
        }
        return rates.sort();
    }

    /** A reading thread's rates, a few thousand at a time, then added to the shared index in one locked step. */
    private static final class RateBatch implements RunChunks.LoanRate {
        private final KeyIndex target;
        private final long[] keys = new long[4096];
        private final int[] checks = new int[keys.length];
        private final long[] rates = new long[keys.length];
        private int size;

        RateBatch(KeyIndex target) {
            this.target = target;
        }

        @Override
        public void accept(String bankCode, String loanId, long rateMillionths) {
            keys[size] = Fingerprint.of(bankCode, loanId);
            checks[size] = Fingerprint.check(bankCode, loanId);
            rates[size] = rateMillionths;
            if (++size == keys.length) {
                flush();
            }
        }

        void flush() {
            StopRequest.check();
            synchronized (target) {
                for (int i = 0; i < size; i++) {
                    target.add(keys[i], checks[i], rates[i]);
                }
            }
            size = 0;
        }
    }

    /** The bank × county cells that were PAUSE on the previous stored date. */
    private Set<String> paused(long previousRunId) {
        return metrics.results(previousRunId, Level.BANK_COUNTY).stream()
                .filter(c -> c.status() == Status.PAUSE)
                .map(c -> RiskAssessment.key(c.countyCode(), c.bankCode()))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
