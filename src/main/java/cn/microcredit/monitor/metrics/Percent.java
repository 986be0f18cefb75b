package cn.microcredit.monitor.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Ratios of money as percentages. Comparisons are exact (cross-multiplied, never divided), so a rate exactly at a
 * threshold is exactly at it; only values shown to people are rounded, half-up to 2 places.
 */
public final class Percent {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percent() {
    }

    /** part / whole × 100 rounded half-up to 2 places, or null when whole is 0. */
    public static BigDecimal of(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return null;
        }
        return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
    }

    /** Sign of (part / whole × 100 − pct), computed exactly; whole must be positive. */
    public static int compare(BigDecimal part, BigDecimal whole, BigDecimal pct) {
        return part.multiply(HUNDRED).compareTo(pct.multiply(whole));
    }

    /** (part1 / whole1 − part0 / whole0) × 100, rounded half-up to 2 places. */
    public static BigDecimal changePp(BigDecimal part1, BigDecimal whole1, BigDecimal part0, BigDecimal whole0) {
        BigDecimal numerator = part1.multiply(whole0).subtract(part0.multiply(whole1)).multiply(HUNDRED);
        return numerator.divide(whole0.multiply(whole1), 2, RoundingMode.HALF_UP);
    }

    /** Whether the rate rose by at least pp points, exactly: (p1·w0 − p0·w1) × 100 ≥ pp · w0 · w1. */
    public static boolean roseByAtLeast(BigDecimal part1, BigDecimal whole1, BigDecimal part0, BigDecimal whole0,
                                        BigDecimal pp) {
        BigDecimal lhs = part1.multiply(whole0).subtract(part0.multiply(whole1)).multiply(HUNDRED);
        return lhs.compareTo(pp.multiply(whole0).multiply(whole1)) >= 0;
    }

    /** (part / whole × 100 − pct) rounded half-up to 2 places: the gap to a reference rate. */
    public static BigDecimal gapPp(BigDecimal part, BigDecimal whole, BigDecimal pct) {
        return part.multiply(HUNDRED).subtract(pct.multiply(whole)).divide(whole, 2, RoundingMode.HALF_UP);
    }
}
