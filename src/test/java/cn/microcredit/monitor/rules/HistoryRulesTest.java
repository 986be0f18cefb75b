package cn.microcredit.monitor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Guarantee;
import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Purpose;
import cn.microcredit.monitor.metrics.RiskAssessment;

/** 一(四) RATE_CHANGED and 四(三) LENDING_AFTER_PAUSE against the comparison date 2026-05-31. */
class HistoryRulesTest {

    private static final LocalDate COMPARISON = LocalDate.of(2026, 5, 31);

    /** B1's loan L1 was accepted on the comparison date at 3.850000 %; cell 210123 × B1 was PAUSE then. */
    private static HistoryRules rules() {
        ComparisonRates rates = (bank, id) -> bank.equals("B1") && id.equals("L1") ? 3_850_000L
                : ComparisonRates.NOT_ACCEPTED;
        return new HistoryRules(COMPARISON, rates, Set.of(RiskAssessment.key("210123", "B1")));
    }

    private static Loan loan(String bank, String id, String county, LocalDate issued, String ratePct) {
        return new Loan(bank, id, county, "H1", "张三", "210123197102111010", issued, issued.plusYears(2),
                new BigDecimal("50000.00"), new BigDecimal("40000.00"), new BigDecimal(ratePct), 0,
                Classification.NORMAL, 0, Purpose.PLANTING, Guarantee.CREDIT, false);
    }

    private static List<Rule> fired(HistoryRules rules, Loan loan) {
        return rules.check(loan).stream().map(LoanRules.Finding::rule).toList();
    }

    @Test
    void theSameRateAtAnotherScaleIsNoChangeAndOneMillionthIs() {
        LocalDate issued = LocalDate.of(2026, 3, 1);
        assertThat(fired(rules(), loan("B1", "L1", "210124", issued, "3.85"))).isEmpty();
        assertThat(fired(rules(), loan("B1", "L1", "210124", issued, "3.850001"))).containsExactly(Rule.RATE_CHANGED);
        assertThat(rules().check(loan("B1", "L1", "210124", issued, "4.35")).get(0).detail())
                .isEqualTo("执行年利率由 3.85%（2026-05-31）变为 4.35%，合同期内利率应保持不变");
    }

    @Test
    void theSameLoanIdAtAnotherBankIsAnotherLoan() {
        assertThat(fired(rules(), loan("B2", "L1", "210124", LocalDate.of(2026, 3, 1), "4.35"))).isEmpty();
    }

    @Test
    void lendingInAPausedCellCountsFromTheDayAfterTheComparisonDate() {
        assertThat(fired(rules(), loan("B1", "L9", "210123", COMPARISON, "3.85"))).isEmpty();
        assertThat(fired(rules(), loan("B1", "L9", "210123", COMPARISON.plusDays(1), "3.85")))
                .containsExactly(Rule.LENDING_AFTER_PAUSE);
        // Another bank in the same county, or the same bank in another county, was not paused.
        assertThat(fired(rules(), loan("B2", "L9", "210123", COMPARISON.plusDays(1), "3.85"))).isEmpty();
        assertThat(fired(rules(), loan("B1", "L9", "210124", COMPARISON.plusDays(1), "3.85"))).isEmpty();
    }

    @Test
    void withTheComparisonDatesLoansPurgedOnlyTheRateCannotBeChecked() {
        HistoryRules purged = new HistoryRules(COMPARISON, null, Set.of(RiskAssessment.key("210123", "B1")));
        assertThat(fired(purged, loan("B1", "L1", "210123", COMPARISON.plusDays(1), "9.99")))
                .containsExactly(Rule.LENDING_AFTER_PAUSE);
    }
}
