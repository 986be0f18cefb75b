package cn.microcredit.monitor.job;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.microcredit.monitor.analytics.ComparisonLoans;
import cn.microcredit.monitor.metrics.MonitorRules;
import cn.microcredit.monitor.ops.Seconds;
import cn.microcredit.monitor.report.ReportWarmUp;
import cn.microcredit.monitor.rules.HouseholdRules;
import cn.microcredit.monitor.rules.LoanException;
import cn.microcredit.monitor.rules.RosterIndex;
import cn.microcredit.monitor.store.ExceptionRepository;
import cn.microcredit.monitor.store.RunChunks;
import cn.microcredit.monitor.store.RunRepository;

/**
 * Applies every rule of SPEC 5.3 to the outstanding loans of the run. Each loan's own rules, the roster and the
 * comparison date (rules/RosterRules, HistoryRules) are checked in the metrics step's pass over the loans, which hands
 * over what it found ({@link LoanPassHandover}); without that (the metrics step ran in another process), this step
 * checks them in a pass of its own, read back in parallel. The loans of households that may have more than one
 * outstanding loan (by fingerprint, found when loading) are kept by that pass and grouped here by their real household
 * id for the two household rules (rules/HouseholdRules: 一(一), 一(二)): across banks, what only a supervisor sees.
 */
@Component
public class RulesTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RulesTasklet.class);

    private final RunRepository runs;
    private final RunChunks chunks;
    private final ExceptionRepository exceptions;
    private final MonitorRules limits;
    private final LoanCheckSetup setup;
    private final LoanPassHandover handover;
    private final int threads;

    public RulesTasklet(RunRepository runs, RunChunks chunks, ExceptionRepository exceptions, MonitorRules limits,
                        LoanCheckSetup setup, LoanPassHandover handover,
                        @Value("${monitor.load.threads:2}") int threads) {
        this.runs = runs;
        this.chunks = chunks;
        this.exceptions = exceptions;
        this.limits = limits;
        this.setup = setup;
        this.handover = handover;
        this.threads = threads;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunParameters p = RunParameters.of(chunkContext);
        long runId = p.runId();
        long t0 = System.nanoTime();
        ReportWarmUp.start(); // on the core this step leaves idle
        LoanPassHandover.Pass pass = handover.take(runId);
        boolean ownPass = pass == null;
        if (ownPass) {
            pass = checkLoans(p);
        }
        long t1 = System.nanoTime();
        List<LoanException> householdFindings = new HouseholdRules(limits.householdLimitYuan())
                .check(pass.householdLoans());
        exceptions.save(runId, householdFindings);
        StepCounts.record(contribution, pass.checked(), pass.found() + householdFindings.size(), 0);
        log.info("rules: {} loans checked {}; {} loans of shared households grouped {} s",
                pass.checked(), ownPass ? "in a pass of this step's own, " + Seconds.ofNanos(t1 - t0) + " s"
                        : "in the metrics step's pass", pass.householdLoans().size(),
                Seconds.ofNanos(System.nanoTime() - t1));
        return RepeatStatus.FINISHED;
    }

    /** The pass over the loans that the metrics step makes otherwise. */
    private LoanPassHandover.Pass checkLoans(RunParameters p) {
        long runId = p.runId();
        exceptions.deleteRun(runId);
        long[] shared = chunks.sharedHouseholds(runId);
        CompletableFuture<RosterIndex> roster = setup.rosterIndex(runId);
        var comparison = runs.previousOf(runId);
        ComparisonLoans comparisonLoans = comparison
                .map(c -> ComparisonLoansReader.read(chunks, c.runId(), threads)).orElse(null);
        LoanChecks.Context context = setup.context(p, shared, LoanCheckSetup.join(roster), comparison,
                comparisonLoans);
        try (BreachWriter writer = new BreachWriter(runId, exceptions)) {
            List<LoanChecks> passes = chunks.scanLoans(runId, threads, () -> new LoanChecks(context, runId, writer));
            return LoanChecks.finish(runId, passes, writer);
        }
    }
}
