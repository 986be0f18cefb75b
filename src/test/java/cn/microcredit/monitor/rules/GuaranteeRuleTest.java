package cn.microcredit.monitor.rules;

import static cn.microcredit.monitor.rules.TestLoans.loan;
import static cn.microcredit.monitor.rules.TestLoans.onlyDetail;
import static cn.microcredit.monitor.rules.TestLoans.rulesBrokenBy;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.microcredit.monitor.loan.Guarantee;
import cn.microcredit.monitor.loan.Loan;

/** 一(五): 担保方式：免担保 (SPEC 5.3 GUARANTEE_REQUIRED). */
class GuaranteeRuleTest {

    @ParameterizedTest(name = "{0} ({1}) is a guarantee")
    @CsvSource({"GUARANTEE, 保证", "MORTGAGE, 抵押", "PLEDGE, 质押"})
    void securedLoanIsFlagged(Guarantee guarantee, String label) {
        Loan loan = loan().guarantee(guarantee).build();

        assertThat(rulesBrokenBy(loan)).containsExactly(Rule.GUARANTEE_REQUIRED);
        assertThat(onlyDetail(loan)).isEqualTo("担保方式为" + label + "，政策要求免担保");
    }

    @Test
    void unsecuredCreditLoanIsWithin() {
        assertThat(rulesBrokenBy(loan().guarantee(Guarantee.CREDIT).build())).isEmpty();
    }
}
