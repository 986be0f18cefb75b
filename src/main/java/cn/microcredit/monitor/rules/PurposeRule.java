package cn.microcredit.monitor.rules;

import java.time.LocalDate;
import java.util.Optional;

import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Purpose;

/** 一(八): 不能用于结婚、建房、理财、购置家庭用品等非生产性支出. */
final class PurposeRule implements LoanRule {

    @Override
    public Rule rule() {
        return Rule.NON_PRODUCTIVE_PURPOSE;
    }

    @Override
    public Optional<String> check(Loan loan, LocalDate asOf) {
        return loan.purpose().kind() == Purpose.Kind.NON_PRODUCTIVE
                ? Optional.of("贷款用途为" + loan.purpose().label() + "，属非生产性支出")
                : Optional.empty();
    }
}
