package cn.microcredit.monitor.rules;

/** The annual rate each loan had on the comparison date (SPEC 5.2), for {@code RATE_CHANGED}. */
@FunctionalInterface
public interface ComparisonRates {

    /** What {@link #rateMillionths} gives for a loan that was not accepted on the comparison date. */
    long NOT_ACCEPTED = -1;

    /**
     * The loan's annual rate on the comparison date in millionths of a percent point (unscaled at 6 decimals: 3.85 %
     * is 3,850,000), whatever its balance then, or {@link #NOT_ACCEPTED}.
     */
    long rateMillionths(String bankCode, String loanId);
}
