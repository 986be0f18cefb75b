package cn.microcredit.monitor.job;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import cn.microcredit.monitor.keys.Fingerprint;
import cn.microcredit.monitor.keys.KeyIndex;
import cn.microcredit.monitor.keys.LongList;
import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.metrics.RiskAssessment;
import cn.microcredit.monitor.ops.StopRequest;
import cn.microcredit.monitor.rules.CrossLoanDetails;
import cn.microcredit.monitor.rules.LoanException;
import cn.microcredit.monitor.rules.LoanRules;
import cn.microcredit.monitor.rules.RosterIndex;
import cn.microcredit.monitor.rules.Rule;
import cn.microcredit.monitor.store.ExceptionRepository;
import cn.microcredit.monitor.store.StoredLoan;

/**
 * The rules of SPEC 5.3 for each outstanding loan as it is read back: its own rules, the roster, the previous stored
 * date. Loans of households that may have several outstanding loans are kept for {@link RulesTasklet} to judge
 * together. One instance per thread; breaches are stored in batches as they are found.
 */
final class LoanChecks implements Consumer<StoredLoan> {

    private static final int BATCH = 5_000;

    /** What the loans are checked against; the previous-date parts are null without a previous stored date. */
    record Context(LocalDate asOf, LoanRules loanRules, long[] sharedHouseholds, RosterIndex roster,
                   LocalDate previousAsOf, KeyIndex previousRates, Set<String> previouslyPaused) {
    }

    private final Context context;
    private final long runId;
    private final ExceptionRepository exceptions;
    private final List<LoanException> batch = new ArrayList<>(BATCH);
    private final List<Loan> householdLoans = new ArrayList<>();
    private long checked;
    private long found;

    LoanChecks(Context context, long runId, ExceptionRepository exceptions) {
        this.context = context;
        this.runId = runId;
        this.exceptions = exceptions;
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
            RosterIndex.Result r = context.roster().check(household, loan.householdId(), loan.countyCode(),
                    loan.issueDate());
            switch (r.match()) {
                case NOT_ON_ROSTER -> add(loan, Rule.NOT_ON_ROSTER, CrossLoanDetails.notOnRoster(loan.issueDate()));
                case OTHER_COUNTY -> add(loan, Rule.ROSTER_COUNTY_MISMATCH,
                        CrossLoanDetails.rosterCountyMismatch(r.rosterCounty(), loan.countyCode()));
                case ON_ROSTER -> {
                }
            }
        }
        if (context.previousAsOf() != null) {
            checkHistory(loan);
        }
        if (batch.size() >= BATCH) {
            flush();
        }
    }

    private void checkHistory(Loan loan) {
        KeyIndex rates = context.previousRates();
        long key = Fingerprint.of(loan.bankCode(), loan.loanId());
        int check = Fingerprint.check(loan.bankCode(), loan.loanId());
        int i = rates.first(key, check);
        if (i >= 0) {
            BigDecimal previous = BigDecimal.valueOf(rates.value(i), 6);
            if (previous.compareTo(loan.annualRatePct()) != 0) {
                add(loan, Rule.RATE_CHANGED, CrossLoanDetails.rateChanged(previous,
                        loan.annualRatePct().toPlainString(), context.previousAsOf()));
            }
        }
        if (loan.issueDate().isAfter(context.previousAsOf())
                && context.previouslyPaused().contains(RiskAssessment.key(loan.countyCode(), loan.bankCode()))) {
            add(loan, Rule.LENDING_AFTER_PAUSE,
                    CrossLoanDetails.lendingAfterPause(loan.issueDate(), context.previousAsOf()));
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
        exceptions.save(runId, batch);
        batch.clear();
    }

    /** Outstanding loans of households that may have another: to be grouped by their real household id. */
    List<Loan> householdLoans() {
        return householdLoans;
    }
}
