package cn.microcredit.monitor.metrics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.microcredit.monitor.reference.Banks;

/**
 * From the bank × county sums of one date to the statuses of every level (SPEC 5.2): each cell against its bank's
 * tolerance; a county is the worst of its cells, with their reasons united and the balance-weighted mean threshold;
 * a bank's own row compares its province-wide NPL ratio with its overall NPL ratio (no status; the reason
 * NPL_ABOVE_TOLERANCE marks a bank beyond tolerance).
 */
public final class RiskAssessment {

    /** The sums of one bank × county cell. */
    public record Cell(String countyCode, String bankCode, Figures figures) {
    }

    private final ToleranceRule tolerance;

    public RiskAssessment(MonitorRules rules) {
        this.tolerance = new ToleranceRule(rules);
    }

    /** As {@link #assess(List, Banks, Map, Map)} without the comparison date's statuses. */
    public List<CellResult> assess(List<Cell> cells, Banks banks, Map<String, Figures> previous) {
        return assess(cells, banks, previous, Map.of());
    }

    /**
     * @param cells          this date's bank × county sums (outstanding loans only)
     * @param previous       the comparison date's cells by {@link #key}, empty without one
     * @param previousStatus the comparison date's statuses: of its cells by {@link #key}, of its counties by
     *                       {@link #key} with an empty bank code; empty without one
     */
    public List<CellResult> assess(List<Cell> cells, Banks banks, Map<String, Figures> previous,
                                   Map<String, Status> previousStatus) {
        List<CellResult> results = new ArrayList<>();
        Map<String, List<CellResult>> byCounty = new TreeMap<>();
        Map<String, Figures> byBank = new TreeMap<>();
        for (Cell cell : cells) {
            BigDecimal bankNplPct = banks.get(cell.bankCode()).overallNplPct();
            String key = key(cell.countyCode(), cell.bankCode());
            Figures before = previous.get(key);
            ToleranceRule.Assessment a = tolerance.assess(cell.figures(), bankNplPct, before);
            CellResult result = new CellResult(Level.BANK_COUNTY, cell.countyCode(), cell.bankCode(), cell.figures(),
                    a.thresholdPct(), a.status(), a.reasons(), before, previousStatus.get(key), null, List.of(),
                    List.of());
            results.add(result);
            byCounty.computeIfAbsent(cell.countyCode(), k -> new ArrayList<>()).add(result);
            byBank.merge(cell.bankCode(), cell.figures(), Figures::plus);
        }
        Figures province = Figures.ZERO;
        Figures provinceBefore = null;
        for (var entry : byCounty.entrySet()) {
            results.add(county(entry.getKey(), entry.getValue(), previous,
                    previousStatus.get(key(entry.getKey(), ""))));
        }
        for (var entry : byBank.entrySet()) {
            BigDecimal overall = banks.get(entry.getKey()).overallNplPct();
            boolean within = tolerance.bankWithinTolerance(entry.getValue(), overall);
            results.add(new CellResult(Level.BANK, "", entry.getKey(), entry.getValue(),
                    tolerance.thresholdPct(overall), null,
                    within ? EnumSet.noneOf(Reason.class) : EnumSet.of(Reason.NPL_ABOVE_TOLERANCE), null));
            province = province.plus(entry.getValue());
        }
        for (Figures before : previous.values()) {
            provinceBefore = provinceBefore == null ? before : provinceBefore.plus(before);
        }
        results.add(new CellResult(Level.PROVINCE, "", "", province, null, null, EnumSet.noneOf(Reason.class),
                provinceBefore));
        return results;
    }

    private static CellResult county(String countyCode, List<CellResult> cells, Map<String, Figures> previous,
                                     Status previousStatus) {
        Figures figures = Figures.ZERO;
        Status status = Status.OK;
        EnumSet<Reason> reasons = EnumSet.noneOf(Reason.class);
        BigDecimal weightedThreshold = BigDecimal.ZERO;
        // SPEC 5.2: who triggers the county, the bank codes of its PAUSE and of its WARN cells in code order.
        List<String> pauseBanks = new ArrayList<>();
        List<String> warnBanks = new ArrayList<>();
        for (CellResult cell : cells.stream().sorted(java.util.Comparator.comparing(CellResult::bankCode)).toList()) {
            figures = figures.plus(cell.figures());
            status = status.worse(cell.status());
            reasons.addAll(cell.reasons());
            weightedThreshold = weightedThreshold.add(cell.thresholdPct().multiply(cell.figures().balance()));
            if (cell.status() == Status.PAUSE) {
                pauseBanks.add(cell.bankCode());
            } else if (cell.status() == Status.WARN) {
                warnBanks.add(cell.bankCode());
            }
        }
        if (reasons.contains(Reason.OVERDUE_ABOVE_TOLERANCE)) {
            // SPEC 6: near-tolerance is left out wherever above-tolerance holds, the county's list included.
            reasons.remove(Reason.OVERDUE_NEAR_TOLERANCE);
        }
        BigDecimal threshold = weightedThreshold.divide(figures.balance(), MathContext.DECIMAL64);
        Figures before = null;
        String prefix = countyCode + "|";
        for (var entry : previous.entrySet()) {
            if (entry.getKey().startsWith(prefix)) {
                before = before == null ? entry.getValue() : before.plus(entry.getValue());
            }
        }
        return new CellResult(Level.COUNTY, countyCode, "", figures, threshold, status, reasons, before,
                previousStatus, null, List.copyOf(pauseBanks), List.copyOf(warnBanks));
    }

    public static String key(String countyCode, String bankCode) {
        return countyCode + "|" + bankCode;
    }
}
