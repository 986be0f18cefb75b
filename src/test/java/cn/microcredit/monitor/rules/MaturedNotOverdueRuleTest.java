package cn.microcredit.monitor.rules;

import static cn.microcredit.monitor.rules.TestLoans.AS_OF;
import static cn.microcredit.monitor.rules.TestLoans.loan;
import static cn.microcredit.monitor.rules.TestLoans.onlyDetail;
import static cn.microcredit.monitor.rules.TestLoans.rulesBrokenBy;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Loan;

/**
 * 四(三): a loan past its maturity date with a balance but no overdue days hides an overdue (SPEC 5.3
 * MATURED_NOT_OVERDUE). The as-of date is 2026-06-30.
 */
class MaturedNotOverdueRuleTest {

    @Test
    void loanThatMaturedTheDayBeforeAsOfWithNoOverdueDaysIsFlagged() {
        Loan loan = loan().maturingOn(AS_OF.minusDays(1)).build();

        assertThat(rulesBrokenBy(loan)).containsExactly(Rule.MATURED_NOT_OVERDUE);
        assertThat(onlyDetail(loan)).isEqualTo("已于 2026-06-29 到期，余额 40,000.00 元 但逾期天数为 0");
    }

    @Test
    void loanMaturingOnTheAsOfDateIsNotYetDue() {
        assertThat(rulesBrokenBy(loan().maturingOn(AS_OF).build())).isEmpty();
    }

    @Test
    void maturedLoanCountedOverdueIsWithin() {
        Loan loan = loan().maturingOn(AS_OF.minusDays(1)).overdue(1, Classification.SPECIAL_MENTION).build();

        assertThat(rulesBrokenBy(loan)).isEmpty();
    }
}
