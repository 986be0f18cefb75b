package cn.microcredit.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 17, item 4: what a reject's text may carry of an ID number or a name, whatever column it came from. */
class RejectMaskingTest {

    @Test
    void anIdNumberIsMaskedWhereverItStandsInADetail() {
        assertThat(RejectMasking.detail("县区代码(county_code): '210123197102111010' 不在县区代码表中"))
                .isEqualTo("县区代码(county_code): '210123********1010' 不在县区代码表中");
        assertThat(RejectMasking.detail("a 11010519491231002X b 11010519491231002x"))
                .isEqualTo("a 110105********002X b 110105********002x");
        // The old 15-digit form: region, yymmdd, sequence.
        assertThat(RejectMasking.detail("'210123710211101'")).isEqualTo("'210123*****1101'");
    }

    @Test
    void numbersThatAreNoIdNumberStayAsTheyAre() {
        // A date-stamped loan number: its "birth date" 3012-34-56 is none.
        assertThat(RejectMasking.value("202606301234567890")).isEqualTo("202606301234567890");
        // 17 digits, 19 digits, and an ID run inside a longer code.
        assertThat(RejectMasking.detail("21012319710211101 2101231971021110101 L210123197102111010"))
                .isEqualTo("21012319710211101 2101231971021110101 L210123197102111010");
        // Month 13 and day 32 are no birth dates.
        assertThat(RejectMasking.detail("210123197113111010 210123197101321010"))
                .isEqualTo("210123197113111010 210123197101321010");
        assertThat(RejectMasking.detail("贷款金额(amount): 1000000001 超过 1000000000 元"))
                .isEqualTo("贷款金额(amount): 1000000001 超过 1000000000 元");
    }

    @Test
    void aQuotedNameOfTwoToFourChineseCharactersIsMasked() {
        assertThat(RejectMasking.detail("五级分类(classification): '张三' 不是可识别的代码"))
                .isEqualTo("五级分类(classification): '张*' 不是可识别的代码");
        assertThat(RejectMasking.detail("'欧阳娜娜' '阿依·古丽' '王'")).isEqualTo("'欧*' '阿*' '王'");
        // Five characters are no name; unquoted Chinese is the message itself.
        assertThat(RejectMasking.detail("'黑龙江省县' 不在表中")).isEqualTo("'黑龙江省县' 不在表中");
    }

    @Test
    void aNameOrIdInTheRejectsOwnColumnsIsMasked() {
        Reject r = new Reject("ledgers/x.csv", 2, "李四", "210123197102111010", RejectReason.UNKNOWN_BANK,
                "机构代码(bank_code): '李四' 不在 banks.csv 中", "张三丰");

        assertThat(r.bankCode()).isEqualTo("李*");
        assertThat(r.loanId()).isEqualTo("210123********1010");
        assertThat(r.countyCode()).isEqualTo("张*");
        assertThat(r.detail()).isEqualTo("机构代码(bank_code): '李*' 不在 banks.csv 中");
        assertThat(new Reject("f", 2, "LNRCB", "L-001", RejectReason.UNKNOWN_BANK, "x", "210123").bankCode())
                .isEqualTo("LNRCB");
    }
}
