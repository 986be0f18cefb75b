package cn.microcredit.monitor.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.metrics.MonitorRules;

/** Every rule of SPEC 5.3 that one loan can break on its own, with the configured limits. */
public final class LoanRules {

    /** One breach: the rule and its detail. */
    public record Finding(Rule rule, String detail) {
    }

    private final List<LoanRule> rules;

    public LoanRules(MonitorRules limits) {
        this.rules = List.of(
                new AmountLimitRule(limits.amountLimitYuan(), limits.legacyAmountLimitYuan()),
                new TermLimitRule(limits.maxTermYears()),
                new AgeRangeRule(limits.minAge(), limits.maxAge()),
                new RenewalLimitRule(limits.maxRenewals()),
                new PurposeRule(),
                new EnterpriseUseRule(),
                new GuaranteeRule(),
                new ClassificationFloorRule(),
                new MaturedNotOverdueRule(),
                new BalanceExceedsAmountRule(),
                new IdNumberRule(),
                new DowngradedForRenewalRule());
    }

    /** The breaches of an outstanding loan, in rule order. */
    public List<Finding> check(Loan loan, LocalDate asOf) {
        List<Finding> findings = new ArrayList<>(2);
        for (LoanRule rule : rules) {
            rule.check(loan, asOf).ifPresent(detail -> findings.add(new Finding(rule.rule(), detail)));
        }
        return findings;
    }
}
