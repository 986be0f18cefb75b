package cn.microcredit.monitor.rules;

import java.time.LocalDate;
import java.util.List;

import cn.microcredit.monitor.keys.Fingerprint;
import cn.microcredit.monitor.keys.KeyIndex;
import cn.microcredit.monitor.reference.RosterPeriod;

/**
 * The roster's periods by household, for the two roster rules (SPEC 5.3): a {@link KeyIndex} of 20 bytes a period, so
 * a roster of millions of households fits a small heap. A period is packed into one long: added and removed day
 * (days since 1970, offset to stay positive) and the county as its position in the sorted list of county codes.
 */
public final class RosterIndex {

    private static final long DAY_OFFSET = 1L << 20;
    private static final long DAY_MASK = (1L << 21) - 1;
    private static final long OPEN = DAY_MASK;

    private final List<String> counties;
    private final KeyIndex periods;

    /**
     * @param counties every county code a period may name, sorted
     * @param expected number of periods to be added (sizes the arrays once)
     */
    public RosterIndex(List<String> counties, long expected) {
        this.counties = counties;
        this.periods = new KeyIndex((int) Math.min(Integer.MAX_VALUE - 8, expected));
    }

    public void add(RosterPeriod p) {
        int county = java.util.Collections.binarySearch(counties, p.countyCode());
        if (county < 0) {
            throw new IllegalArgumentException("roster county not in the reference: " + p.countyCode());
        }
        long removed = p.removedDate() == null ? OPEN : day(p.removedDate());
        periods.add(Fingerprint.of(p.householdId()), Fingerprint.check(p.householdId()),
                (long) county << 42 | removed << 21 | day(p.addedDate()));
    }

    public int size() {
        return periods.size();
    }

    public RosterIndex sort() {
        periods.sort();
        return this;
    }

    /** What the roster says of a household on a day. */
    public enum Match {
        /** no period of the household covers the day */
        NOT_ON_ROSTER,
        /** periods cover the day, none in the county asked about */
        OTHER_COUNTY,
        ON_ROSTER
    }

    /** @param rosterCounty for {@link Match#OTHER_COUNTY}, the lowest county code of the covering periods */
    public record Result(Match match, String rosterCounty) {

        private static final Result ON_ROSTER = new Result(Match.ON_ROSTER, null);
        private static final Result NOT_ON_ROSTER = new Result(Match.NOT_ON_ROSTER, null);
    }

    /** Whether a period of the household covers the day (added ≤ day ≤ removed), and in which county. */
    public Result check(String householdId, String countyCode, LocalDate day) {
        return check(Fingerprint.of(householdId), householdId, countyCode, day);
    }

    /** {@link #check(String, String, LocalDate)} with the household's fingerprint already at hand. */
    public Result check(long key, String householdId, String countyCode, LocalDate day) {
        int check = Fingerprint.check(householdId);
        long d = day(day);
        String lowest = null;
        for (int i = periods.first(key, check); periods.matches(i, key, check); i++) {
            long v = periods.value(i);
            long added = v & DAY_MASK;
            long removed = v >>> 21 & DAY_MASK;
            if (added <= d && d <= removed) {
                String county = counties.get((int) (v >>> 42));
                if (county.equals(countyCode)) {
                    return Result.ON_ROSTER;
                }
                if (lowest == null || county.compareTo(lowest) < 0) {
                    lowest = county;
                }
            }
        }
        return lowest == null ? Result.NOT_ON_ROSTER : new Result(Match.OTHER_COUNTY, lowest);
    }

    private static long day(LocalDate date) {
        long d = date.toEpochDay() + DAY_OFFSET;
        if (d < 0 || d >= OPEN) {
            throw new IllegalArgumentException("roster date out of range: " + date);
        }
        return d;
    }
}
