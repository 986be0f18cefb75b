package cn.microcredit.monitor.rules;

import java.time.LocalDate;
import java.util.Optional;

import cn.microcredit.monitor.loan.Loan;

/** Data quality: principal outstanding cannot exceed the amount lent. */
final class BalanceExceedsAmountRule implements LoanRule {

    @Override
    public Rule rule() {
        return Rule.BALANCE_EXCEEDS_AMOUNT;
    }

    @Override
    public Optional<String> check(Loan loan, LocalDate asOf) {
        return loan.balance().compareTo(loan.amount()) > 0
                ? Optional.of("余额 " + Money.yuan(loan.balance()) + " 大于贷款金额 " + Money.yuan(loan.amount()))
                : Optional.empty();
    }
}
