package cn.microcredit.monitor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** SPEC 5.2: the comparison date, month-end by default, previous-run on request. */
class ComparisonDateTest {

    private static final LocalDate AUG_31 = LocalDate.of(2026, 8, 31);
    private static final LocalDate SEP_17 = LocalDate.of(2026, 9, 17);
    private static final LocalDate SEP_30 = LocalDate.of(2026, 9, 30);
    private static final LocalDate OCT_17 = LocalDate.of(2026, 10, 17);
    private static final LocalDate OCT_30 = LocalDate.of(2026, 10, 30);
    private static final LocalDate OCT_31 = LocalDate.of(2026, 10, 31);

    private static Optional<LocalDate> choose(LocalDate asOf, ComparisonBasis basis, LocalDate... completed) {
        return ComparisonDate.choose(asOf, basis, List.of(completed), Function.identity());
    }

    @Test
    void monthEndComparesWithTheLastStoredDateOfThePreviousMonthNotWithTheMidMonthRun() {
        assertThat(choose(OCT_31, ComparisonBasis.MONTH_END, AUG_31, SEP_17, SEP_30, OCT_17)).contains(SEP_30);
    }

    @Test
    void monthEndOfAMidMonthRunIsTheSamePreviousMonth() {
        assertThat(choose(OCT_17, ComparisonBasis.MONTH_END, SEP_30, OCT_17.minusDays(1))).contains(SEP_30);
    }

    @Test
    void monthEndTakesTheLatestDateOfThePreviousMonthWhenItsLastDayWasNotRun() {
        assertThat(choose(OCT_31, ComparisonBasis.MONTH_END, AUG_31, SEP_17, OCT_30)).contains(SEP_17);
    }

    @Test
    void monthEndFallsBackToAnOlderMonthWhenThePreviousMonthHasNoRun() {
        assertThat(choose(OCT_31, ComparisonBasis.MONTH_END, AUG_31, OCT_17)).contains(AUG_31);
    }

    @Test
    void theLastDayOfThePreviousMonthIsIncludedAndTheFirstDayOfThisMonthIsNot() {
        LocalDate oct1 = LocalDate.of(2026, 10, 1);
        assertThat(ComparisonDate.latestEligible(OCT_31, ComparisonBasis.MONTH_END)).isEqualTo(SEP_30);
        assertThat(ComparisonDate.latestEligible(oct1, ComparisonBasis.MONTH_END)).isEqualTo(SEP_30);
        assertThat(choose(OCT_31, ComparisonBasis.MONTH_END, oct1)).isEmpty();
        assertThat(choose(LocalDate.of(2026, 3, 31), ComparisonBasis.MONTH_END, LocalDate.of(2026, 2, 28)))
                .contains(LocalDate.of(2026, 2, 28));
        assertThat(ComparisonDate.latestEligible(LocalDate.of(2026, 1, 15), ComparisonBasis.MONTH_END))
                .isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void previousRunTakesTheLatestEarlierDateMidMonthIncluded() {
        assertThat(choose(OCT_31, ComparisonBasis.PREVIOUS_RUN, AUG_31, SEP_30, OCT_17)).contains(OCT_17);
        assertThat(choose(OCT_31, ComparisonBasis.PREVIOUS_RUN, OCT_30)).contains(OCT_30);
    }

    @Test
    void neitherBasisComparesADateWithItselfOrALaterOne() {
        assertThat(choose(SEP_30, ComparisonBasis.PREVIOUS_RUN, SEP_30, OCT_31)).isEmpty();
        assertThat(choose(SEP_30, ComparisonBasis.MONTH_END, SEP_17, SEP_30, OCT_31)).isEmpty();
    }

    @Test
    void noStoredDateMeansNoComparisonDate() {
        assertThat(choose(OCT_31, ComparisonBasis.MONTH_END)).isEmpty();
        assertThat(choose(OCT_31, ComparisonBasis.PREVIOUS_RUN)).isEmpty();
    }

    @Test
    void basisNamesAreExactlyTheSpecs() {
        assertThat(ComparisonBasis.of("month-end")).contains(ComparisonBasis.MONTH_END);
        assertThat(ComparisonBasis.of("previous-run")).contains(ComparisonBasis.PREVIOUS_RUN);
        assertThat(ComparisonBasis.of("MONTH_END")).isEmpty();
        assertThat(MonitorRules.defaults().comparisonBasis()).isEqualTo(ComparisonBasis.MONTH_END);
    }
}
