package cn.microcredit.monitor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Guarantee;
import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Purpose;

/** 一(一) 以户为单位 and 一(二): one household's outstanding loans across banks, limit 100,000 yuan. */
class HouseholdRulesTest {

    private static final HouseholdRules RULES = new HouseholdRules(new BigDecimal("100000"));
    private static final LocalDate ASSISTANCE = LocalDate.of(2026, 3, 1);
    private static final LocalDate LEGACY = LocalDate.of(2026, 2, 25);

    private static Loan loan(String bank, String id, String household, String amount, LocalDate issued) {
        return new Loan(bank, id, "210123", household, "张三", "210123197102111010", issued, issued.plusYears(2),
                new BigDecimal(amount), new BigDecimal("1000.00"), new BigDecimal("3.85"), 0, Classification.NORMAL,
                0, Purpose.PLANTING, Guarantee.CREDIT, false);
    }

    private static List<String> fired(List<Loan> loans) {
        return RULES.check(loans).stream().map(e -> e.loan().loanId() + ":" + e.rule()).toList();
    }

    @Test
    void oneLoanAHouseholdIsNoBreach() {
        assertThat(fired(List.of(loan("B1", "L1", "H1", "100000.01", ASSISTANCE),
                loan("B2", "L2", "H2", "100000.01", ASSISTANCE)))).isEmpty();
    }

    @Test
    void twoAssistanceLoansExactlyAtTheLimitAreOnlyMultipleAndOneCentOverBreaksIt() {
        assertThat(fired(List.of(loan("B1", "L1", "H1", "60000.00", ASSISTANCE),
                loan("B2", "L2", "H1", "40000.00", ASSISTANCE))))
                .containsExactly("L1:MULTIPLE_OUTSTANDING_LOANS", "L2:MULTIPLE_OUTSTANDING_LOANS");
        assertThat(fired(List.of(loan("B1", "L1", "H1", "60000.00", ASSISTANCE),
                loan("B2", "L2", "H1", "40000.01", ASSISTANCE))))
                .containsExactly("L1:MULTIPLE_OUTSTANDING_LOANS", "L2:MULTIPLE_OUTSTANDING_LOANS",
                        "L1:HOUSEHOLD_OVER_LIMIT", "L2:HOUSEHOLD_OVER_LIMIT");
    }

    @Test
    void aLegacyLoanCountsAsAnotherLoanButNotTowardsTheAssistanceLimit() {
        List<LoanException> found = RULES.check(List.of(loan("B1", "L1", "H1", "90000.00", ASSISTANCE),
                loan("B1", "L2", "H1", "50000.00", LEGACY), loan("B2", "L3", "H1", "10000.01", ASSISTANCE)));
        assertThat(found).extracting(e -> e.loan().loanId() + ":" + e.rule()).containsExactly(
                "L1:MULTIPLE_OUTSTANDING_LOANS", "L2:MULTIPLE_OUTSTANDING_LOANS", "L3:MULTIPLE_OUTSTANDING_LOANS",
                "L1:HOUSEHOLD_OVER_LIMIT", "L3:HOUSEHOLD_OVER_LIMIT");
        assertThat(found.get(0).detail()).isEqualTo("该户共有 3 笔未结清贷款，分布于 2 家机构（以户为单位发放）");
        assertThat(found.get(3).detail()).startsWith("该户 2 笔未结清帮扶小额信贷金额合计 100,000.01");
    }
}
