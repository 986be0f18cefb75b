package cn.microcredit.monitor.reference;

import java.time.LocalDate;

/**
 * One period of a household on the roster from the agriculture department (SPEC 3.3).
 *
 * @param removedDate null while the household is still on the roster
 */
public record RosterPeriod(long line, String householdId, String countyCode, RosterCategory category,
                           LocalDate addedDate, LocalDate removedDate) {

    /** Whether the household was on the roster on that day: added ≤ day ≤ removed (or not removed). */
    public boolean covers(LocalDate day) {
        return !addedDate.isAfter(day) && (removedDate == null || !day.isAfter(removedDate));
    }
}
