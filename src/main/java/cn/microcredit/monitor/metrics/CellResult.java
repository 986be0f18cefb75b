package cn.microcredit.monitor.metrics;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;

/**
 * The metrics of one cell. {@code countyCode} is "" at BANK and PROVINCE level, {@code bankCode} "" at COUNTY and
 * PROVINCE level.
 *
 * @param thresholdPct   exact T (bank × county), balance-weighted mean T (county), overall NPL + margin (bank)
 * @param previous       the same cell on the comparison date, or null
 * @param prevStatus     the cell's (county's) status on the comparison date; null when it had no outstanding loans
 *                       then, when there is no comparison date, and at BANK and PROVINCE level (SPEC 5.2)
 * @param householdCount distinct households among the outstanding loans, COUNTY and PROVINCE level; else null
 * @param pauseBanks     COUNTY level: the banks whose cell in the county is PAUSE, in code order; else empty
 * @param warnBanks      COUNTY level: the banks whose cell in the county is WARN, in code order; else empty
 */
public record CellResult(Level level, String countyCode, String bankCode, Figures figures, BigDecimal thresholdPct,
                         Status status, EnumSet<Reason> reasons, Figures previous, Status prevStatus,
                         Long householdCount, List<String> pauseBanks, List<String> warnBanks) {

    /** A cell without the comparison date's status, household count or triggering banks. */
    public CellResult(Level level, String countyCode, String bankCode, Figures figures, BigDecimal thresholdPct,
                      Status status, EnumSet<Reason> reasons, Figures previous) {
        this(level, countyCode, bankCode, figures, thresholdPct, status, reasons, previous, null, null, List.of(),
                List.of());
    }

    /** The same cell with its household count. */
    public CellResult withHouseholdCount(Long count) {
        return new CellResult(level, countyCode, bankCode, figures, thresholdPct, status, reasons, previous, prevStatus,
                count, pauseBanks, warnBanks);
    }

    /** {@code pause_banks} as written: bank codes joined with {@code ;}. */
    public String pauseBanksJoined() {
        return String.join(";", pauseBanks);
    }

    public String warnBanksJoined() {
        return String.join(";", warnBanks);
    }

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
