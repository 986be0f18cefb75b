package cn.microcredit.monitor.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.microcredit.monitor.reference.Bank;
import cn.microcredit.monitor.reference.Banks;

/**
 * Bank B01 (overall NPL 1.50 %, T 4.50) and B02 (2.00 %, T 5.00) both lend in county 210102; B01 also in 210181.
 */
class RiskAssessmentTest {

    private static final Banks BANKS = Banks.of(List.of(
            new Bank("B01", "某农商银行", new BigDecimal("1.50")),
            new Bank("B02", "某村镇银行", new BigDecimal("2.00"))));

    /** 4.00 % overdue against T 4.50: WARN, OVERDUE_NEAR_TOLERANCE. */
    private static final RiskAssessment.Cell WARN_CELL = new RiskAssessment.Cell("210102", "B01",
            figures(3, "100000.00", "4000.00", "1000.00", "500.00", "700.00"));
    /** 5.0000125 % overdue against T 5.00: PAUSE, OVERDUE_ABOVE_TOLERANCE. */
    private static final RiskAssessment.Cell PAUSE_CELL = new RiskAssessment.Cell("210102", "B02",
            figures(2, "80000.00", "4000.01", "800.00", "0", "560.00"));
    /** Nothing overdue: OK. */
    private static final RiskAssessment.Cell OK_CELL = new RiskAssessment.Cell("210181", "B01",
            figures(1, "50000.00", "0", "500.00", "0", "350.00"));

    private final RiskAssessment assessment = new RiskAssessment(MonitorRules.defaults());

    @Test
    void eachBankCountyCellIsAssessedAgainstItsOwnBanksThreshold() {
        List<CellResult> results = assessment.assess(List.of(WARN_CELL, PAUSE_CELL, OK_CELL), BANKS, Map.of());

        CellResult warn = find(results, Level.BANK_COUNTY, "210102", "B01");
        assertThat(warn.status()).isEqualTo(Status.WARN);
        assertThat(warn.reasons()).containsExactly(Reason.OVERDUE_NEAR_TOLERANCE);
        assertThat(warn.thresholdPct()).isEqualByComparingTo("4.50");
        CellResult pause = find(results, Level.BANK_COUNTY, "210102", "B02");
        assertThat(pause.status()).isEqualTo(Status.PAUSE);
        assertThat(pause.reasons()).containsExactly(Reason.OVERDUE_ABOVE_TOLERANCE);
        assertThat(pause.thresholdPct()).isEqualByComparingTo("5.00");
        assertThat(find(results, Level.BANK_COUNTY, "210181", "B01").status()).isEqualTo(Status.OK);
    }

    @Test
    void countyTakesTheWorstStatusOfItsCells() {
        List<CellResult> results = assessment.assess(List.of(WARN_CELL, PAUSE_CELL, OK_CELL), BANKS, Map.of());

        assertThat(find(results, Level.COUNTY, "210102", "").status()).isEqualTo(Status.PAUSE);
        assertThat(find(results, Level.COUNTY, "210181", "").status()).isEqualTo(Status.OK);
    }

    @Test
    void countyOfAWarnedAndAnOkCellIsWarned() {
        RiskAssessment.Cell okInSameCounty = new RiskAssessment.Cell("210102", "B02",
                figures(1, "80000.00", "0", "0", "0", "0"));

        List<CellResult> results = assessment.assess(List.of(WARN_CELL, okInSameCounty), BANKS, Map.of());

        CellResult county = find(results, Level.COUNTY, "210102", "");
        assertThat(county.status()).isEqualTo(Status.WARN);
        assertThat(county.reasons()).containsExactly(Reason.OVERDUE_NEAR_TOLERANCE);
    }

    @Test
    void countyDropsNearToleranceWhereAnotherCellIsAboveIt() {
        List<CellResult> results = assessment.assess(List.of(WARN_CELL, PAUSE_CELL), BANKS, Map.of());

        CellResult county = find(results, Level.COUNTY, "210102", "");
        assertThat(county.reasons()).containsExactly(Reason.OVERDUE_ABOVE_TOLERANCE);
        assertThat(Reason.join(county.reasons())).isEqualTo("OVERDUE_ABOVE_TOLERANCE");
    }

