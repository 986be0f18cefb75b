package cn.microcredit.monitor.rules;

import static cn.microcredit.monitor.rules.TestLoans.AS_OF;
import static cn.microcredit.monitor.rules.TestLoans.ISSUE_DATE;
import static cn.microcredit.monitor.rules.TestLoans.idNumberBornOn;
import static cn.microcredit.monitor.rules.TestLoans.loan;
import static cn.microcredit.monitor.rules.TestLoans.rulesBrokenBy;
import static cn.microcredit.monitor.rules.TestLoans.wrongCheckCharacter;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Guarantee;
import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Purpose;
import cn.microcredit.monitor.metrics.MonitorRules;

class LoanRulesTest {

    @Test
    void baselineLoanBreaksNoRule() {
        assertThat(rulesBrokenBy(loan().build())).isEmpty();
    }

    @Test
    void rulesBrokenTogetherComeOutInSpecOrder() {
        Loan loan = loan()
                .amount("100000.01")
                .balance("100000.02")
                .maturingOn(ISSUE_DATE.plusYears(3).plusDays(1))
                .purpose(Purpose.MARRIAGE)
                .guarantee(Guarantee.MORTGAGE)
                .overdue(1, Classification.NORMAL)
                .idNumber(wrongCheckCharacter(idNumberBornOn(ISSUE_DATE.minusYears(17))))
                .build();

        assertThat(rulesBrokenBy(loan)).containsExactly(Rule.AMOUNT_OVER_LIMIT, Rule.TERM_OVER_LIMIT,
                Rule.AGE_OUT_OF_RANGE, Rule.NON_PRODUCTIVE_PURPOSE, Rule.GUARANTEE_REQUIRED, Rule.MISCLASSIFIED,
                Rule.BALANCE_EXCEEDS_AMOUNT, Rule.INVALID_ID_NUMBER);
    }

    @Test
    void theOtherRulesBrokenTogetherComeOutInSpecOrderToo() {
        Loan loan = loan()
                .renewals(2)
                .purpose(Purpose.ENTERPRISE_USE)
                .maturingOn(AS_OF.minusDays(1))
                .balance("50000.01")
                .build();

        assertThat(rulesBrokenBy(loan)).containsExactly(Rule.RENEWAL_OVER_LIMIT, Rule.ENTERPRISE_USE,
                Rule.MATURED_NOT_OVERDUE, Rule.BALANCE_EXCEEDS_AMOUNT);
    }

    @Test
    void eachFindingCarriesTheDetailOfItsOwnRule() {
        Loan loan = loan().amount("100000.01").balance("100000.01").guarantee(Guarantee.PLEDGE).build();

        assertThat(new LoanRules(MonitorRules.defaults()).check(loan, AS_OF)).containsExactly(
                new LoanRules.Finding(Rule.AMOUNT_OVER_LIMIT, "贷款金额 100,000.01 元 超过帮扶小额信贷上限 100,000.00 元"),
                new LoanRules.Finding(Rule.GUARANTEE_REQUIRED, "担保方式为质押，政策要求免担保"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "AMOUNT_OVER_LIMIT, HIGH",
            "TERM_OVER_LIMIT, MEDIUM",
            "AGE_OUT_OF_RANGE, MEDIUM",
            "RENEWAL_OVER_LIMIT, HIGH",
            "NON_PRODUCTIVE_PURPOSE, HIGH",
            "ENTERPRISE_USE, HIGH",
            "GUARANTEE_REQUIRED, MEDIUM",
            "NOT_ON_ROSTER, HIGH",
            "ROSTER_COUNTY_MISMATCH, LOW",
            "MULTIPLE_OUTSTANDING_LOANS, MEDIUM",
            "HOUSEHOLD_OVER_LIMIT, HIGH",
            "MISCLASSIFIED, HIGH",
            "MATURED_NOT_OVERDUE, MEDIUM",
            "BALANCE_EXCEEDS_AMOUNT, MEDIUM",
            "INVALID_ID_NUMBER, LOW",
            "RATE_CHANGED, HIGH",
            "LENDING_AFTER_PAUSE, HIGH",
            "DOWNGRADED_FOR_RENEWAL, LOW"})
    void everyRuleHasTheSeverityOfTheSpecTable(Rule rule, Severity severity) {
        assertThat(rule.severity()).isEqualTo(severity);
    }

    @Test
    void rulesAreDeclaredInTheOrderOfTheSpecTable() {
        assertThat(Rule.values()).extracting(Rule::name).containsExactly("AMOUNT_OVER_LIMIT", "TERM_OVER_LIMIT",
                "AGE_OUT_OF_RANGE", "RENEWAL_OVER_LIMIT", "NON_PRODUCTIVE_PURPOSE", "ENTERPRISE_USE",
                "GUARANTEE_REQUIRED", "NOT_ON_ROSTER", "ROSTER_COUNTY_MISMATCH", "MULTIPLE_OUTSTANDING_LOANS",
                "HOUSEHOLD_OVER_LIMIT", "MISCLASSIFIED", "MATURED_NOT_OVERDUE", "BALANCE_EXCEEDS_AMOUNT",
                "INVALID_ID_NUMBER", "RATE_CHANGED", "LENDING_AFTER_PAUSE", "DOWNGRADED_FOR_RENEWAL");
    }
}
