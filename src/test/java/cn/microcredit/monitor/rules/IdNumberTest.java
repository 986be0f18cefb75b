package cn.microcredit.monitor.rules;

import static cn.microcredit.monitor.rules.TestLoans.AS_OF;
import static cn.microcredit.monitor.rules.TestLoans.loan;
import static cn.microcredit.monitor.rules.TestLoans.onlyDetail;
import static cn.microcredit.monitor.rules.TestLoans.rulesBrokenBy;
import static cn.microcredit.monitor.rules.TestLoans.withCheckCharacter;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.microcredit.monitor.loan.Loan;

/**
 * GB 11643-1999 resident identity numbers: 6-digit region, 8-digit birth date, 3-digit sequence, ISO 7064 MOD 11-2
 * check character (SPEC 3.1 borrower_id_number, 5.3 INVALID_ID_NUMBER).
 */
class IdNumberTest {

    /** The standard's own example: a resident of 北京市朝阳区 born 1949-12-31, check character X. */
    private static final String STANDARD_EXAMPLE = "11010519491231002X";

    @Test
    void testHelperComputesTheStandardsOwnCheckCharacter() {
        assertThat(withCheckCharacter("11010519491231002")).isEqualTo(STANDARD_EXAMPLE);
    }

    @Test
    void knownValidNumberWithCheckCharacterXIsValid() {
        assertThat(IdNumber.problem(STANDARD_EXAMPLE, AS_OF)).isEmpty();
        assertThat(IdNumber.birthDate(STANDARD_EXAMPLE)).contains(LocalDate.of(1949, 12, 31));
    }

    @Test
    void lowerCaseXIsTheSameCheckCharacter() {
        assertThat(IdNumber.problem("11010519491231002x", AS_OF)).isEmpty();
    }

    @Test
    void validNumberWithADigitCheckIsValid() {
        // Σ digit × weight = 197 by hand, 197 mod 11 = 10, so the check is (12 − 10) mod 11 = 2
        assertThat(withCheckCharacter("21010219800515123")).isEqualTo("210102198005151232");
        assertThat(IdNumber.problem("210102198005151232", AS_OF)).isEmpty();
    }

    @Test
    void wrongCheckDigitIsInvalid() {
        assertThat(IdNumber.problem("110105194912310021", AS_OF)).contains("校验码应为 X");
        assertThat(IdNumber.problem("210102198005151233", AS_OF)).contains("校验码应为 2");
    }

    @Test
    void seventeenCharactersAreTooFew() {
        assertThat(IdNumber.problem("11010519491231002", AS_OF)).contains("长度为 17，应为18位");
    }

    @Test
    void nineteenCharactersAreTooMany() {
        assertThat(IdNumber.problem("11010519491231002X0", AS_OF)).contains("长度为 19，应为18位");
    }

    @Test
    void letterAmongTheFirstSeventeenIsInvalid() {
        assertThat(IdNumber.problem("1101051949123100AX", AS_OF)).contains("前17位应为数字");
        assertThat(IdNumber.problem("X10105194912310021", AS_OF)).contains("前17位应为数字");
    }

    @Test
    void birthDateReadsAnyDecimalDigitsAndNothingElse() {
        // Full-width digits read as Integer.parseInt reads them (the number itself is still invalid: 前17位应为数字).
        String fullWidth = "110105１９４９１２３１002X";
        assertThat(IdNumber.birthDate(fullWidth)).contains(LocalDate.of(1949, 12, 31));
        assertThat(IdNumber.problem(fullWidth, AS_OF)).contains("前17位应为数字");
        // A sign or a letter in the birth date is no date.
        assertThat(IdNumber.birthDate("110105+9491231002X")).isEmpty();
        assertThat(IdNumber.birthDate("11010519491a31002X")).isEmpty();
        assertThat(IdNumber.birthDate(null)).isEmpty();
    }

    @Test
    void thirtiethOfFebruaryIsAnImpossibleBirthDate() {
        String id = withCheckCharacter("21010219990230123");

        assertThat(IdNumber.birthDate(id)).isEmpty();
        assertThat(IdNumber.problem(id, AS_OF)).contains("出生日期不可能");
    }

    @Test
    void birthDateAfterTheAsOfDateIsImpossible() {
        String id = TestLoans.idNumberBornOn(AS_OF.plusDays(1));

        assertThat(IdNumber.birthDate(id)).contains(AS_OF.plusDays(1));
        assertThat(IdNumber.problem(id, AS_OF)).contains("出生日期不可能");
    }

    @Test
    void birthDateOnTheAsOfDateIsPossible() {
        assertThat(IdNumber.problem(TestLoans.idNumberBornOn(AS_OF), AS_OF)).isEmpty();
    }

    @Test
    void loanWithAWrongCheckDigitBreaksOnlyInvalidIdNumber() {
        Loan loan = loan().idNumber("210102198005151233").build();

        assertThat(rulesBrokenBy(loan)).containsExactly(Rule.INVALID_ID_NUMBER);
        assertThat(onlyDetail(loan)).isEqualTo("身份证号无效：校验码应为 2");
    }

    @Test
    void legacyLoanToTheStandardsExampleWrittenWithLowerCaseXIsWithin() {
        Loan loan = loan().idNumber("11010519491231002x")
                .issuedOn(LocalDate.of(2025, 1, 2)).maturingOn(LocalDate.of(2027, 1, 2)).build();

        assertThat(rulesBrokenBy(loan)).isEmpty();
    }

    @Test
    void loanWithAnImpossibleBirthDateBreaksOnlyInvalidIdNumber() {
        Loan loan = loan().idNumber(withCheckCharacter("21010219990230123")).build();

        assertThat(rulesBrokenBy(loan)).containsExactly(Rule.INVALID_ID_NUMBER);
        assertThat(onlyDetail(loan)).isEqualTo("身份证号无效：出生日期不可能");
    }
}
