package cn.microcredit.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void nameKeepsItsFirstCharacterOnly() {
        assertThat(Masking.name("张三丰")).isEqualTo("张*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧*");
        assertThat(Masking.name("𠀀明")).isEqualTo("𠀀*");
        assertThat(Masking.name("")).isEmpty();
    }

    @Test
    void idNumberKeepsTheFirstSixAndTheLastFour() {
        assertThat(Masking.idNumber("21012319700101123X")).isEqualTo("210123********123X");
        assertThat(Masking.idNumber("123")).isEqualTo("***");
    }
}
