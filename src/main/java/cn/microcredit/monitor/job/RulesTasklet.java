package cn.microcredit.monitor.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import cn.microcredit.monitor.metrics.MonitorRules;
import cn.microcredit.monitor.rules.CrossLoanDetails;
import cn.microcredit.monitor.rules.LoanException;
import cn.microcredit.monitor.rules.LoanRules;
import cn.microcredit.monitor.rules.Rule;
import cn.microcredit.monitor.store.ExceptionRepository;
import cn.microcredit.monitor.store.ExceptionRepository.Candidate;
import cn.microcredit.monitor.store.RunRepository;

/**
 * Applies every rule of SPEC 5.3 to the outstanding loans of the run: loan by loan in plain Java, then the rules that
 * need other loans (the household across banks, the roster, the previous stored date) set-based in the database.
 */
@Component
public class RulesTasklet implements Tasklet {

    private static final int BATCH = 5_000;

    private final RunRepository runs;
    private final ExceptionRepository exceptions;
    private final MonitorRules limits;

    public RulesTasklet(RunRepository runs, ExceptionRepository exceptions, MonitorRules limits) {
        this.runs = runs;
        this.exceptions = exceptions;
        this.limits = limits;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunParameters p = RunParameters.of(chunkContext);
        long runId = p.runId();
        exceptions.deleteRun(runId);

        LoanRules loanRules = new LoanRules(limits);
        List<LoanException> batch = new ArrayList<>(BATCH);
        exceptions.forEachOutstanding(runId, loan -> {
            for (LoanRules.Finding f : loanRules.check(loan, p.asOf())) {
                batch.add(new LoanException(loan.bankCode(), loan.loanId(), loan.countyCode(), loan.householdId(),
                        f.rule(), f.detail()));
            }
            if (batch.size() >= BATCH) {
                exceptions.save(runId, batch);
                batch.clear();
            }
        });
        exceptions.save(runId, batch);

        save(runId, Rule.MULTIPLE_OUTSTANDING_LOANS, exceptions.multipleOutstanding(runId),
                c -> CrossLoanDetails.multipleOutstanding(c.count(), c.text()));
        save(runId, Rule.HOUSEHOLD_OVER_LIMIT, exceptions.householdOverLimit(runId, limits.householdLimitYuan()),
                c -> CrossLoanDetails.householdOverLimit(c.count(), c.sum(), limits.householdLimitYuan()));
        if (runs.rosterUsable(runId)) {
            save(runId, Rule.NOT_ON_ROSTER, exceptions.notOnRoster(runId),
                    c -> CrossLoanDetails.notOnRoster(c.issueDate()));
            save(runId, Rule.ROSTER_COUNTY_MISMATCH, exceptions.rosterCountyMismatch(runId),
                    c -> CrossLoanDetails.rosterCountyMismatch(c.text(), c.countyCode()));
        }
        Optional<RunRepository.StoredRun> previous = runs.previousOf(runId);
        previous.ifPresent(prev -> {
            save(runId, Rule.RATE_CHANGED, exceptions.rateChanged(runId, prev.runId()),
                    c -> CrossLoanDetails.rateChanged(c.sum(), c.text(), prev.asOf()));
            save(runId, Rule.LENDING_AFTER_PAUSE, exceptions.lendingAfterPause(runId, prev.runId(), prev.asOf()),
                    c -> CrossLoanDetails.lendingAfterPause(c.issueDate(), prev.asOf()));
        });
        return RepeatStatus.FINISHED;
    }

    private void save(long runId, Rule rule, List<Candidate> candidates, Function<Candidate, String> detail) {
        exceptions.save(runId, candidates.stream().map(c -> new LoanException(c.bankCode(), c.loanId(),
                c.countyCode(), c.householdId(), rule, detail.apply(c))).toList());
    }
}
