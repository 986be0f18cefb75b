package cn.microcredit.monitor.ingest;

import static cn.microcredit.monitor.ingest.LedgerColumn.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Guarantee;
import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Purpose;

class LedgerRowParserTest {

    private static final String FILE = "b1.csv";
    private static final long LINE = 7;
    private static final Set<String> BANKS = Set.of("B01", "B02");
    private static final Set<String> COUNTIES = Set.of("210102", "210181");

    private static final List<String> ENGLISH_HEADER = List.of("loan_id", "bank_code", "county_code", "household_id",
            "borrower_name", "borrower_id_number", "issue_date", "maturity_date", "amount", "balance", "annual_rate",
            "overdue_days", "classification", "renewal_count", "purpose_code", "guarantee", "large_need");
    private static final List<String> CHINESE_REQUIRED_HEADER = List.of("借据号", "机构代码", "县区代码", "户编号",
            "借款人姓名", "身份证号", "发放日期", "到期日期", "贷款金额", "贷款余额", "执行年利率", "逾期天数", "五级分类");

    /** A valid row in English codes, every column given. */
    private static Map<LedgerColumn, String> validRow() {
        Map<LedgerColumn, String> row = new EnumMap<>(LedgerColumn.class);
        row.put(LOAN_ID, "L2026-0001");
        row.put(BANK_CODE, "B01");
        row.put(COUNTY_CODE, "210102");
        row.put(HOUSEHOLD_ID, "H0001");
        row.put(BORROWER_NAME, "张三");
        row.put(BORROWER_ID_NUMBER, "210102198503151235");
        row.put(ISSUE_DATE, "2026-03-15");
        row.put(MATURITY_DATE, "2028-03-14");
        row.put(AMOUNT, "50000.00");
        row.put(BALANCE, "45000.00");
        row.put(ANNUAL_RATE, "3.45");
        row.put(OVERDUE_DAYS, "0");
        row.put(CLASSIFICATION, "NORMAL");
        row.put(RENEWAL_COUNT, "1");
        row.put(PURPOSE_CODE, "BREEDING");
        row.put(GUARANTEE, "GUARANTEE");
        row.put(LARGE_NEED, "Y");
        return row;
    }

    @Test
    void validRowInEnglishCodesBecomesALoan() {
        LedgerRowParser.Outcome outcome = parse(validRow());

        assertThat(outcome.reject()).isNull();
        assertThat(outcome.loan()).isEqualTo(new Loan("B01", "L2026-0001", "210102", "H0001", "张三",
                "210102198503151235", LocalDate.of(2026, 3, 15), LocalDate.of(2028, 3, 14),
                new BigDecimal("50000.00"), new BigDecimal("45000.00"), new BigDecimal("3.45"), 0,
                Classification.NORMAL, 1, Purpose.BREEDING, Guarantee.GUARANTEE, true));
    }

    @Test
    void validRowUnderChineseHeaderWithoutOptionalColumnsTakesTheDefaults() {
        LedgerRowParser parser = parser(CHINESE_REQUIRED_HEADER);
        List<String> values = List.of("借据-001", "B02", "210181", "户0002", "李四", "210181199007024560", "2026/3/5",
                "20290304", "100,000.00", "99,999.99", "3.45%", "35", "关注");

        LedgerRowParser.Outcome outcome = parser.parse(new CsvRows.Row(LINE, values, null));

        assertThat(outcome.reject()).isNull();
        assertThat(outcome.loan()).isEqualTo(new Loan("B02", "借据-001", "210181", "户0002", "李四",
                "210181199007024560", LocalDate.of(2026, 3, 5), LocalDate.of(2029, 3, 4),
                new BigDecimal("100000.00"), new BigDecimal("99999.99"), new BigDecimal("3.45"), 35,
                Classification.SPECIAL_MENTION, 0, Purpose.OTHER_PRODUCTIVE, Guarantee.CREDIT, false));
    }

    @Test
    void blankOptionalFieldsTakeTheDefaults() {
        Map<LedgerColumn, String> row = validRow();
        row.put(RENEWAL_COUNT, "");
        row.put(PURPOSE_CODE, " ");
        row.put(GUARANTEE, "");
        row.put(LARGE_NEED, "");

        Loan loan = parse(row).loan();

        assertThat(loan.renewalCount()).isZero();
        assertThat(loan.purpose()).isEqualTo(Purpose.OTHER_PRODUCTIVE);
        assertThat(loan.guarantee()).isEqualTo(Guarantee.CREDIT);
        assertThat(loan.largeNeed()).isFalse();
    }

