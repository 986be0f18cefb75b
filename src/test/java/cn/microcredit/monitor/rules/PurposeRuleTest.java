package cn.microcredit.monitor.rules;

import static cn.microcredit.monitor.rules.TestLoans.loan;
import static cn.microcredit.monitor.rules.TestLoans.onlyDetail;
import static cn.microcredit.monitor.rules.TestLoans.rulesBrokenBy;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Purpose;

/**
 * 一(八): 不能用于结婚、建房、理财、购置家庭用品等非生产性支出, 也不能以入股分红、转贷、指标交换等方式交由企业或其他组织使用
 * (SPEC 5.3 NON_PRODUCTIVE_PURPOSE, ENTERPRISE_USE).
 */
class PurposeRuleTest {

    @ParameterizedTest(name = "{0} ({1}) is non-productive")
    @CsvSource({"MARRIAGE, 结婚", "HOUSING, 建房", "WEALTH, 理财", "HOUSEHOLD_GOODS, 购置家庭用品"})
    void nonProductivePurposeIsFlagged(Purpose purpose, String label) {
        Loan loan = loan().purpose(purpose).build();

        assertThat(rulesBrokenBy(loan)).containsExactly(Rule.NON_PRODUCTIVE_PURPOSE);
        assertThat(onlyDetail(loan)).isEqualTo("贷款用途为" + label + "，属非生产性支出");
    }

    @ParameterizedTest(name = "{0} is productive")
    @EnumSource(names = {"PLANTING", "BREEDING", "PROCESSING", "COMMERCE", "SERVICE", "OTHER_PRODUCTIVE"})
    void productivePurposeIsWithin(Purpose purpose) {
        assertThat(rulesBrokenBy(loan().purpose(purpose).build())).isEmpty();
    }

    @Test
    void enterpriseUseIsFlaggedAsEnterpriseUseOnly() {
        Loan loan = loan().purpose(Purpose.ENTERPRISE_USE).build();

        assertThat(rulesBrokenBy(loan)).containsExactly(Rule.ENTERPRISE_USE);
        assertThat(onlyDetail(loan)).isEqualTo("贷款交由企业使用（入股分红、转贷等），属户贷企用");
    }
}
