package cn.microcredit.monitor.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Guarantee;
import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Purpose;

/**
 * 一(六): the subsidy cap is per household (SPEC 5.1). Rates 3.00 % → 0.70 × 3.00 = 2.10 points; 4.00 % → 2.80,
 * capped at 2.50 points.
 */
class HouseholdSubsidyTest {

    private final HouseholdSubsidy subsidy = new HouseholdSubsidy(MonitorRules.defaults());

    private static Loan loan(String bank, String id, String issued, String balance, String ratePct,
                             boolean largeNeed) {
        LocalDate issue = LocalDate.parse(issued);
        return new Loan(bank, id, "210123", "H1", "张三", "210123197102111010", issue, issue.plusYears(2),
                new BigDecimal("100000.00"), new BigDecimal(balance), new BigDecimal(ratePct), 0,
                Classification.NORMAL, 0, Purpose.PLANTING, Guarantee.CREDIT, largeNeed);
    }

    private List<org.assertj.core.groups.Tuple> allocated(Loan... household) {
        return subsidy.allocate(List.of(household)).stream()
                .map(a -> tuple(a.loan().loanId(), a.subsidisedYuan().stripTrailingZeros().toPlainString(),
                        a.subsidyYuan().stripTrailingZeros().toPlainString()))
                .toList();
    }

    @Test
    void twoLoansStraddlingTheCapShareItEarliestFirst() {
        // 30,000 × 2.10 % = 630; the 50,000 cap leaves 20,000 for the later loan: 20,000 × 2.50 % = 500.
        assertThat(allocated(loan("B2", "L9", "2026-04-01", "40000.00", "4.00", false),
                loan("B1", "L1", "2026-03-01", "30000.00", "3.00", false)))
                .containsExactly(tuple("L1", "30000", "630"), tuple("L9", "20000", "500"));
    }

    @Test
    void aLargeNeedOnAnyOfTheLoansRaisesTheHouseholdsCapTo100000() {
        // Cap 100,000: both balances whole, 630 + 40,000 × 2.50 % = 1,000.
        assertThat(allocated(loan("B1", "L1", "2026-03-01", "30000.00", "3.00", false),
                loan("B2", "L9", "2026-04-01", "40000.00", "4.00", true)))
                .containsExactly(tuple("L1", "30000", "630"), tuple("L9", "40000", "1000"));
        // 70,000 + 40,000 against 100,000: the later loan gets 30,000 × 2.50 % = 750.
        assertThat(allocated(loan("B1", "L1", "2026-03-01", "70000.00", "3.00", true),
                loan("B2", "L9", "2026-04-01", "40000.00", "4.00", false)))
                .containsExactly(tuple("L1", "70000", "1470"), tuple("L9", "30000", "750"));
    }

    @Test
    void exactlyAtTheCapLeavesNothingAndOneCentUnderLeavesOneCent() {
        assertThat(allocated(loan("B1", "L1", "2026-03-01", "50000.00", "3.00", false),
                loan("B1", "L2", "2026-03-02", "10000.00", "4.00", false)))
                .containsExactly(tuple("L1", "50000", "1050"), tuple("L2", "0", "0"));
        // 0.01 × 2.50 / 100 = 0.00025, kept exact (rounded only at the output).
        assertThat(allocated(loan("B1", "L1", "2026-03-01", "49999.99", "3.00", false),
                loan("B1", "L2", "2026-03-02", "10000.00", "4.00", false)))
                .containsExactly(tuple("L1", "49999.99", "1049.99979"), tuple("L2", "0.01", "0.00025"));
    }

    @Test
    void onTheSameIssueDateTheBankCodeDecidesThenTheLoanIdByCodePoint() {
        // Same day: B1 before B2 whatever the ids; within B1, "L10" < "L9" (code point, as the reports order).
        assertThat(allocated(loan("B2", "A1", "2026-05-01", "30000.00", "3.00", false),
                loan("B1", "L9", "2026-05-01", "30000.00", "3.00", false),
                loan("B1", "L10", "2026-05-01", "30000.00", "3.00", false)))
                .containsExactly(tuple("L10", "30000", "630"), tuple("L9", "20000", "420"), tuple("A1", "0", "0"));
    }

    @Test
    void aLegacyLoanTakesNoShareOfTheCapAndItsLargeNeedDoesNotRaiseIt() {
        // LEGACY (issued before 2026-02-26): old terms, no estimate; the assistance loan keeps the whole 50,000 cap.
        assertThat(allocated(loan("B1", "OLD", "2025-06-01", "50000.00", "3.00", true),
                loan("B2", "NEW", "2026-03-01", "60000.00", "4.00", false)))
                .containsExactly(tuple("NEW", "50000", "1250"));
    }

    @Test
    void settledLoansAreLeftOut() {
        assertThat(allocated(loan("B1", "L1", "2026-03-01", "0.00", "3.00", true),
                loan("B1", "L2", "2026-03-02", "60000.00", "4.00", false)))
                .containsExactly(tuple("L2", "50000", "1250"));
    }

    @Test
    void aSoleLoanHasItsHouseholdsWholeCap() {
        assertThat(subsidy.soleLoan(loan("B1", "L1", "2026-03-10", "95500.00", "3.85", false)))
                .isEqualByComparingTo("1250");
        assertThat(subsidy.soleLoan(loan("B1", "L3", "2026-04-01", "95499.99", "3.00", true)))
                .isEqualByComparingTo("2005.49979");
        assertThat(subsidy.soleLoan(loan("B1", "L2", "2026-02-25", "4500.00", "4.35", false))).isZero();
        assertThat(subsidy.points(new BigDecimal("3.57"))).isEqualByComparingTo("2.499");
        assertThat(subsidy.points(new BigDecimal("3.58"))).isEqualByComparingTo("2.50");
    }
}
