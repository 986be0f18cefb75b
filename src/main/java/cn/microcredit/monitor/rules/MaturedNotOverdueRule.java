package cn.microcredit.monitor.rules;

import java.time.LocalDate;
import java.util.Optional;

import cn.microcredit.monitor.loan.Loan;

/** 四(三): a loan past maturity with a balance and no overdue days hides an overdue (or an unrecorded extension). */
final class MaturedNotOverdueRule implements LoanRule {

    @Override
    public Rule rule() {
        return Rule.MATURED_NOT_OVERDUE;
    }

    @Override
    public Optional<String> check(Loan loan, LocalDate asOf) {
        return loan.maturityDate().isBefore(asOf) && loan.overdueDays() == 0
                ? Optional.of("已于 " + loan.maturityDate() + " 到期，余额 " + Money.yuan(loan.balance()) + " 但逾期天数为 0")
                : Optional.empty();
    }
}