    @Test
    void surroundingSpacesAreTrimmed() {
        Map<LedgerColumn, String> row = validRow();
        row.put(LOAN_ID, "  L2026-0001 ");
        row.put(AMOUNT, " 50000.00 ");
        row.put(CLASSIFICATION, " NORMAL ");

        Loan loan = parse(row).loan();

        assertThat(loan.loanId()).isEqualTo("L2026-0001");
        assertThat(loan.amount()).isEqualTo(new BigDecimal("50000.00"));
        assertThat(loan.classification()).isEqualTo(Classification.NORMAL);
    }

    @ParameterizedTest
    @CsvSource({
            "正常, NORMAL", "关注, SPECIAL_MENTION", "次级, SUBSTANDARD", "可疑, DOUBTFUL", "损失, LOSS",
            "1, NORMAL", "2, SPECIAL_MENTION", "3, SUBSTANDARD", "4, DOUBTFUL", "5, LOSS",
            "substandard, SUBSTANDARD"})
    void classificationIsReadFromChineseLabelDigitOrCode(String text, Classification expected) {
        assertThat(parseWith(CLASSIFICATION, text).loan().classification()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "种植, PLANTING", "养殖, BREEDING", "加工, PROCESSING", "商贸流通, COMMERCE", "服务, SERVICE",
            "其他生产经营, OTHER_PRODUCTIVE", "结婚, MARRIAGE", "建房, HOUSING", "理财, WEALTH",
            "购置家庭用品, HOUSEHOLD_GOODS", "企业使用, ENTERPRISE_USE", "户贷企用, ENTERPRISE_USE", "planting, PLANTING"})
    void purposeIsReadFromChineseLabelOrCode(String text, Purpose expected) {
        assertThat(parseWith(PURPOSE_CODE, text).loan().purpose()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"信用, CREDIT", "免担保, CREDIT", "保证, GUARANTEE", "抵押, MORTGAGE", "质押, PLEDGE", "credit, CREDIT"})
    void guaranteeIsReadFromChineseLabelOrCode(String text, Guarantee expected) {
        assertThat(parseWith(GUARANTEE, text).loan().guarantee()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"是, true", "否, false", "Y, true", "N, false", "y, true", "n, false"})
    void largeNeedIsReadFromYesOrNo(String text, boolean expected) {
        assertThat(parseWith(LARGE_NEED, text).loan().largeNeed()).isEqualTo(expected);
    }

    @Test
    void rowWithFewerFieldsThanTheHeaderIsMalformed() {
        List<String> values = new ArrayList<>(values(validRow()));
        values.remove(values.size() - 1);

        Reject reject = parser(ENGLISH_HEADER).parse(new CsvRows.Row(LINE, values, null)).reject();

        assertRejected(reject, RejectReason.MALFORMED_ROW, "字段数 16 少于表头的 17 列");
        assertThat(reject.loanId()).isEqualTo("L2026-0001");
        assertThat(reject.bankCode()).isEqualTo("B01");
    }

    @Test
    void unquotedThousandsSeparatorMakesTooManyFieldsAndIsMalformed() {
        // 50,000.00 written without quotes splits into "50" and "000.00", pushing every later field one column right.
        String line = "L2026-0001,B01,210102,H0001,张三,210102198503151235,2026-03-15,2028-03-14,50,000.00,45000.00,"
                + "3.45,0,NORMAL,1,BREEDING,GUARANTEE,Y";

        Reject reject = parser(ENGLISH_HEADER).parse(new CsvRows.Row(LINE, Arrays.asList(line.split(",")), null))
                .reject();

        assertRejected(reject, RejectReason.MALFORMED_ROW, "字段数 18 多于表头的 17 列（金额中的千分位逗号须加引号）");
    }

    @Test
    void emptyFieldsBeyondTheHeaderAreTolerated() {
        List<String> values = new ArrayList<>(values(validRow()));
        values.addAll(List.of("", " "));

        LedgerRowParser.Outcome outcome = parser(ENGLISH_HEADER).parse(new CsvRows.Row(LINE, values, null));

        assertThat(outcome.reject()).isNull();
        assertThat(outcome.loan().loanId()).isEqualTo("L2026-0001");
    }

