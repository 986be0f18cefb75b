package cn.microcredit.monitor.metrics;

import java.math.BigDecimal;
import java.util.EnumSet;

/**
 * The differentiated tolerance of notice 三(一) and the warnings and pauses of 四(三), for one bank × county cell
 * (SPEC 5.2). Threshold T = the bank's overall NPL ratio + {@code npl-margin-pp}:
 * <ul>
 *   <li>PAUSE when the NPL or the overdue rate is above T (exactly at T is within tolerance);</li>
 *   <li>else WARN when the overdue rate is above T − {@code warn-band-pp}, or rose by at least {@code growth-pp}
 *       points since the previous stored date;</li>
 *   <li>else OK.</li>
 * </ul>
 */
public final class ToleranceRule {

    private final MonitorRules rules;

    public ToleranceRule(MonitorRules rules) {
        this.rules = rules;
    }

    /** The outcome for one cell; {@code thresholdPct} is exact (not rounded). */
    public record Assessment(BigDecimal thresholdPct, Status status, EnumSet<Reason> reasons) {
    }

    public BigDecimal thresholdPct(BigDecimal bankOverallNplPct) {
        return bankOverallNplPct.add(rules.nplMarginPp());
    }

    /**
     * @param cell     this date's figures of the cell, with a positive balance
     * @param previous the same cell on the previous stored date, or null when it has none
     */
    public Assessment assess(Figures cell, BigDecimal bankOverallNplPct, Figures previous) {
        BigDecimal t = thresholdPct(bankOverallNplPct);
        EnumSet<Reason> reasons = EnumSet.noneOf(Reason.class);
        if (Percent.compare(cell.nplBalance(), cell.balance(), t) > 0) {
            reasons.add(Reason.NPL_ABOVE_TOLERANCE);
        }
        if (Percent.compare(cell.overdueBalance(), cell.balance(), t) > 0) {
            reasons.add(Reason.OVERDUE_ABOVE_TOLERANCE);
        } else if (Percent.compare(cell.overdueBalance(), cell.balance(), t.subtract(rules.warnBandPp())) > 0) {
            reasons.add(Reason.OVERDUE_NEAR_TOLERANCE);
        }
        if (previous != null && previous.balance().signum() > 0
                && Percent.roseByAtLeast(cell.overdueBalance(), cell.balance(), previous.overdueBalance(),
                previous.balance(), rules.growthPp())) {
            reasons.add(Reason.OVERDUE_RISING_FAST);
        }
        Status status = reasons.contains(Reason.NPL_ABOVE_TOLERANCE) || reasons.contains(Reason.OVERDUE_ABOVE_TOLERANCE)
                ? Status.PAUSE
                : reasons.isEmpty() ? Status.OK : Status.WARN;
        return new Assessment(t, status, reasons);
    }

    /** A bank's own row: is its province-wide microcredit NPL ratio within overall NPL + margin (三(一))? */
    public boolean bankWithinTolerance(Figures bank, BigDecimal bankOverallNplPct) {
        return Percent.compare(bank.nplBalance(), bank.balance(), thresholdPct(bankOverallNplPct)) <= 0;
    }
}
