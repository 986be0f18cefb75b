package cn.microcredit.monitor.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Regime;

/** 一(二): an assistance loan is 10万元（含）以下; a legacy 脱贫人口小额信贷 loan 5万元 at most. */
final class AmountLimitRule implements LoanRule {

    private final BigDecimal limit;
    private final BigDecimal legacyLimit;

    AmountLimitRule(BigDecimal limit, BigDecimal legacyLimit) {
        this.limit = limit;
        this.legacyLimit = legacyLimit;
    }

    @Override
    public Rule rule() {
        return Rule.AMOUNT_OVER_LIMIT;
    }

    @Override
    public Optional<String> check(Loan loan, LocalDate asOf) {
        BigDecimal max = loan.regime() == Regime.ASSISTANCE ? limit : legacyLimit;
        if (loan.amount().compareTo(max) <= 0) {
            return Optional.empty();
        }
        return Optional.of("贷款金额 " + Money.yuan(loan.amount()) + " 超过" + loan.regime().label() + "上限 "
                + Money.yuan(max));
    }
}
