package cn.microcredit.monitor.rules;

import java.time.LocalDate;
import java.util.Optional;

import cn.microcredit.monitor.loan.Loan;

/** 一(三): 3年期（含）以内, unless the loan was renewed or extended (then the term covers the renewal). */
final class TermLimitRule implements LoanRule {

    private final int maxYears;

    TermLimitRule(int maxYears) {
        this.maxYears = maxYears;
    }

    @Override
    public Rule rule() {
        return Rule.TERM_OVER_LIMIT;
    }

    @Override
    public Optional<String> check(Loan loan, LocalDate asOf) {
        LocalDate latest = loan.issueDate().plusYears(maxYears);
        if (loan.renewalCount() != 0 || !loan.maturityDate().isAfter(latest)) {
            return Optional.empty();
        }
        return Optional.of("发放 " + loan.issueDate() + " 到期 " + loan.maturityDate() + "，超过 " + maxYears
                + " 年（最晚 " + latest + "），且未续贷展期");
    }
}
