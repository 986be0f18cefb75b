package cn.microcredit.monitor.metrics;

import java.math.BigDecimal;
import java.util.EnumSet;

/**
 * The metrics of one cell. {@code countyCode} is "" at BANK and PROVINCE level, {@code bankCode} "" at COUNTY and
 * PROVINCE level.
 *
 * @param thresholdPct exact T (bank × county), balance-weighted mean T (county), overall NPL + margin (bank)
 * @param previous     the same cell on the previous stored date, or null
 */
public record CellResult(Level level, String countyCode, String bankCode, Figures figures, BigDecimal thresholdPct,
                         Status status, EnumSet<Reason> reasons, Figures previous) {

    /** Overdue rate on the previous stored date, rounded; null without one. */
    public BigDecimal prevOverdueRatePct() {
        return previous == null ? null : previous.overdueRatePct();
    }

    /** Change of the overdue rate since the previous stored date in points, rounded; null without one. */
    public BigDecimal overdueChangePp() {
        if (previous == null || previous.balance().signum() == 0) {
            return null;
        }
        return Percent.changePp(figures.overdueBalance(), figures.balance(), previous.overdueBalance(),
                previous.balance());
    }

    /** Bank level: the province-wide microcredit NPL ratio is within overall NPL + margin (三(一)). */
    public boolean withinTolerance() {
        return !reasons.contains(Reason.NPL_ABOVE_TOLERANCE);
    }
}
