package cn.microcredit.monitor.rules;

import java.time.LocalDate;
import java.util.Optional;

import cn.microcredit.monitor.loan.Loan;

/** 二(三): 帮扶小额信贷可续贷或展期1次. */
final class RenewalLimitRule implements LoanRule {

    private final int maxRenewals;

    RenewalLimitRule(int maxRenewals) {
        this.maxRenewals = maxRenewals;
    }

    @Override
    public Rule rule() {
        return Rule.RENEWAL_OVER_LIMIT;
    }

    @Override
    public Optional<String> check(Loan loan, LocalDate asOf) {
        return loan.renewalCount() > maxRenewals
                ? Optional.of("续贷展期 " + loan.renewalCount() + " 次，至多 " + maxRenewals + " 次")
                : Optional.empty();
    }
}