    @Test
    void countyUnitesItsCellsReasonsInSpecOrder() {
        // B02: 10.00 % → 4.00 % overdue against T 5.00 with NPL 6.00 %: PAUSE, NPL_ABOVE_TOLERANCE only.
        // B01: 2.00 % → 4.00 % overdue against T 4.50: WARN, OVERDUE_NEAR_TOLERANCE and OVERDUE_RISING_FAST.
        RiskAssessment.Cell nplCell = new RiskAssessment.Cell("210102", "B02",
                figures(2, "80000.00", "3200.00", "4800.00", "0", "0"));
        Map<String, Figures> previous = Map.of(
                RiskAssessment.key("210102", "B01"), figures(3, "100000.00", "2000.00", "0", "0", "0"),
                RiskAssessment.key("210102", "B02"), figures(2, "80000.00", "8000.00", "0", "0", "0"));

        List<CellResult> results = assessment.assess(List.of(nplCell, WARN_CELL), BANKS, previous);

        assertThat(find(results, Level.BANK_COUNTY, "210102", "B02").reasons())
                .containsExactly(Reason.NPL_ABOVE_TOLERANCE);
        assertThat(find(results, Level.BANK_COUNTY, "210102", "B01").reasons())
                .containsExactly(Reason.OVERDUE_NEAR_TOLERANCE, Reason.OVERDUE_RISING_FAST);
        CellResult county = find(results, Level.COUNTY, "210102", "");
        assertThat(county.status()).isEqualTo(Status.PAUSE);
        assertThat(Reason.join(county.reasons()))
                .isEqualTo("NPL_ABOVE_TOLERANCE;OVERDUE_NEAR_TOLERANCE;OVERDUE_RISING_FAST");
    }

    @Test
    void countyThresholdIsTheBalanceWeightedMeanOfItsCellsThresholds() {
        // (4.50 × 100,000 + 5.00 × 80,000) / 180,000 = 4.7222…
        List<CellResult> results = assessment.assess(List.of(WARN_CELL, PAUSE_CELL, OK_CELL), BANKS, Map.of());

        assertThat(find(results, Level.COUNTY, "210102", "").thresholdPct())
                .isCloseTo(new BigDecimal("4.722222222222222222"), within(new BigDecimal("1E-14")));
        assertThat(find(results, Level.COUNTY, "210181", "").thresholdPct()).isEqualByComparingTo("4.50");
    }

    @Test
    void countyFiguresAreTheSumOfItsCells() {
        List<CellResult> results = assessment.assess(List.of(WARN_CELL, PAUSE_CELL, OK_CELL), BANKS, Map.of());

        assertThat(find(results, Level.COUNTY, "210102", "").figures())
                .isEqualTo(figures(5, "180000.00", "8000.01", "1800.00", "500.00", "1260.00"));
    }

    @Test
    void countyPreviousFiguresAreTheSumOfItsPreviousCells() {
        Map<String, Figures> previous = Map.of(
                RiskAssessment.key("210102", "B01"), figures(2, "90000.00", "1800.00", "0", "0", "0"),
                RiskAssessment.key("210102", "B02"), figures(1, "60000.00", "1200.00", "0", "0", "0"),
                RiskAssessment.key("210181", "B01"), figures(1, "40000.00", "400.00", "0", "0", "0"));

        List<CellResult> results = assessment.assess(List.of(WARN_CELL, PAUSE_CELL, OK_CELL), BANKS, previous);

        CellResult county = find(results, Level.COUNTY, "210102", "");
        assertThat(county.previous()).isEqualTo(figures(3, "150000.00", "3000.00", "0", "0", "0"));
        assertThat(county.prevOverdueRatePct()).isEqualTo(new BigDecimal("2.00"));
        // 8,000.01 / 180,000 = 4.4444…% against 2.00 % before
        assertThat(county.overdueChangePp()).isEqualTo(new BigDecimal("2.44"));
        assertThat(find(results, Level.COUNTY, "210181", "").previous())
                .isEqualTo(figures(1, "40000.00", "400.00", "0", "0", "0"));
    }

    @Test
    void withoutAPreviousDateThereAreNoPreviousFigures() {
        List<CellResult> results = assessment.assess(List.of(WARN_CELL, PAUSE_CELL, OK_CELL), BANKS, Map.of());

        for (CellResult result : results) {
            assertThat(result.previous()).as(result.level() + " " + result.countyCode()).isNull();
            assertThat(result.prevOverdueRatePct()).isNull();
            assertThat(result.overdueChangePp()).isNull();
        }
    }

