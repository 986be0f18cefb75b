package cn.microcredit.monitor.metrics;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The comparison date of SPEC 5.2: the one earlier stored date that growth ({@code OVERDUE_RISING_FAST},
 * {@code prev_overdue_rate_pct}, {@code overdue_change_pp}), {@code prev_status}, migration and the history rules
 * ({@code RATE_CHANGED}, {@code LENDING_AFTER_PAUSE}) compare with. Chosen once, when a run begins, among the dates
 * with a COMPLETED run (a failed, stopped or unfinished run never is one).
 * <ul>
 *   <li>{@code month-end}: the latest such date on or before the last day of the calendar month before the as-of
 *       month (as-of 2026-10-31 or 2026-10-17: the latest date ≤ 2026-09-30), so that a nightly job judges month on
 *       month and a mid-month run never becomes the comparison date of its own month;</li>
 *   <li>{@code previous-run}: the latest date before the as-of date.</li>
 * </ul>
 */
public final class ComparisonDate {

    private ComparisonDate() {
    }

    /** The latest as-of date that may serve as the comparison date of {@code asOf}. */
    public static LocalDate latestEligible(LocalDate asOf, ComparisonBasis basis) {
        return switch (basis) {
            case MONTH_END -> asOf.withDayOfMonth(1).minusDays(1);
            case PREVIOUS_RUN -> asOf.minusDays(1);
        };
    }

    /**
     * @param completed the stored runs that completed (any order, any dates)
     * @param dateOf    a run's as-of date
     * @return the run of the comparison date, or empty when no completed run qualifies
     */
    public static <R> Optional<R> choose(LocalDate asOf, ComparisonBasis basis, List<R> completed,
                                         Function<R, LocalDate> dateOf) {
        LocalDate latest = latestEligible(asOf, basis);
        return completed.stream().filter(r -> !dateOf.apply(r).isAfter(latest)).max(Comparator.comparing(dateOf));
    }
}
