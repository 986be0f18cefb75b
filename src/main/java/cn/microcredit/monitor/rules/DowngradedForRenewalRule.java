package cn.microcredit.monitor.rules;

import java.time.LocalDate;
import java.util.Optional;

import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Loan;

/**
 * 三(一): 对……帮扶人口办理小额信贷续贷的，不因续贷单独下调贷款风险分类. A renewed or extended loan that is not overdue
 * but classified worse than normal may have been downgraded for the renewal alone: flagged for review (LOW), since
 * the ledger cannot show whether another reason (the borrower's other debts, a lost guarantee) justifies the class.
 */
final class DowngradedForRenewalRule implements LoanRule {

    @Override
    public Rule rule() {
        return Rule.DOWNGRADED_FOR_RENEWAL;
    }

    @Override
    public Optional<String> check(Loan loan, LocalDate asOf) {
        if (loan.renewalCount() < 1 || loan.overdueDays() != 0 || loan.classification() == Classification.NORMAL) {
            return Optional.empty();
        }
        return Optional.of("续贷展期 " + loan.renewalCount() + " 次，未逾期，分类为" + loan.classification().label()
                + "：请核实是否因续贷单独下调分类");
    }
}
