package cn.microcredit.monitor.job;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.microcredit.monitor.analytics.ComparisonLoans;
import cn.microcredit.monitor.metrics.Level;
import cn.microcredit.monitor.metrics.MonitorRules;
import cn.microcredit.monitor.metrics.RiskAssessment;
import cn.microcredit.monitor.metrics.Status;
import cn.microcredit.monitor.ops.RunThreads;
import cn.microcredit.monitor.reference.County;
import cn.microcredit.monitor.rules.HistoryRules;
import cn.microcredit.monitor.rules.LoanRules;
import cn.microcredit.monitor.rules.RosterIndex;
import cn.microcredit.monitor.rules.RosterRules;
import cn.microcredit.monitor.store.MetricsRepository;
import cn.microcredit.monitor.store.RunChunks;
import cn.microcredit.monitor.store.RunRepository;

/**
 * What each loan is checked against ({@link LoanChecks.Context}), for whichever pass over the loans checks them: the
 * metrics step's, or the rules step's own ({@link LoanPassHandover}). Held in memory: the roster (20 bytes a period)
 * and the comparison date's loans with their rates (28 bytes a loan).
 */
@Component
class LoanCheckSetup {

    private static final Logger log = LoggerFactory.getLogger(LoanCheckSetup.class);

    private final RunRepository runs;
    private final RunChunks chunks;
    private final MetricsRepository metrics;
    private final MonitorRules limits;
    private final boolean indexWhileLoading;
    /** The heap a period takes in a {@link RosterIndex}: 20 bytes, its share of the directory, and room to grow. */
    private static final long ROSTER_INDEX_BYTES_PER_PERIOD = 32;
    /** The roster as the roster step read it ({@link #indexToBuildWhileLoading}), until the metrics step takes it. */
    private RosterIndex builtWhileLoading;
    private long builtWhileLoadingRunId;

    /**
     * @param indexWhileLoading {@code monitor.roster.indexed-while-loading}: false has the metrics step build the
     *                          roster's index from the stored roster always (for tests that compare the two ways)
     */
    LoanCheckSetup(RunRepository runs, RunChunks chunks, MetricsRepository metrics, MonitorRules limits,
                   @Value("${monitor.roster.indexed-while-loading:true}") boolean indexWhileLoading) {
        this.runs = runs;
        this.chunks = chunks;
        this.metrics = metrics;
        this.limits = limits;
        this.indexWhileLoading = indexWhileLoading;
    }

    /**
     * The run's roster as an index, built on a thread of its own (while the caller reads the comparison date's loans
     * on the others); null without a usable roster.
     */
    CompletableFuture<RosterIndex> rosterIndex(long runId) {
        if (!runs.rosterUsable(runId)) {
            return CompletableFuture.completedFuture(null);
        }
        RosterIndex built = takeBuiltWhileLoading(runId);
        if (built != null) {
            return CompletableFuture.completedFuture(built);
        }
        ExecutorService thread = RunThreads.pool("roster", 1);
        try {
            return CompletableFuture.supplyAsync(() -> {
                List<String> counties = runs.counties(runId).stream().map(County::code).sorted().toList();
                RosterIndex index = new RosterIndex(counties, chunks.rosterPeriods(runId));
                chunks.forEachRosterPeriod(runId, index::add);
                return index.sort();
            }, thread);
        } finally {
            thread.shutdown();
        }
    }

    /**
     * An index for the roster step to fill as it reads the roster, so that the metrics step of the same process need
     * not decode the stored roster again ({@link #builtWhileLoading}); null when holding it from the roster step to the
     * metrics step, beside the ledgers being loaded, would take more than a quarter of the heap (then the metrics
     * step builds it from the stored roster, as a run resumed in another process does).
     *
     * @param expectedPeriods the roster's rows, as far as its size tells
     */
    RosterIndex indexToBuildWhileLoading(long runId, long expectedPeriods) {
        synchronized (this) {
            builtWhileLoading = null;
        }
        if (!indexWhileLoading
                || expectedPeriods * ROSTER_INDEX_BYTES_PER_PERIOD > Runtime.getRuntime().maxMemory() / 4) {
            return null;
        }
        List<String> counties = runs.counties(runId).stream().map(County::code).sorted().toList();
        return new RosterIndex(counties, expectedPeriods);
    }

    /** The index the roster step filled with every period it stored for the run. */
    synchronized void builtWhileLoading(long runId, RosterIndex index) {
        builtWhileLoading = index.sort();
        builtWhileLoadingRunId = runId;
    }

    private synchronized RosterIndex takeBuiltWhileLoading(long runId) {
        RosterIndex built = builtWhileLoading != null && builtWhileLoadingRunId == runId ? builtWhileLoading : null;
        builtWhileLoading = null;
        return built;
    }

    /**
     * @param comparison      the run's comparison date, if any
     * @param comparisonLoans that date's loans, null if it has none stored (or there is no such date)
     */
    LoanChecks.Context context(RunParameters p, long[] sharedHouseholds, RosterIndex roster,
                               Optional<RunRepository.StoredRun> comparison, ComparisonLoans comparisonLoans) {
        if (comparison.isPresent() && comparisonLoans == null) {
            // SPEC 5.2: one comparison date for every measure; its metrics stay after --purge-before, its loans do not.
            log.warn("comparison date {} has no stored loans (removed by --purge-before?): RATE_CHANGED cannot be "
                    + "checked against it; growth, prev_status and LENDING_AFTER_PAUSE use its stored metrics",
                    comparison.get().asOf());
        }
        HistoryRules history = comparison.map(c -> new HistoryRules(c.asOf(),
                comparisonLoans == null ? null : comparisonLoans::rateMillionths, paused(c.runId()))).orElse(null);
        return new LoanChecks.Context(p.asOf(), new LoanRules(limits), sharedHouseholds,
                roster == null ? null : new RosterRules(roster), history);
    }

    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The bank × county cells that were PAUSE on the comparison date. */
    private Set<String> paused(long comparisonRunId) {
        return metrics.results(comparisonRunId, Level.BANK_COUNTY).stream()
                .filter(c -> c.status() == Status.PAUSE)
                .map(c -> RiskAssessment.key(c.countyCode(), c.bankCode()))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