    @Test
    void bankRowSumsTheBanksCellsAcrossCounties() {
        List<CellResult> results = assessment.assess(List.of(WARN_CELL, PAUSE_CELL, OK_CELL), BANKS, Map.of());

        CellResult b01 = find(results, Level.BANK, "", "B01");
        assertThat(b01.figures()).isEqualTo(figures(4, "150000.00", "4000.00", "1500.00", "500.00", "1050.00"));
        assertThat(b01.thresholdPct()).isEqualByComparingTo("4.50");
        assertThat(b01.status()).isNull();
        assertThat(b01.reasons()).isEmpty();
        assertThat(b01.withinTolerance()).isTrue();
        assertThat(find(results, Level.BANK, "", "B02").figures()).isEqualTo(PAUSE_CELL.figures());
    }

    @Test
    void bankWhoseMicrocreditNplExceedsOverallPlusMarginIsNotWithinTolerance() {
        // B01 province-wide: (6,250.01 + 500.00) / 150,000 = 4.500007 % against 1.50 + 3.00; its county cells
        // are judged on their own (6.25 % and 1.00 %), the bank row on the sum.
        RiskAssessment.Cell heavy = new RiskAssessment.Cell("210102", "B01",
                figures(3, "100000.00", "0", "6250.01", "0", "0"));

        List<CellResult> results = assessment.assess(List.of(heavy, OK_CELL), BANKS, Map.of());

        CellResult b01 = find(results, Level.BANK, "", "B01");
        assertThat(b01.withinTolerance()).isFalse();
        assertThat(b01.reasons()).containsExactly(Reason.NPL_ABOVE_TOLERANCE);
    }

    @Test
    void bankWhoseMicrocreditNplIsExactlyOverallPlusMarginIsWithinTolerance() {
        // (6,250.00 + 500.00) / 150,000 = 4.50 % exactly
        RiskAssessment.Cell heavy = new RiskAssessment.Cell("210102", "B01",
                figures(3, "100000.00", "0", "6250.00", "0", "0"));

        List<CellResult> results = assessment.assess(List.of(heavy, OK_CELL), BANKS, Map.of());

        assertThat(find(results, Level.BANK, "", "B01").withinTolerance()).isTrue();
    }

    @Test
    void provinceRowSumsEverything() {
        Map<String, Figures> previous = Map.of(
                RiskAssessment.key("210102", "B01"), figures(2, "90000.00", "1800.00", "10.00", "0", "0"),
                RiskAssessment.key("210181", "B01"), figures(1, "40000.00", "400.00", "20.00", "0", "0"));

        List<CellResult> results = assessment.assess(List.of(WARN_CELL, PAUSE_CELL, OK_CELL), BANKS, previous);

        CellResult province = find(results, Level.PROVINCE, "", "");
        assertThat(province.figures()).isEqualTo(figures(6, "230000.00", "8000.01", "2300.00", "500.00", "1610.00"));
        assertThat(province.previous()).isEqualTo(figures(3, "130000.00", "2200.00", "30.00", "0", "0"));
        assertThat(province.thresholdPct()).isNull();
        assertThat(province.status()).isNull();
    }

    @Test
    void oneResultPerCellCountyBankAndProvince() {
        List<CellResult> results = assessment.assess(List.of(WARN_CELL, PAUSE_CELL, OK_CELL), BANKS, Map.of());

        assertThat(results).extracting(CellResult::level, CellResult::countyCode, CellResult::bankCode)
                .containsExactlyInAnyOrder(
                        tuple(Level.BANK_COUNTY, "210102", "B01"),
                        tuple(Level.BANK_COUNTY, "210102", "B02"),
                        tuple(Level.BANK_COUNTY, "210181", "B01"),
                        tuple(Level.COUNTY, "210102", ""),
                        tuple(Level.COUNTY, "210181", ""),
                        tuple(Level.BANK, "", "B01"),
                        tuple(Level.BANK, "", "B02"),
                        tuple(Level.PROVINCE, "", ""));
    }

