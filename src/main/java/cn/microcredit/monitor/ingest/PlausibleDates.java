package cn.microcredit.monitor.ingest;

import java.time.LocalDate;

/**
 * Which dates an input row may carry (issue 17, item 2). A date can be well-formed and still impossible for its field:
 * a loan issued in 5026, a roster period added on 9999-01-01. Such a row is rejected {@code OUT_OF_RANGE} with the
 * window it missed, in the job and in {@code --validate-only} alike (both read rows through the same parsers), instead
 * of being stored and failing the rules step for every bank.
 *
 * <ul>
 *   <li>{@code issue_date}: not after the as-of date (a ledger is a snapshot of the loans on the books that day, so a
 *       loan issued later cannot be in it) and not more than {@value #MAX_LOAN_AGE_YEARS} years before it (the scheme
 *       dates from 2014; three decades leave room for any loan carried over).</li>
 *   <li>{@code maturity_date}: not more than {@value #MAX_TERM_YEARS} years after {@code issue_date} (microcredit
 *       runs up to 3 years and one renewal; longer ones still get {@code TERM_OVER_LIMIT}, only absurd ones are
 *       refused).</li>
 *   <li>roster {@code added_date} and {@code removed_date}: within {@value #ROSTER_WINDOW_YEARS} years of the as-of
 *       date either way (a period "until 9999" is written with an empty removal date, SPEC 3.3).</li>
 * </ul>
 * Without an as-of date (a parser used on its own) the window is {@link #EARLIEST} to {@link #LATEST} for every field.
 */
public final class PlausibleDates {

    static final int MAX_LOAN_AGE_YEARS = 30;
    static final int MAX_TERM_YEARS = 30;
    public static final int ROSTER_WINDOW_YEARS = 50;
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    /** The window for readers given no as-of date. */
    public static final PlausibleDates ANY = new PlausibleDates(null);

    private final LocalDate asOf;
    private final LocalDate earliestIssue;
    private final LocalDate latestIssue;
    private final LocalDate earliestRoster;
    private final LocalDate latestRoster;
    /** Rows issued after the as-of date: too many and the date itself is wrong ({@code AsOfCheck}). */
    private final java.util.concurrent.atomic.AtomicLong issuedAfterAsOf = new java.util.concurrent.atomic.AtomicLong();
    /** The same count per file, for the files read through {@link #forFile}. */
    private final java.util.Map<String, java.util.concurrent.atomic.AtomicLong> issuedAfterByFile =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong parentCount;

    private PlausibleDates(LocalDate asOf) {
        this(asOf, null);
    }

    private PlausibleDates(LocalDate asOf, java.util.concurrent.atomic.AtomicLong parentCount) {
        this.asOf = asOf;
        this.parentCount = parentCount;
        this.earliestIssue = asOf == null ? EARLIEST : asOf.minusYears(MAX_LOAN_AGE_YEARS);
        this.latestIssue = asOf == null ? LATEST : asOf;
        this.earliestRoster = asOf == null ? EARLIEST : asOf.minusYears(ROSTER_WINDOW_YEARS);
        this.latestRoster = asOf == null ? LATEST : asOf.plusYears(ROSTER_WINDOW_YEARS);
    }

    public static PlausibleDates asOf(LocalDate asOf) {
        return asOf == null ? ANY : new PlausibleDates(asOf);
    }

    /** What is wrong with an issue date, or null. */
    public String issue(LocalDate issue) {
        if (issue.isAfter(latestIssue)) {
            issuedAfterAsOf.incrementAndGet();
            if (parentCount != null) {
                parentCount.incrementAndGet();
            }
            return asOf == null ? issue + " 晚于 " + LATEST + "，不是可信的日期"
                    : issue + " 晚于数据日期 " + asOf + "：该日的台账不可能含有之后发放的贷款";
        }
        if (issue.isBefore(earliestIssue)) {
            return issue + " 早于 " + earliestIssue + "（数据日期前 " + MAX_LOAN_AGE_YEARS + " 年），不是可信的发放日期";
        }
        return null;
    }

    /** How many issue dates checked so far were after the as-of date. */
    public long issuedAfterAsOf() {
        return issuedAfterAsOf.get();
    }

    /** The same window for one file, counting its rows issued after the as-of date here as well as on its own. */
    public PlausibleDates forFile(String file) {
        if (asOf == null) {
            return this;
        }
        PlausibleDates own = new PlausibleDates(asOf, issuedAfterAsOf);
        issuedAfterByFile.put(file, own.issuedAfterAsOf);
        return own;
    }

    /** Rows issued after the as-of date, per file read through {@link #forFile}. */
    public java.util.Map<String, Long> issuedAfterByFile() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        issuedAfterByFile.forEach((file, n) -> counts.put(file, n.get()));
        return counts;
    }

    /** What is wrong with a maturity date not before its (plausible) issue date, or null. */
    public String maturity(LocalDate issue, LocalDate maturity) {
        LocalDate latest = issue.plusYears(MAX_TERM_YEARS);
        if (maturity.isAfter(latest)) {
            return maturity + " 晚于发放日期后 " + MAX_TERM_YEARS + " 年（" + latest + "），不是可信的到期日期";
        }
        return null;
    }

    /** What is wrong with a roster date, or null. */
    public String roster(LocalDate date) {
        if (date.isBefore(earliestRoster) || date.isAfter(latestRoster)) {
            return date + " 不在 " + earliestRoster + " 至 " + latestRoster + " 之间"
                    + (asOf == null ? "" : "（数据日期前后 " + ROSTER_WINDOW_YEARS + " 年）")
                    + "，不是可信的日期；仍在册的退出日期请留空";
        }
        return null;
    }

    /** Whether a roster date is within the window: the short path of the roster reader. */
    public boolean rosterOk(LocalDate date) {
        return !date.isBefore(earliestRoster) && !date.isAfter(latestRoster);
    }
}
