package cn.microcredit.monitor.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Guarantee;
import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Purpose;
import cn.microcredit.monitor.metrics.CellResult;
import cn.microcredit.monitor.metrics.Figures;
import cn.microcredit.monitor.metrics.Level;
import cn.microcredit.monitor.metrics.Reason;
import cn.microcredit.monitor.metrics.Status;

/** The decisions of SPEC 5.4 the README states where SPEC is silent, on loans in memory. */
class SupervisoryAnalyticsTest {

    private static final LocalDate COMPARISON = LocalDate.of(2026, 9, 30);

    private static Loan loan(String id, String county, String balance, int days, Classification c) {
        return new Loan("B1", id, county, "H" + id, "张三", "210123197102111010", LocalDate.of(2025, 6, 1),
                LocalDate.of(2027, 6, 1), new BigDecimal("50000"), new BigDecimal(balance), new BigDecimal("3.85"),
                days, c, 0, Purpose.PLANTING, Guarantee.CREDIT, false);
    }

    private static ComparisonLoans before(Loan... loans) {
        ComparisonLoans index = new ComparisonLoans(loans.length);
        ComparisonLoans.Batch batch = index.batch();
        for (Loan l : loans) {
            batch.accept(l.bankCode(), l.loanId(), l.balance().movePointRight(2).longValueExact(),
                    l.annualRatePct().movePointRight(6).longValueExact(), l.overdueDays(), l.classification());
        }
        batch.flush();
        return index.sort();
    }

    private static CellResult cell(String county, String balance, Status status) {
        Figures f = new Figures(1, new BigDecimal(balance), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO);
        return new CellResult(Level.BANK_COUNTY, county, "B1", f, new BigDecimal("4.00"), status,
                EnumSet.noneOf(Reason.class), null);
    }

    private static CellResult county(String county, String balance, Status status) {
        Figures f = new Figures(1, new BigDecimal(balance), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO);
        return new CellResult(Level.COUNTY, county, "", f, new BigDecimal("4.00"), status,
                EnumSet.noneOf(Reason.class), null);
    }

    @Test
    void aLoanThatChangedCountyIsFollowedAndProjectedWhereItIsToday() {
        ComparisonLoans before = before(loan("M1", "210123", "1000.00", 10, Classification.SPECIAL_MENTION),
                loan("M2", "210123", "3000.00", 10, Classification.SPECIAL_MENTION));
        AnalyticsSums sums = new AnalyticsSums(before);
        // M1 now reported in another county, and substandard; M2 where it was, still special mention.
        sums.accept(loan("M1", "211224", "1000.00", 100, Classification.SUBSTANDARD));
        sums.accept(loan("M2", "210123", "3000.00", 40, Classification.SPECIAL_MENTION));

        Analytics a = SupervisoryAnalytics.of(sums, before, COMPARISON, List.of(
                cell("210123", "3000.00", Status.PAUSE), cell("211224", "1000.00", Status.PAUSE),
                county("210123", "3000.00", Status.PAUSE), county("211224", "1000.00", Status.PAUSE)));

        assertThat(a.migration()).filteredOn(m -> m.bankCode().equals("B1")
                        && m.dimension() == Migration.Dimension.CLASSIFICATION)
                .extracting(m -> m.fromState() + ">" + m.toState() + ":" + m.loanCount() + ":" + m.ratePct())
                .containsExactly("SPECIAL_MENTION>SPECIAL_MENTION:1:75.00", "SPECIAL_MENTION>SUBSTANDARD:1:25.00");
        // 211224 holds M1 today: SUBSTANDARD, which nobody was in on the comparison date → 1.
        assertThat(a.outlookByKey().get(Analytics.key(Level.BANK_COUNTY, "211224", "B1")).projectedNplRatePct())
                .isEqualByComparingTo("100.00");
        // 210123 holds M2: SPECIAL_MENTION, 1/4 of whose balance became NPL.
        assertThat(a.outlookByKey().get(Analytics.key(Level.BANK_COUNTY, "210123", "B1")).projectedNplRatePct())
                .isEqualByComparingTo("25.00");
    }

    @Test
    void aLoanSettledOnTheComparisonDateAndOutstandingTodayIsNewNotMigrated() {
        ComparisonLoans before = before(loan("Z1", "210123", "0.00", 0, Classification.NORMAL),
                loan("K1", "210123", "2000.00", 0, Classification.NORMAL));
        AnalyticsSums sums = new AnalyticsSums(before);
        sums.accept(loan("Z1", "210123", "500.00", 0, Classification.NORMAL));
        sums.accept(loan("K1", "210123", "2000.00", 0, Classification.NORMAL));

        Analytics a = SupervisoryAnalytics.of(sums, before, COMPARISON, List.of(
                cell("210123", "2500.00", Status.OK), county("210123", "2500.00", Status.OK)));

        assertThat(a.migration()).filteredOn(m -> m.bankCode().isEmpty())
                .extracting(m -> m.dimension() + ":" + m.fromState() + ">" + m.toState() + ":" + m.loanCount())
                .containsExactly("CLASSIFICATION:NORMAL>NORMAL:1", "AGEING:CURRENT>CURRENT:1");
        assertThat(a.outlookByKey().get(Analytics.key(Level.COUNTY, "210123", "")).projectedNplRatePct())
                .isEqualByComparingTo("0.00");
    }

    @Test
    void aLoanSettledOnTheComparisonDateAndGoneTodayIsNotMissing() {
        ComparisonLoans before = before(loan("Z1", "210123", "0.00", 0, Classification.NORMAL),
                loan("K1", "210123", "2000.00", 0, Classification.NORMAL));
        AnalyticsSums sums = new AnalyticsSums(before);
        sums.accept(loan("K1", "210123", "2000.00", 0, Classification.NORMAL));

        Analytics a = SupervisoryAnalytics.of(sums, before, COMPARISON, List.of(
                cell("210123", "2000.00", Status.OK), county("210123", "2000.00", Status.OK)));

        assertThat(a.migration()).filteredOn(m -> m.bankCode().isEmpty())
                .extracting(m -> m.dimension() + ":" + m.fromState() + ">" + m.toState() + ":" + m.loanCount())
                .containsExactly("CLASSIFICATION:NORMAL>NORMAL:1", "AGEING:CURRENT>CURRENT:1");
    }

    @Test
    void withoutTheComparisonDatesLoansThereIsNeitherMigrationNorOutlookButRegimesAndVintages() {
        AnalyticsSums sums = new AnalyticsSums(null);
        sums.accept(loan("K1", "210123", "2000.00", 0, Classification.NORMAL));

        Analytics a = SupervisoryAnalytics.of(sums, null, null, List.of(
                cell("210123", "2000.00", Status.OK), county("210123", "2000.00", Status.OK)));

        assertThat(a.comparisonAsOf()).isNull();
        assertThat(a.migration()).isEmpty();
        assertThat(a.outlook()).isEmpty();
        assertThat(a.province()).isNull();
        assertThat(a.regimes()).hasSize(2);
        assertThat(a.vintages()).extracting(VintageRow::issueQuarter).containsExactly("2025-Q2", "2025-Q2");
    }
}
