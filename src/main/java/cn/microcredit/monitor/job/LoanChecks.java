package cn.microcredit.monitor.job;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import cn.microcredit.monitor.keys.Fingerprint;
import cn.microcredit.monitor.keys.LongList;
import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.ops.StopRequest;
import cn.microcredit.monitor.rules.HistoryRules;
import cn.microcredit.monitor.rules.LoanException;
import cn.microcredit.monitor.rules.LoanRules;
import cn.microcredit.monitor.rules.RosterRules;
import cn.microcredit.monitor.rules.Rule;
import cn.microcredit.monitor.store.StoredLoan;

/**
 * Applies the rules of SPEC 5.3 to each outstanding loan as it is read back: its own rules ({@link LoanRules}), the
 * roster ({@link RosterRules}) and the comparison date ({@link HistoryRules}); the rules themselves live in
 * {@code rules/}. Loans of households that may have several outstanding loans are kept for {@link RulesTasklet} to
 * judge together ({@code HouseholdRules}). One instance per thread of a pass over the loans (the metrics step's, or
 * the rules step's own); breaches are stored in batches as they are found, by the pass's {@link BreachWriter}.
 */
final class LoanChecks implements Consumer<StoredLoan> {

    private static final int BATCH = 5_000;

    /** What the loans are checked against: roster null without a usable roster, history without a comparison date. */
    record Context(LocalDate asOf, LoanRules loanRules, long[] sharedHouseholds, RosterRules roster,
                   HistoryRules history) {
    }

    private final Context context;
    private final long runId;
    private final BreachWriter writer;
    private List<LoanException> batch = new ArrayList<>(BATCH);
    private final List<Loan> householdLoans = new ArrayList<>();
    private long checked;
    private long found;

    LoanChecks(Context context, long runId, BreachWriter writer) {
        this.context = context;
        this.runId = runId;
        this.writer = writer;
    }

    @Override
    public void accept(StoredLoan stored) {
        StopRequest.check();
        Loan loan = stored.loan();
        if (!loan.outstanding()) {
            return;
        }
        checked++;
        for (LoanRules.Finding f : context.loanRules().check(loan, context.asOf())) {
            add(loan, f.rule(), f.detail());
        }
        long household = Fingerprint.of(loan.householdId());
        if (LongList.contains(context.sharedHouseholds(), household)) {
            householdLoans.add(loan);
        }
        if (context.roster() != null) {
            LoanRules.Finding f = context.roster().check(household, loan);
            if (f != null) {
                add(loan, f.rule(), f.detail());
            }
        }
        if (context.history() != null) {
            for (LoanRules.Finding f : context.history().check(loan)) {
                add(loan, f.rule(), f.detail());
            }
        }
        if (batch.size() >= BATCH) {
            flush();
        }
    }

    private void add(Loan loan, Rule rule, String detail) {
        batch.add(new LoanException(loan, rule, detail));
        found++;
    }

    /** Outstanding loans checked, and breaches found, by this instance. */
    long checked() {
        return checked;
    }

    long found() {
        return found;
    }

    /** Stores the breaches found so far. */
    void flush() {
        if (!batch.isEmpty()) {
            writer.store(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Outstanding loans of households that may have another: to be grouped by their real household id. */
    List<Loan> householdLoans() {
        return householdLoans;
    }

    /** After a pass: stores what each thread's checks still hold, waits until all is stored, sums up what was found. */
    static LoanPassHandover.Pass finish(long runId, List<LoanChecks> threads, BreachWriter writer) {
        List<Loan> householdLoans = new ArrayList<>();
        long checked = 0;
        long found = 0;
        for (LoanChecks checks : threads) {
            checks.flush();
            householdLoans.addAll(checks.householdLoans());
            checked += checks.checked();
            found += checks.found();
        }
        writer.finish();
        return new LoanPassHandover.Pass(runId, checked, found, householdLoans);
    }
}
