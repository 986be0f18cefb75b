package cn.microcredit.monitor.rules;

import static cn.microcredit.monitor.rules.TestLoans.ISSUE_DATE;
import static cn.microcredit.monitor.rules.TestLoans.loan;
import static cn.microcredit.monitor.rules.TestLoans.onlyDetail;
import static cn.microcredit.monitor.rules.TestLoans.rulesBrokenBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.microcredit.monitor.loan.Loan;

/** 一(三): 3年期（含）以内, unless the loan was renewed or extended once (SPEC 5.3 TERM_OVER_LIMIT). */
class TermLimitRuleTest {

    @Test
    void maturityExactlyThreeYearsAfterIssueIsWithin() {
        assertThat(rulesBrokenBy(loan().maturingOn(LocalDate.of(2029, 3, 10)).build())).isEmpty();
    }

    @Test
    void maturityOneDayBeyondThreeYearsIsOverTheTerm() {
        Loan loan = loan().maturingOn(LocalDate.of(2029, 3, 11)).build();

        assertThat(rulesBrokenBy(loan)).containsExactly(Rule.TERM_OVER_LIMIT);
        assertThat(onlyDetail(loan)).isEqualTo("发放 2026-03-10 到期 2029-03-11，超过 3 年（最晚 2029-03-10），且未续贷展期");
    }

    @Test
    void renewedLoanMayRunBeyondThreeYears() {
        assertThat(rulesBrokenBy(loan().maturingOn(ISSUE_DATE.plusYears(4)).renewals(1).build())).isEmpty();
    }

    /*
     * Three years from 29 February 2024 end on 28 February 2027: there is no 29 February in 2027, and
     * LocalDate.plusYears clamps to the last day of the month, which is also how 民法典 第二百零三条 ends a period
     * counted in years that has no corresponding day ("没有对应日的，月末日为期间的最后一日"). So a loan maturing
     * 2027-02-28 is a 3-year loan, and one maturing on 1 March 2027 runs a day too long.
     */
    @Test
    void threeYearsFromLeapDayEndOnTheTwentyEighthOfFebruary() {
        LocalDate leapDay = LocalDate.of(2024, 2, 29);

        assertThat(rulesBrokenBy(loan().issuedOn(leapDay).maturingOn(LocalDate.of(2027, 2, 28)).build())).isEmpty();

        Loan oneDayLonger = loan().issuedOn(leapDay).maturingOn(LocalDate.of(2027, 3, 1)).build();
        assertThat(rulesBrokenBy(oneDayLonger)).containsExactly(Rule.TERM_OVER_LIMIT);
        assertThat(onlyDetail(oneDayLonger)).contains("最晚 2027-02-28");
    }
}
