package cn.microcredit.monitor.rules;

import java.time.LocalDate;
import java.util.Optional;

import cn.microcredit.monitor.loan.Guarantee;
import cn.microcredit.monitor.loan.Loan;

/** 一(五): 担保方式：免担保. */
final class GuaranteeRule implements LoanRule {

    @Override
    public Rule rule() {
        return Rule.GUARANTEE_REQUIRED;
    }

    @Override
    public Optional<String> check(Loan loan, LocalDate asOf) {
        return loan.guarantee() != Guarantee.CREDIT
                ? Optional.of("担保方式为" + loan.guarantee().label() + "，政策要求免担保")
                : Optional.empty();
    }
}
