package cn.microcredit.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Issue 17, item 7: one feedback workbook name per bank, whatever the codes. */
class BankFileNamesTest {

    @Test
    void codesThatSanitiseAlikeGetNamesOfTheirOwn() {
        Map<String, String> names = BankFileNames.of(List.of("X/1", "X_1", "LNRCB"));

        assertThat(names).containsEntry("X_1", "X_1").containsEntry("LNRCB", "LNRCB");
        assertThat(names.get("X/1")).matches("X_1-[0-9a-f]{8}");
        assertThat(names.values()).doesNotHaveDuplicates();
    }

    @Test
    void codesThatDifferOnlyInCaseGetTheHashBoth() {
        Map<String, String> names = BankFileNames.of(List.of("ab", "AB"));

        assertThat(names.get("ab")).matches("ab-[0-9a-f]{8}");
        assertThat(names.get("AB")).matches("AB-[0-9a-f]{8}");
        assertThat(names.get("ab").toLowerCase()).isNotEqualTo(names.get("AB").toLowerCase());
    }

    @Test
    void aCodeSpelledLikeAnotherCodesHashedNameStillGetsANameOfItsOwn() {
        String hashed = BankFileNames.of(List.of("X/1")).get("X/1");

        Map<String, String> names = BankFileNames.of(List.of("X/1", hashed));

        assertThat(names.values()).hasSize(2).doesNotHaveDuplicates();
        assertThat(names.values().stream().map(String::toLowerCase).distinct()).hasSize(2);
    }

    @Test
    void manyPathLikeCodesNeverShareAName() {
        List<String> codes = List.of("a b", "a_b", "a\tb", "a:b", "a*b", "a?b", "a|b", "a<b", "a>b", "a\"b", "a\\b",
                "a/b", "A_B");

        assertThat(BankFileNames.of(codes).values().stream().map(String::toLowerCase).distinct()).hasSize(codes.size());
    }
}
