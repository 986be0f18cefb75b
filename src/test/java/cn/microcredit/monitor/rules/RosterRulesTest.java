package cn.microcredit.monitor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.microcredit.monitor.keys.Fingerprint;
import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Guarantee;
import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Purpose;
import cn.microcredit.monitor.reference.RosterCategory;
import cn.microcredit.monitor.reference.RosterPeriod;

/** 一(一), 四(一) NOT_ON_ROSTER and 三 ROSTER_COUNTY_MISMATCH, against household H1's period 2024-03-01 – 2026-06-30. */
class RosterRulesTest {

    private static RosterRules rules() {
        RosterIndex index = new RosterIndex(List.of("210123", "210124"), 1);
        index.add(new RosterPeriod(2, "H1", "210123", RosterCategory.MONITORED, LocalDate.of(2024, 3, 1),
                LocalDate.of(2026, 6, 30)));
        return new RosterRules(index.sort());
    }

    private static LoanRules.Finding check(String household, String county, LocalDate issued) {
        Loan loan = new Loan("B1", "L1", county, household, "张三", "210123197102111010", issued, issued.plusYears(2),
                new BigDecimal("50000.00"), new BigDecimal("40000.00"), new BigDecimal("3.85"), 0,
                Classification.NORMAL, 0, Purpose.PLANTING, Guarantee.CREDIT, false);
        return rules().check(Fingerprint.of(household), loan);
    }

    @Test
    void aPeriodOfTheLoansCountyCoveringTheIssueDateIsNoFinding() {
        assertThat(check("H1", "210123", LocalDate.of(2024, 3, 1))).isNull();
        assertThat(check("H1", "210123", LocalDate.of(2026, 6, 30))).isNull();
    }

    @Test
    void issuedOutsideEveryPeriodOrToAnotherHouseholdIsNotOnTheRoster() {
        assertThat(check("H1", "210123", LocalDate.of(2024, 2, 29)).rule()).isEqualTo(Rule.NOT_ON_ROSTER);
        assertThat(check("H1", "210123", LocalDate.of(2026, 7, 1)).rule()).isEqualTo(Rule.NOT_ON_ROSTER);
        assertThat(check("H2", "210123", LocalDate.of(2025, 1, 1)))
                .isEqualTo(new LoanRules.Finding(Rule.NOT_ON_ROSTER,
                        "发放日 2025-01-01 该户不在防止返贫致贫对象或原建档立卡脱贫人口名单中"));
    }

    @Test
    void coveredOnlyInAnotherCountyIsACountyMismatch() {
        assertThat(check("H1", "210124", LocalDate.of(2025, 1, 1))).isEqualTo(new LoanRules.Finding(
                Rule.ROSTER_COUNTY_MISMATCH, "名单登记县区 210123，贷款县区 210124"));
    }
}
