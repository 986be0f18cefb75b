package cn.microcredit.monitor.rules;

import static cn.microcredit.monitor.rules.TestLoans.ISSUE_DATE;
import static cn.microcredit.monitor.rules.TestLoans.loan;
import static cn.microcredit.monitor.rules.TestLoans.onlyDetail;
import static cn.microcredit.monitor.rules.TestLoans.rulesBrokenBy;
import static cn.microcredit.monitor.rules.TestLoans.withCheckCharacter;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.microcredit.monitor.loan.Loan;

/**
 * 一(九): 申请人年龄原则上应在18周岁（含）—65周岁（含）之间, in whole years on the issue date, birth date from the ID
 * number; only for assistance loans (SPEC 5.3 AGE_OUT_OF_RANGE). The baseline issue date is 2026-03-10.
 */
class AgeRangeRuleTest {

    @Test
    void borrowerWhoseEighteenthBirthdayIsTheIssueDateIsWithin() {
        assertThat(rulesBrokenBy(loan().bornOn(LocalDate.of(2008, 3, 10)).build())).isEmpty();
    }

    @Test
    void borrowerWhoTurnsEighteenTheDayAfterIssueIsTooYoung() {
        Loan loan = loan().bornOn(LocalDate.of(2008, 3, 11)).build();

        assertThat(rulesBrokenBy(loan)).containsExactly(Rule.AGE_OUT_OF_RANGE);
        assertThat(onlyDetail(loan)).isEqualTo("发放日借款人 17 周岁，不在 18—65 周岁之间");
    }

    @Test
    void borrowerWhoTurnsSixtyFiveOnTheIssueDateIsWithin() {
        assertThat(rulesBrokenBy(loan().bornOn(LocalDate.of(1961, 3, 10)).build())).isEmpty();
    }

    @Test
    void borrowerOneDayShortOfSixtySixIsStillSixtyFiveAndWithin() {
        assertThat(rulesBrokenBy(loan().bornOn(LocalDate.of(1960, 3, 11)).build())).isEmpty();
    }

    @Test
    void borrowerWhoseSixtySixthBirthdayIsTheIssueDateIsTooOld() {
        Loan loan = loan().bornOn(LocalDate.of(1960, 3, 10)).build();

        assertThat(rulesBrokenBy(loan)).containsExactly(Rule.AGE_OUT_OF_RANGE);
        assertThat(onlyDetail(loan)).isEqualTo("发放日借款人 66 周岁，不在 18—65 周岁之间");
    }

    /* Period.between counts a 29 February birthday as reached on 1 March in a common year. */
    @Test
    void borrowerBornOnALeapDayIsEighteenOnlyFromTheFirstOfMarch() {
        LocalDate leapDay = LocalDate.of(2008, 2, 29);

        assertThat(rulesBrokenBy(loan().bornOn(leapDay).issuedOn(LocalDate.of(2026, 2, 28)).build()))
                .containsExactly(Rule.AGE_OUT_OF_RANGE);
        assertThat(rulesBrokenBy(loan().bornOn(leapDay).issuedOn(LocalDate.of(2026, 3, 1)).build())).isEmpty();
    }

    @Test
    void legacyLoanToASeventyYearOldIsNotCheckedForAge() {
        Loan loan = loan().issuedOn(LocalDate.of(2025, 6, 1)).bornOn(LocalDate.of(1955, 1, 1)).build();

        assertThat(rulesBrokenBy(loan)).isEmpty();
    }

    @Test
    void legacyLoanToASeventeenYearOldIsNotCheckedForAge() {
        Loan loan = loan().issuedOn(LocalDate.of(2026, 2, 25)).bornOn(LocalDate.of(2009, 1, 1)).build();

        assertThat(rulesBrokenBy(loan)).isEmpty();
    }

    @Test
    void idNumberWithAnImpossibleBirthDateIsInvalidNotOutOfRange() {
        Loan loan = loan().idNumber(withCheckCharacter("21010219990230123")).build();

        assertThat(rulesBrokenBy(loan)).containsExactly(Rule.INVALID_ID_NUMBER);
    }

    @Test
    void idNumberBornBefore1900IsInvalidNotOutOfRange() {
        Loan loan = loan().idNumber(withCheckCharacter("21010218991231123")).build();

        assertThat(rulesBrokenBy(loan)).containsExactly(Rule.INVALID_ID_NUMBER);
    }

    @Test
    void idNumberBornAfterTheAsOfDateIsInvalidNotOutOfRange() {
        Loan loan = loan().bornOn(TestLoans.AS_OF.plusDays(1)).build();

        assertThat(rulesBrokenBy(loan)).containsExactly(Rule.INVALID_ID_NUMBER);
    }

    /* A birth date between issue and as-of is a possible one, so the ID number is valid: the borrower was under 18. */
    @Test
    void borrowerBornAfterTheIssueDateIsTooYoung() {
        Loan loan = loan().bornOn(ISSUE_DATE.plusMonths(2)).build();

        assertThat(rulesBrokenBy(loan)).containsExactly(Rule.AGE_OUT_OF_RANGE);
        assertThat(onlyDetail(loan)).isEqualTo("发放日 2026-03-10 借款人尚未出生（出生日期 2026-05-10），不满 18 周岁");
    }
}
