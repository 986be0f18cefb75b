package cn.microcredit.monitor.rules;

import static cn.microcredit.monitor.rules.TestLoans.loan;
import static cn.microcredit.monitor.rules.TestLoans.onlyDetail;
import static cn.microcredit.monitor.rules.TestLoans.rulesBrokenBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Loan;

/**
 * 风险分类: a loan past due is at least SPECIAL_MENTION; over 90 days at least SUBSTANDARD, over 270 DOUBTFUL,
 * over 360 LOSS (SPEC 5.3 MISCLASSIFIED). Each floor is checked on both sides of its day count.
 */
class ClassificationFloorRuleTest {

    @ParameterizedTest(name = "{0} days overdue as {1} is within")
    @CsvSource({
            "0, NORMAL",
            "1, SPECIAL_MENTION",
            "90, SPECIAL_MENTION",
            "91, SUBSTANDARD",
            "270, SUBSTANDARD",
            "271, DOUBTFUL",
            "360, DOUBTFUL",
            "361, LOSS"})
    void classificationAtTheFloorIsWithin(int overdueDays, Classification classification) {
        assertThat(rulesBrokenBy(loan().overdue(overdueDays, classification).build())).isEmpty();
    }

    @ParameterizedTest(name = "{0} days overdue as {1} should be at least {3}")
    @CsvSource({
            "1, NORMAL, 正常, 关注",
            "91, SPECIAL_MENTION, 关注, 次级",
            "271, SUBSTANDARD, 次级, 可疑",
            "361, DOUBTFUL, 可疑, 损失"})
    void classificationMilderThanTheFloorIsMisclassified(int overdueDays, Classification classification,
                                                         String label, String floorLabel) {
        Loan loan = loan().overdue(overdueDays, classification).build();

        assertThat(rulesBrokenBy(loan)).containsExactly(Rule.MISCLASSIFIED);
        assertThat(onlyDetail(loan)).isEqualTo("逾期 " + overdueDays + " 天分类为" + label + "，应至少为" + floorLabel);
    }

    @ParameterizedTest(name = "{0} days overdue as {1} is stricter than needed")
    @MethodSource("stricterThanTheFloor")
    void classificationStricterThanTheFloorIsWithin(int overdueDays, Classification classification) {
        assertThat(rulesBrokenBy(loan().overdue(overdueDays, classification).build())).isEmpty();
    }

    /** Every class more severe than the floor, at the first and last day of each band. */
    static Stream<Arguments> stricterThanTheFloor() {
        return Stream.of(0, 1, 90, 91, 270, 271, 360, 361, 1000).flatMap(days -> Arrays.stream(Classification.values())
                .filter(c -> c.compareTo(floorOf(days)) > 0)
                .map(c -> Arguments.of(days, c)));
    }

    /* The SPEC's table, written out again rather than borrowed from the rule under test. */
    private static Classification floorOf(int overdueDays) {
        if (overdueDays > 360) {
            return Classification.LOSS;
        }
        if (overdueDays > 270) {
            return Classification.DOUBTFUL;
        }
        if (overdueDays > 90) {
            return Classification.SUBSTANDARD;
        }
        return overdueDays > 0 ? Classification.SPECIAL_MENTION : Classification.NORMAL;
    }
}
