package cn.microcredit.monitor.rules;

import static cn.microcredit.monitor.rules.TestLoans.loan;
import static cn.microcredit.monitor.rules.TestLoans.onlyDetail;
import static cn.microcredit.monitor.rules.TestLoans.rulesBrokenBy;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.microcredit.monitor.loan.Loan;

/** Data quality: the principal outstanding cannot exceed the amount lent (SPEC 5.3 BALANCE_EXCEEDS_AMOUNT). */
class BalanceExceedsAmountRuleTest {

    @Test
    void balanceEqualToTheAmountIsWithin() {
        assertThat(rulesBrokenBy(loan().amount("50000.00").balance("50000.00").build())).isEmpty();
    }

    @Test
    void balanceEqualInValueButNotInScaleIsWithin() {
        assertThat(rulesBrokenBy(loan().amount("50000.00").balance("50000").build())).isEmpty();
    }

    @Test
    void balanceOneCentOverTheAmountIsFlagged() {
        Loan loan = loan().amount("50000.00").balance("50000.01").build();

        assertThat(rulesBrokenBy(loan)).containsExactly(Rule.BALANCE_EXCEEDS_AMOUNT);
        assertThat(onlyDetail(loan)).isEqualTo("余额 50,000.01 元 大于贷款金额 50,000.00 元");
    }
}
