package cn.microcredit.monitor.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.microcredit.monitor.keys.Fingerprint;
import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Guarantee;
import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Purpose;
import cn.microcredit.monitor.store.StoredLoan;

/**
 * The household pass of the metrics step, with the loans split between two reading threads as the job splits them.
 * Household H1 borrows at B1 in 210123 and at B2 in 210124 (an ASSISTANCE and a LEGACY loan there); H2 and H3 have one
 * loan each, H3's fingerprint listed as shared (as a fingerprint collision would list it).
 */
class LoanSumsTest {

    private static Loan loan(String bank, String id, String county, String household, String issued, String balance,
                             String ratePct, int overdueDays, Classification classification) {
        LocalDate issue = LocalDate.parse(issued);
        return new Loan(bank, id, county, household, "张三", "210123197102111010", issue, issue.plusYears(2),
                new BigDecimal("100000.00"), new BigDecimal(balance), new BigDecimal(ratePct), overdueDays,
                classification, 0, Purpose.PLANTING, Guarantee.CREDIT, false);
    }

    @Test
    void householdsShareTheirSubsidyCapAcrossBanksAndCountiesAndAreCountedOnce() {
        long[] shared = {Fingerprint.of("H1"), Fingerprint.of("H3")};
        Arrays.sort(shared);
        LoanSums first = new LoanSums(MonitorRules.defaults(), shared);
        LoanSums second = new LoanSums(MonitorRules.defaults(), shared);
        // H1's first loan: 30,000 × 0.70 × 3.00 % = 630.00 of its 50,000 cap.
        first.accept(new StoredLoan(1, 2, loan("B1", "L1", "210123", "H1", "2026-03-01", "30000.00", "3.00", 0,
                Classification.NORMAL)));
        // H2 alone: 50,000 of 60,000 at 2.50 points (4.00 × 0.70 = 2.80, capped) = 1,250.00.
        first.accept(new StoredLoan(1, 3, loan("B1", "L2", "210123", "H2", "2026-03-01", "60000.00", "4.00", 0,
                Classification.NORMAL)));
        // H3 alone although listed as shared: 10,000 × 2.50 % = 250.00.
        first.accept(new StoredLoan(1, 4, loan("B2", "L5", "210123", "H3", "2026-05-01", "10000.00", "4.00", 0,
                Classification.NORMAL)));
        // H1's second loan: the remaining 20,000 × 2.50 % = 500.00, in its own bank and county.
        second.accept(new StoredLoan(2, 2, loan("B2", "L9", "210124", "H1", "2026-04-01", "40000.00", "4.00", 10,
                Classification.SPECIAL_MENTION)));
        // H1's LEGACY loan: no subsidy, no share of the cap.
        second.accept(new StoredLoan(2, 3, loan("B2", "L7", "210124", "H1", "2025-01-01", "5000.00", "4.35", 100,
                Classification.SUBSTANDARD)));
        // Settled: in no figure, no household.
        second.accept(new StoredLoan(2, 4, loan("B1", "L8", "210125", "H4", "2026-03-01", "0.00", "4.00", 0,
                Classification.NORMAL)));

        LoanSums sums = first.merge(second).finish();

        assertThat(sums.cells()).extracting(c -> RiskAssessment.key(c.countyCode(), c.bankCode()),
                        c -> c.figures().loanCount(), c -> c.figures().estCentralSubsidy().setScale(2),
                        c -> c.figures().overdueLoanCount(), c -> c.figures().nplLoanCount())
                .containsExactly(
                        tuple("210123|B1", 2L, new BigDecimal("1880.00"), 0L, 0L),
                        tuple("210123|B2", 1L, new BigDecimal("250.00"), 0L, 0L),
                        tuple("210124|B2", 2L, new BigDecimal("500.00"), 2L, 1L));
        assertThat(sums.countyHouseholds()).isEqualTo(Map.of("210123", 3L, "210124", 1L));
        assertThat(sums.provinceHouseholds()).isEqualTo(3);
    }
}