    @Test
    void countyNamesTheBanksOfItsPauseAndWarnCellsInCodeOrder() {
        // 210102: B01 WARN, B02 PAUSE, B03 (T 5.50) PAUSE on NPL 6 %, B00 OK; given out of code order.
        Banks banks = Banks.of(List.of(new Bank("B00", "甲", new BigDecimal("1.00")),
                new Bank("B01", "乙", new BigDecimal("1.50")), new Bank("B02", "丙", new BigDecimal("2.00")),
                new Bank("B03", "丁", new BigDecimal("2.50"))));
        RiskAssessment.Cell b03 = new RiskAssessment.Cell("210102", "B03",
                figures(1, "100.00", "0", "6.00", "0", "0"));
        RiskAssessment.Cell b00 = new RiskAssessment.Cell("210102", "B00",
                figures(1, "100.00", "0", "0", "0", "0"));

        List<CellResult> results = assessment.assess(List.of(b03, PAUSE_CELL, b00, WARN_CELL, OK_CELL), banks,
                Map.of());

        CellResult county = find(results, Level.COUNTY, "210102", "");
        assertThat(county.pauseBanks()).containsExactly("B02", "B03");
        assertThat(county.warnBanks()).containsExactly("B01");
        assertThat(county.pauseBanksJoined()).isEqualTo("B02;B03");
        CellResult ok = find(results, Level.COUNTY, "210181", "");
        assertThat(ok.pauseBanksJoined()).isEmpty();
        assertThat(ok.warnBanksJoined()).isEmpty();
    }

    @Test
    void prevStatusIsTheStatusStoredForTheCellAndTheCountyOnTheComparisonDate() {
        // On the comparison date 210102 × B01 was PAUSE, 210102 × B02 lent nothing, county 210102 was PAUSE;
        // 210181 was not in it at all.
        Map<String, Status> before = Map.of(RiskAssessment.key("210102", "B01"), Status.PAUSE,
                RiskAssessment.key("210102", ""), Status.PAUSE, RiskAssessment.key("210999", ""), Status.WARN);

        List<CellResult> results = assessment.assess(List.of(WARN_CELL, PAUSE_CELL, OK_CELL), BANKS, Map.of(),
                before);

        assertThat(find(results, Level.BANK_COUNTY, "210102", "B01").prevStatus()).isEqualTo(Status.PAUSE);
        assertThat(find(results, Level.BANK_COUNTY, "210102", "B02").prevStatus()).isNull();
        assertThat(find(results, Level.COUNTY, "210102", "").prevStatus()).isEqualTo(Status.PAUSE);
        assertThat(find(results, Level.COUNTY, "210181", "").prevStatus()).isNull();
        assertThat(find(results, Level.BANK, "", "B01").prevStatus()).isNull();
    }

    @Test
    void loanCountsBesideTheRatesAddUpLikeTheBalances() {
        RiskAssessment.Cell a = new RiskAssessment.Cell("210102", "B01", new Figures(5, new BigDecimal("100.00"),
                new BigDecimal("10.00"), new BigDecimal("4.00"), BigDecimal.ZERO, BigDecimal.ZERO, 3, 1));
        RiskAssessment.Cell b = new RiskAssessment.Cell("210102", "B02", new Figures(4, new BigDecimal("100.00"),
                new BigDecimal("10.00"), new BigDecimal("4.00"), BigDecimal.ZERO, BigDecimal.ZERO, 2, 2));

        List<CellResult> results = assessment.assess(List.of(a, b), BANKS, Map.of());

        Figures county = find(results, Level.COUNTY, "210102", "").figures();
        assertThat(county.overdueLoanCount()).isEqualTo(5);
        assertThat(county.nplLoanCount()).isEqualTo(3);
        assertThat(find(results, Level.BANK, "", "B02").figures().overdueLoanCount()).isEqualTo(2);
        assertThat(find(results, Level.PROVINCE, "", "").figures().nplLoanCount()).isEqualTo(3);
    }

    private static CellResult find(List<CellResult> results, Level level, String county, String bank) {
        return results.stream()
                .filter(r -> r.level() == level && r.countyCode().equals(county) && r.bankCode().equals(bank))
                .findFirst().orElseThrow(() -> new AssertionError("no " + level + " " + county + " " + bank));
    }

    private static Figures figures(long count, String balance, String overdue, String npl, String overdue90,
                                   String subsidy) {
        return new Figures(count, new BigDecimal(balance), new BigDecimal(overdue), new BigDecimal(npl),
                new BigDecimal(overdue90), new BigDecimal(subsidy));
    }
}
