package cn.microcredit.monitor.rules;

import static cn.microcredit.monitor.rules.TestLoans.loan;
import static cn.microcredit.monitor.rules.TestLoans.onlyDetail;
import static cn.microcredit.monitor.rules.TestLoans.rulesBrokenBy;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.microcredit.monitor.loan.Loan;

/** 二(三): 帮扶小额信贷可续贷或展期1次 (SPEC 5.3 RENEWAL_OVER_LIMIT). */
class RenewalLimitRuleTest {

    @Test
    void oneRenewalIsWithin() {
        assertThat(rulesBrokenBy(loan().renewals(1).build())).isEmpty();
    }

    @Test
    void secondRenewalIsOverTheLimit() {
        Loan loan = loan().renewals(2).build();

        assertThat(rulesBrokenBy(loan)).containsExactly(Rule.RENEWAL_OVER_LIMIT);
        assertThat(onlyDetail(loan)).isEqualTo("续贷展期 2 次，至多 1 次");
    }
}