    @Test
    void rowThatCsvCouldNotSplitIsMalformed() {
        Reject reject = parser(ENGLISH_HEADER).parse(new CsvRows.Row(LINE, List.of(), "引号未闭合")).reject();

        assertRejected(reject, RejectReason.MALFORMED_ROW, "引号未闭合");
        assertThat(reject.bankCode()).isEmpty();
        assertThat(reject.loanId()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void emptyRequiredFieldIsMissing(String blank) {
        Reject reject = parseWith(BORROWER_NAME, blank).reject();

        assertRejected(reject, RejectReason.MISSING_FIELD, "借款人姓名(borrower_name): 必填字段为空");
    }

    @Test
    void emptyDateIsMissingRatherThanBad() {
        assertRejected(parseWith(MATURITY_DATE, "").reject(), RejectReason.MISSING_FIELD,
                "到期日期(maturity_date): 必填字段为空");
    }

    @Test
    void amountInWordsIsBadNumber() {
        // Two to four Chinese characters quoted in a reject may be a name in the wrong column: masked (issue 17, 4).
        assertRejected(parseWith(AMOUNT, "五万元").reject(), RejectReason.BAD_NUMBER,
                "贷款金额(amount): '五*' 不是有效的金额");
    }

    @Test
    void fractionalOverdueDaysAreBadNumber() {
        assertRejected(parseWith(OVERDUE_DAYS, "3.5").reject(), RejectReason.BAD_NUMBER,
                "逾期天数(overdue_days): '3.5' 不是整数");
    }

    @Test
    void impossibleIssueDateIsBadDate() {
        assertRejected(parseWith(ISSUE_DATE, "2026-02-30").reject(), RejectReason.BAD_DATE,
                "发放日期(issue_date): '2026-02-30' 不是存在的日期");
    }

    @Test
    void zeroAmountIsOutOfRange() {
        assertRejected(parseWith(AMOUNT, "0").reject(), RejectReason.OUT_OF_RANGE, "贷款金额(amount): 0.00 须大于 0");
    }

    @Test
    void smallestPositiveAmountIsAccepted() {
        assertThat(parseWith(AMOUNT, "0.01").loan().amount()).isEqualTo(new BigDecimal("0.01"));
    }

    @Test
    void aBillionYuanIsTheLargestAmountAndBalanceAccepted() {
        assertThat(parseWith(AMOUNT, "1000000000.00").loan().amount()).isEqualTo(new BigDecimal("1000000000.00"));
        assertThat(parseWith(BALANCE, "1000000000").loan().balance()).isEqualTo(new BigDecimal("1000000000.00"));
        assertRejected(parseWith(AMOUNT, "1000000000.01").reject(), RejectReason.OUT_OF_RANGE,
                "贷款金额(amount): 1000000000.01 超过 1000000000 元，不是可信的单笔金额");
        assertRejected(parseWith(BALANCE, "99999999999999999999.99").reject(), RejectReason.OUT_OF_RANGE,
                "贷款余额(balance): 99999999999999999999.99 超过 1000000000 元，不是可信的单笔金额");
    }

    @Test
    void negativeBalanceIsOutOfRange() {
        assertRejected(parseWith(BALANCE, "-0.01").reject(), RejectReason.OUT_OF_RANGE,
                "贷款余额(balance): -0.01 不能为负");
    }

    @Test
    void zeroBalanceIsASettledLoanAndAccepted() {
        assertThat(parseWith(BALANCE, "0").loan().balance()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void rateAboveTwentyFourPercentIsOutOfRange() {
        assertRejected(parseWith(ANNUAL_RATE, "24.01").reject(), RejectReason.OUT_OF_RANGE,
                "执行年利率(annual_rate): 24.01 不在 0–24（%）之间");
    }

    @Test
    void negativeRateIsOutOfRange() {
        assertRejected(parseWith(ANNUAL_RATE, "-0.01").reject(), RejectReason.OUT_OF_RANGE,
                "执行年利率(annual_rate): -0.01 不在 0–24（%）之间");
    }

    @ParameterizedTest
    @ValueSource(strings = {"24", "24.00", "24%", "0"})
    void rateFromZeroToTwentyFourPercentInclusiveIsAccepted(String rate) {
        LedgerRowParser.Outcome outcome = parseWith(ANNUAL_RATE, rate);

        assertThat(outcome.reject()).isNull();
        assertThat(outcome.loan().annualRatePct()).isEqualByComparingTo(rate.replace("%", ""));
    }

    @Test
    void negativeOverdueDaysAreOutOfRange() {
        assertRejected(parseWith(OVERDUE_DAYS, "-1").reject(), RejectReason.OUT_OF_RANGE,
                "逾期天数(overdue_days): -1 不能为负");
    }

    @Test
    void negativeRenewalCountIsOutOfRange() {
        assertRejected(parseWith(RENEWAL_COUNT, "-1").reject(), RejectReason.OUT_OF_RANGE,
                "续贷展期次数(renewal_count): -1 不能为负");
    }

    @Test
    void loanIdOfSixtyFiveCharactersIsOutOfRange() {
        String id = "L".repeat(65);

        Reject reject = parseWith(LOAN_ID, id).reject();

        assertRejected(reject, RejectReason.OUT_OF_RANGE, "借据号(loan_id): 长度 65 超过 64 个字符");
        assertThat(reject.loanId()).isEqualTo("L".repeat(63) + "…");
    }

    @Test
    void loanIdOfSixtyFourCharactersIsAccepted() {
        String id = "L".repeat(64);

        assertThat(parseWith(LOAN_ID, id).loan().loanId()).isEqualTo(id);
    }

    @Test
    void bankNotInBanksCsvIsUnknown() {
        Reject reject = parseWith(BANK_CODE, "B99").reject();

        assertRejected(reject, RejectReason.UNKNOWN_BANK, "机构代码(bank_code): 'B99' 不在 banks.csv 中");
        assertThat(reject.bankCode()).isEqualTo("B99");
    }

    @Test
    void countyNotInTheReferenceIsUnknown() {
        assertRejected(parseWith(COUNTY_CODE, "110101").reject(), RejectReason.UNKNOWN_COUNTY,
                "县区代码(county_code): '110101' 不在县区代码表中");
    }

    @Test
    void unknownClassificationIsUnknownCode() {
        assertRejected(parseWith(CLASSIFICATION, "6").reject(), RejectReason.UNKNOWN_CODE,
                "五级分类(classification): '6' 不是可识别的代码");
    }

    @Test
    void unknownPurposeIsUnknownCode() {
        assertRejected(parseWith(PURPOSE_CODE, "消费").reject(), RejectReason.UNKNOWN_CODE,
                "贷款用途(purpose_code): '消*' 不是可识别的代码");
    }

    @Test
    void unknownGuaranteeIsUnknownCode() {
        assertRejected(parseWith(GUARANTEE, "信用卡").reject(), RejectReason.UNKNOWN_CODE,
                "担保方式(guarantee): '信*' 不是可识别的代码");
    }

    @Test
    void largeNeedOtherThanYesOrNoIsUnknownCode() {
        assertRejected(parseWith(LARGE_NEED, "可能").reject(), RejectReason.UNKNOWN_CODE,
                "大额生产需求(large_need): '可*' 不是可识别的代码");
    }

    @Test
    void maturityBeforeIssueIsRejected() {
        Map<LedgerColumn, String> row = validRow();
        row.put(ISSUE_DATE, "2026-03-15");
        row.put(MATURITY_DATE, "2026/3/14");

        assertRejected(parse(row).reject(), RejectReason.MATURITY_BEFORE_ISSUE,
                "到期日期(maturity_date): 2026-03-14 早于发放日期 2026-03-15");
    }

    @Test
    void maturityOnTheIssueDayIsAccepted() {
        Map<LedgerColumn, String> row = validRow();
        row.put(ISSUE_DATE, "2026-03-15");
        row.put(MATURITY_DATE, "20260315");

        LedgerRowParser.Outcome outcome = parse(row);

        assertThat(outcome.reject()).isNull();
        assertThat(outcome.loan().maturityDate()).isEqualTo(outcome.loan().issueDate());
    }

    @Test
    void rowWithTwoProblemsNamesBothAndTakesTheReasonOfTheFirst() {
        Map<LedgerColumn, String> row = validRow();
        row.put(AMOUNT, "abc");
        row.put(COUNTY_CODE, "999999");

        Reject reject = parse(row).reject();

        assertRejected(reject, RejectReason.BAD_NUMBER,
                "贷款金额(amount): 'abc' 不是有效的金额; 县区代码(county_code): '999999' 不在县区代码表中");
    }

    private static void assertRejected(Reject reject, RejectReason reason, String detail) {
        assertThat(reject).isNotNull();
        assertThat(reject.reason()).isEqualTo(reason);
        assertThat(reject.detail()).isEqualTo(detail);
        assertThat(reject.file()).isEqualTo(FILE);
        assertThat(reject.line()).isEqualTo(LINE);
    }

    private static LedgerRowParser.Outcome parseWith(LedgerColumn column, String value) {
        Map<LedgerColumn, String> row = validRow();
        row.put(column, value);
        return parse(row);
    }

    private static LedgerRowParser.Outcome parse(Map<LedgerColumn, String> row) {
        return parser(ENGLISH_HEADER).parse(new CsvRows.Row(LINE, values(row), null));
    }

    private static List<String> values(Map<LedgerColumn, String> row) {
        return List.copyOf(row.values());
    }

    private static LedgerRowParser parser(List<String> header) {
        return new LedgerRowParser(FILE, HeaderMapping.of(header, LedgerColumn.class), BANKS, COUNTIES);
    }
}
