package cn.microcredit.monitor.ingest;

import static cn.microcredit.monitor.ingest.LedgerColumn.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class HeaderMappingTest {

    private static final String ENGLISH = "loan_id,bank_code,county_code,household_id,borrower_name,borrower_id_number,"
            + "issue_date,maturity_date,amount,balance,annual_rate,overdue_days,classification,renewal_count,"
            + "purpose_code,guarantee,large_need";
    private static final String CHINESE = "借据号,机构代码,县区代码,户编号,借款人姓名,身份证号,发放日期,到期日期,贷款金额,贷款余额,"
            + "执行年利率,逾期天数,五级分类,续贷展期次数,贷款用途,担保方式,大额生产需求";

    @Test
    void englishHeaderMapsEveryColumnInPlace() {
        HeaderMapping<LedgerColumn> mapping = map(ENGLISH);

        assertThat(mapping.missing()).isEmpty();
        assertThat(mapping.duplicates()).isEmpty();
        assertThat(mapping.width()).isEqualTo(17);
        List<String> row = split("L1,B01,210102,H1,张三,ID,2026-03-01,2027-03-01,1000,900,3.45,0,NORMAL,0,PLANTING,"
                + "CREDIT,N");
        assertThat(mapping.get(row, LOAN_ID)).isEqualTo("L1");
        assertThat(mapping.get(row, BALANCE)).isEqualTo("900");
        assertThat(mapping.get(row, LARGE_NEED)).isEqualTo("N");
    }

    @Test
    void chineseHeaderMapsTheSameColumns() {
        HeaderMapping<LedgerColumn> mapping = map(CHINESE);

        assertThat(mapping.missing()).isEmpty();
        assertThat(mapping.duplicates()).isEmpty();
        for (LedgerColumn column : LedgerColumn.values()) {
            assertThat(mapping.has(column)).as(column.key()).isTrue();
        }
        List<String> row = split("L1,B01,210102,H1,张三,ID,2026-03-01,2027-03-01,1000,900,3.45,0,关注,0,种植,信用,否");
        assertThat(mapping.get(row, CLASSIFICATION)).isEqualTo("关注");
        assertThat(mapping.get(row, AMOUNT)).isEqualTo("1000");
    }

    @Test
    void namesAreMatchedTrimmedCaseInsensitivelyAndWithoutByteOrderMark() {
        HeaderMapping<LedgerColumn> mapping = map("\uFEFF Loan_ID ,  BANK_CODE,County_Code ,household_id,借款人姓名 ,"
                + " 身份证号,ISSUE_DATE,maturity_date,Amount,BALANCE ,annual_rate,overdue_days,Classification");

        assertThat(mapping.missing()).isEmpty();
        assertThat(mapping.get(split("L1,B01,210102,H1,张三,ID,d1,d2,1,2,3,4,NORMAL"), LOAN_ID)).isEqualTo("L1");
    }

    @Test
    void columnOrderIsFree() {
        HeaderMapping<LedgerColumn> mapping = map("classification,overdue_days,annual_rate,balance,amount,maturity_date,"
                + "issue_date,borrower_id_number,borrower_name,household_id,county_code,bank_code,loan_id");
        List<String> row = split("LOSS,400,3.45,900,1000,2027-03-01,2026-03-01,ID,张三,H1,210102,B01,L1");

        assertThat(mapping.missing()).isEmpty();
        assertThat(mapping.get(row, LOAN_ID)).isEqualTo("L1");
        assertThat(mapping.get(row, CLASSIFICATION)).isEqualTo("LOSS");
        assertThat(mapping.get(row, OVERDUE_DAYS)).isEqualTo("400");
        assertThat(mapping.get(row, COUNTY_CODE)).isEqualTo("210102");
    }

    @Test
    void unknownColumnsAreIgnoredButCountTowardsTheWidth() {
        HeaderMapping<LedgerColumn> mapping = map("备注," + ENGLISH + ",branch");
        List<String> row = split("随便写,L1,B01,210102,H1,张三,ID,2026-03-01,2027-03-01,1000,900,3.45,0,NORMAL,0,PLANTING,"
                + "CREDIT,N,支行");

        assertThat(mapping.missing()).isEmpty();
        assertThat(mapping.duplicates()).isEmpty();
        assertThat(mapping.width()).isEqualTo(19);
        assertThat(mapping.get(row, LOAN_ID)).isEqualTo("L1");
        assertThat(mapping.get(row, LARGE_NEED)).isEqualTo("N");
    }

    @Test
    void missingRequiredColumnsAreListedInLedgerOrder() {
        HeaderMapping<LedgerColumn> mapping = map("loan_id,bank_code,county_code,household_id,borrower_name,"
                + "borrower_id_number,issue_date,maturity_date,annual_rate,overdue_days");

        assertThat(mapping.missing()).containsExactly(AMOUNT, BALANCE, CLASSIFICATION);
        assertThat(mapping.describeMissing()).isEqualTo("贷款金额(amount), 贷款余额(balance), 五级分类(classification)");
    }

    @Test
    void optionalColumnsMayBeAbsentAndReadAsEmpty() {
        HeaderMapping<LedgerColumn> mapping = map("loan_id,bank_code,county_code,household_id,borrower_name,"
                + "borrower_id_number,issue_date,maturity_date,amount,balance,annual_rate,overdue_days,classification");
        List<String> row = split("L1,B01,210102,H1,张三,ID,2026-03-01,2027-03-01,1000,900,3.45,0,NORMAL");

        assertThat(mapping.missing()).isEmpty();
        assertThat(mapping.has(RENEWAL_COUNT)).isFalse();
        assertThat(mapping.has(PURPOSE_CODE)).isFalse();
        assertThat(mapping.has(GUARANTEE)).isFalse();
        assertThat(mapping.has(LARGE_NEED)).isFalse();
        assertThat(mapping.get(row, GUARANTEE)).isEmpty();
    }

    @Test
    void aColumnNamedTwiceInDifferentLanguagesIsReported() {
        HeaderMapping<LedgerColumn> mapping = map(ENGLISH + ",借据号");

        assertThat(mapping.duplicates()).containsExactly("借据号(loan_id)");
        assertThat(mapping.describeMissing()).isEmpty();
    }

    @Test
    void aColumnNamedTwiceInTheSameLanguageIsReported() {
        HeaderMapping<LedgerColumn> mapping = map(ENGLISH + ", Balance ");

        assertThat(mapping.duplicates()).containsExactly("贷款余额(balance)");
    }

    @Test
    void valuesAreTrimmed() {
        HeaderMapping<LedgerColumn> mapping = map(ENGLISH);
        List<String> row = split("  L1 ,B01,210102,H1,张三,ID,2026-03-01,2027-03-01,1000,900,3.45,0,NORMAL,0,PLANTING,"
                + "CREDIT,N");

        assertThat(mapping.get(row, LOAN_ID)).isEqualTo("L1");
    }

    private static HeaderMapping<LedgerColumn> map(String header) {
        return HeaderMapping.of(split(header), LedgerColumn.class);
    }

    private static List<String> split(String line) {
        return Arrays.asList(line.split(",", -1));
    }

    @Test
    void aUnitInBracketsAfterTheNameIsIgnored() {
        HeaderMapping<LedgerColumn> m = HeaderMapping.of(List.of("借据号", "机构代码", "县区代码", "户编号", "借款人姓名",
                "身份证号", "发放日期", "到期日期", "贷款金额(元)", "贷款余额（元）", "执行年利率(%)", "逾期天数（天）", "五级分类"),
                LedgerColumn.class);

        assertThat(m.missing()).isEmpty();
        assertThat(m.get(List.of("L1", "B", "210123", "H", "n", "i", "d", "d", "100", "90", "3.5", "0", "1"),
                LedgerColumn.BALANCE)).isEqualTo("90");
    }
}
