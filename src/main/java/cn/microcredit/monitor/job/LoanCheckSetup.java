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

    LoanCheckSetup(RunRepository runs, RunChunks chunks, MetricsRepository metrics, MonitorRules limits) {
        this.runs = runs;
        this.chunks = chunks;
        this.metrics = metrics;
        this.limits = limits;
    }

    /**
     * The run's roster as an index, built on a thread of its own (while the caller reads the comparison date's loans
     * on the others); null without a usable roster.
     */
    CompletableFuture<RosterIndex> rosterIndex(long runId) {
        if (!runs.rosterUsable(runId)) {
            return CompletableFuture.completedFuture(null);
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
