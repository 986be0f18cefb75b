package cn.microcredit.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-06-30", "2026/06/30", "20260630"})
    void everyAcceptedDateFormReadsTheSameDay(String text) throws FieldException {
        assertThat(Values.date(text)).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void slashDateMayOmitLeadingZeros() throws FieldException {
        assertThat(Values.date("2026/6/3")).isEqualTo(LocalDate.of(2026, 6, 3));
        assertThat(Values.date("2026/06/3")).isEqualTo(LocalDate.of(2026, 6, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "2026/13/1", "2026/2/29", "20261301", "20260230", "2026-00-10"})
    void impossibleDateIsBadDate(String text) {
        FieldException e = catchThrowableOfType(FieldException.class, () -> Values.date(text));

        assertThat(e.reason()).isEqualTo(RejectReason.BAD_DATE);
        assertThat(e.getMessage()).isEqualTo("'" + text + "' 不是存在的日期");
    }

    @ParameterizedTest
    @ValueSource(strings = {"30/06/2026", "2026.06.30", "2026-06/30", "2026-06-30 00:00:00", "260630", "今天", ""})
    void textInNoAcceptedFormIsBadDate(String text) {
        FieldException e = catchThrowableOfType(FieldException.class, () -> Values.date(text));

        assertThat(e.reason()).isEqualTo(RejectReason.BAD_DATE);
        assertThat(e.getMessage()).startsWith("'" + text + "' 不是 yyyy-MM-dd");
    }

    @Test
    void plainMoneyIsReadToTheFen() throws FieldException {
        assertThat(Values.money("12345.6")).isEqualTo(new BigDecimal("12345.60"));
        assertThat(Values.money("500")).isEqualTo(new BigDecimal("500.00"));
        assertThat(Values.money("0.01")).isEqualTo(new BigDecimal("0.01"));
    }

    @Test
    void moneyWithThousandsSeparatorsIsAccepted() throws FieldException {
        assertThat(Values.money("12,345.60")).isEqualTo(new BigDecimal("12345.60"));
        assertThat(Values.money("1,234,567")).isEqualTo(new BigDecimal("1234567.00"));
    }

    @Test
    void trailingZerosBeyondTheFenAreAccepted() throws FieldException {
        assertThat(Values.money("100.000")).isEqualTo(new BigDecimal("100.00"));
        assertThat(Values.money("2.5000")).isEqualTo(new BigDecimal("2.50"));
    }

    @Test
    void negativeMoneyIsReadSoThatTheRowCanRejectItAsOutOfRange() throws FieldException {
        assertThat(Values.money("-0.01")).isEqualTo(new BigDecimal("-0.01"));
    }

    @Test
    void moneyWithThreeSignificantDecimalsIsBadNumber() {
        FieldException e = catchThrowableOfType(FieldException.class, () -> Values.money("1.005"));

        assertThat(e.reason()).isEqualTo(RejectReason.BAD_NUMBER);
        assertThat(e.getMessage()).isEqualTo("'1.005' 金额精度超过分（两位小数）");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,23", "12,3456.00", "1,234,56", ",123", "1.234,56", "abc", "12元", "¥12", "1e3", "1.", ".5",
            "--1", ""})
    void malformedMoneyIsBadNumber(String text) {
        FieldException e = catchThrowableOfType(FieldException.class, () -> Values.money(text));

        assertThat(e.reason()).isEqualTo(RejectReason.BAD_NUMBER);
        assertThat(e.getMessage()).isEqualTo("'" + text + "' 不是有效的金额");
    }

    @Test
    void percentIsReadWithOrWithoutPercentSign() throws FieldException {
        assertThat(Values.percent("3.45")).isEqualTo(new BigDecimal("3.45"));
        assertThat(Values.percent("3.45%")).isEqualTo(new BigDecimal("3.45"));
        assertThat(Values.percent("3.45 %")).isEqualTo(new BigDecimal("3.45"));
    }

    @Test
    void percentKeepsItsValueNotItsScale() throws FieldException {
        assertThat(Values.percent("24")).isEqualByComparingTo("24");
        assertThat(Values.percent("24.00")).isEqualByComparingTo("24");
        assertThat(Values.percent("100")).isEqualByComparingTo("100").hasScaleOf(0);
        assertThat(Values.percent("0.000001")).isEqualTo(new BigDecimal("0.000001"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "%", "3.45%%", "百分之三", "1.0000001", ""})
    void malformedPercentIsBadNumber(String text) {
        FieldException e = catchThrowableOfType(FieldException.class, () -> Values.percent(text));

        assertThat(e.reason()).isEqualTo(RejectReason.BAD_NUMBER);
    }

    @Test
    void integersMayCarryASign() throws FieldException {
        assertThat(Values.integer("0")).isZero();
        assertThat(Values.integer("365")).isEqualTo(365);
        assertThat(Values.integer("+5")).isEqualTo(5);
        assertThat(Values.integer("-3")).isEqualTo(-3);
        assertThat(Values.integer("007")).isEqualTo(7);
        assertThat(Values.integer("999999999")).isEqualTo(999_999_999);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1,000", "1e2", "三十", "1234567890", "", "-"})
    void nonIntegerIsBadNumber(String text) {
        FieldException e = catchThrowableOfType(FieldException.class, () -> Values.integer(text));

        assertThat(e.reason()).isEqualTo(RejectReason.BAD_NUMBER);
        assertThat(e.getMessage()).isEqualTo("'" + text + "' 不是整数");
    }

    @ParameterizedTest
    @CsvSource({"2024-02-29, 2024-02-29", "2026-02-28, 2026-02-28", "2026/4/30, 2026-04-30", "20261231, 2026-12-31",
            "2026/12/31, 2026-12-31", "2026-1-1, 2026-01-01", "2000/2/29, 2000-02-29"})
    void lastAndFirstDaysOfMonthsAreRead(String text, LocalDate day) throws FieldException {
        assertThat(Values.date(text)).isEqualTo(day);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-29", "1900/2/29", "2026/4/31", "20261131", "2026-12-32", "2026/12/0"})
    void dayAfterTheLastOfTheMonthIsNotADate(String text) {
        FieldException e = catchThrowableOfType(FieldException.class, () -> Values.date(text));

        assertThat(e.getMessage()).isEqualTo("'" + text + "' 不是存在的日期");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-1-", "2026--01", "2026-001-05", "2026-01-005", "2026/1-5", "2026-1-05x", "2026123",
            "202612311", "+2026-01-05", "\uFF12\uFF10\uFF12\uFF16-01-05", "2026-\u0661-05", "２０２６０１０５"})
    void nearMissesOfTheDateFormsAreBadDates(String text) {
        FieldException e = catchThrowableOfType(FieldException.class, () -> Values.date(text));

        assertThat(e.reason()).isEqualTo(RejectReason.BAD_DATE);
        assertThat(e.getMessage()).contains("不是 yyyy-MM-dd");
    }

    @Test
    void moneyOfExactlyTwoDecimalsKeepsThemAndThreeSignificantOnesAreRejected() throws FieldException {
        assertThat(Values.money("20000.10")).isEqualTo(new BigDecimal("20000.10"));
        assertThat(Values.money("20000.100")).isEqualTo(new BigDecimal("20000.10"));
        assertThat(Values.money("20000.1")).isEqualTo(new BigDecimal("20000.10"));
        assertThat(catchThrowableOfType(FieldException.class, () -> Values.money("20000.101")).getMessage())
                .isEqualTo("'20000.101' 金额精度超过分（两位小数）");
        assertThat(catchThrowableOfType(FieldException.class, () -> Values.money("0.001")).reason())
                .isEqualTo(RejectReason.BAD_NUMBER);
    }

    @Test
    void moneyKeepsItsSignAndLeadingZerosAreDropped() throws FieldException {
        assertThat(Values.money("-1,000.00")).isEqualTo(new BigDecimal("-1000.00"));
        assertThat(Values.money("+1,000.00")).isEqualTo(new BigDecimal("1000.00"));
        assertThat(Values.money("-0.00")).isEqualTo(new BigDecimal("0.00"));
        assertThat(Values.money("00012.30")).isEqualTo(new BigDecimal("12.30"));
    }

    @Test
    void moneyTooLongForALongIsStillReadExactly() throws FieldException {
        assertThat(Values.money("999,999,999,999,999,999.99")).isEqualTo(new BigDecimal("999999999999999999.99"));
        assertThat(Values.money("9223372036854775808")).isEqualTo(new BigDecimal("9223372036854775808.00"));
        assertThat(Values.money("123456789012345678")).isEqualTo(new BigDecimal("123456789012345678.00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,000,00", "1,,000", "1000,", "-,100", "+-5", "12 345", "\uFF11\uFF12\uFF13",
            "\u0661\u0662", "1.2.3", "1_000", "0x10", "+", "-", ".", ",", "NaN", "Infinity"})
    void nearMissesOfTheMoneyFormsAreBadNumbers(String text) {
        FieldException e = catchThrowableOfType(FieldException.class, () -> Values.money(text));

        assertThat(e.getMessage()).isEqualTo("'" + text + "' 不是有效的金额");
    }

    @Test
    void percentDropsTrailingZerosButNeverGoesBelowScaleZero() throws FieldException {
        assertThat(Values.percent("24")).isEqualTo(new BigDecimal("24"));
        assertThat(Values.percent("24.00")).isEqualTo(new BigDecimal("24"));
        assertThat(Values.percent("20.0")).isEqualTo(new BigDecimal("20"));
        assertThat(Values.percent("24.01")).isEqualTo(new BigDecimal("24.01"));
        assertThat(Values.percent("3.4500%")).isEqualTo(new BigDecimal("3.45"));
        assertThat(Values.percent("-0.0")).isEqualTo(new BigDecimal("0"));
        assertThat(Values.percent("1,234.50")).isEqualTo(new BigDecimal("1234.5"));
    }

    @Test
    void percentOfSixDecimalsIsReadAndSevenAreRejected() throws FieldException {
        assertThat(Values.percent("23.999999")).isEqualTo(new BigDecimal("23.999999"));
        assertThat(Values.percent("0.0000010")).isEqualTo(new BigDecimal("0.000001"));
        assertThat(catchThrowableOfType(FieldException.class, () -> Values.percent("24.0000001")).getMessage())
                .isEqualTo("'24.0000001' 小数位超过6位");
    }

    @Test
    void integersOfNineDigitsAreReadAndTenAreNot() throws FieldException {
        assertThat(Values.integer("-999999999")).isEqualTo(-999_999_999);
        assertThat(Values.integer("-0")).isZero();
        assertThat(Values.integer("000000001")).isEqualTo(1);
        assertThat(catchThrowableOfType(FieldException.class, () -> Values.integer("0000000001")).reason())
                .isEqualTo(RejectReason.BAD_NUMBER);
        assertThat(catchThrowableOfType(FieldException.class, () -> Values.integer("\uFF11")).reason())
                .isEqualTo(RejectReason.BAD_NUMBER);
        assertThat(catchThrowableOfType(FieldException.class, () -> Values.integer("+")).reason())
                .isEqualTo(RejectReason.BAD_NUMBER);
    }

    @Test
    void aHugeFieldIsQuotedShortInItsMessage() {
        String huge = "x".repeat(10_000);

        FieldException e = catchThrowableOfType(FieldException.class, () -> Values.money(huge));

        assertThat(e.reason()).isEqualTo(RejectReason.BAD_NUMBER);
        assertThat(e.getMessage()).isEqualTo("'" + "x".repeat(40) + "…' 不是有效的金额");
    }

    @Test
    void quoteKeepsTextOfFortyCharactersWhole() {
        String forty = "一".repeat(40);

        assertThat(Values.quote(forty)).isEqualTo("'" + forty + "'");
        assertThat(Values.quote(forty + "二")).isEqualTo("'" + forty + "…'");
    }
}
