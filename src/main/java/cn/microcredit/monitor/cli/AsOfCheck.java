package cn.microcredit.monitor.cli;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;


/**
 * Whether an as-of date can be the date of the ledgers (issue 17, item 8). A mistaken date is stored like any other
 * and every later run compares with it: after a run "as of 1970-01-01" the real date got 40 false
 * {@code LENDING_AFTER_PAUSE}, after "2999-12-31" 523 {@code MATURED_NOT_OVERDUE}. So a date is refused (exit 2, naming
 * {@code --as-of}) when
 * <ul>
 *   <li>it is more than {@value #MAX_MONTHS_AHEAD} month ahead of the machine's clock (a snapshot cannot be taken in
 *       the future; a month leaves room for a clock that is wrong by days and for month-end dates run early);</li>
 *   <li>the ledgers contradict it: in the files that hold most of the rows read, more than
 *       {@value #MAX_ISSUED_AFTER_PCT} % of each file's rows were issued after it. A book of one- to three-year loans
 *       renews some 3 to 8 % a month, so a date a month too early shows several per cent issued after it in every
 *       bank's file, while typing errors in issue dates stay far below 1 %; those few rows are rejected one by one
 *       ({@code OUT_OF_RANGE}) and the date stands. Judged file by file, so that one bank's broken file (issue and
 *       maturity columns swapped, say) costs only that bank its rows, rejected one by one, and never the other banks
 *       their results (issue 17, item 3's rule).</li>
 * </ul>
 */
public final class AsOfCheck {

    static final int MAX_MONTHS_AHEAD = 1;
    static final int MAX_ISSUED_AFTER_PCT = 1;

    private AsOfCheck() {
    }

    /** The ledgers contradict the as-of date: the run publishes nothing and exits 2. */
    public static final class Contradicted extends RuntimeException {
        Contradicted(String message) {
            super(message);
        }
    }

    public static void notTooFarAhead(LocalDate asOf, LocalDate today, String where) {
        if (asOf.isAfter(today.plusMonths(MAX_MONTHS_AHEAD))) {
            throw new UsageException(where + ": 数据日期 " + asOf + " 晚于今天 (" + today + ") 一个月以上，不可能是台账的日期 "
                    + "(the as-of date is more than a month ahead of the machine's clock)");
        }
    }

    /**
     * Refuses the date when the files in which more than 1 % of the rows were issued after it hold more than half of
     * all the rows read.
     *
     * @param issuedAfterByFile rows issued after the as-of date, per file
     * @param rowsReadByFile    rows read, per file
     */
    public static void notContradicted(LocalDate asOf, Map<String, Long> issuedAfterByFile,
                                       Map<String, Long> rowsReadByFile) {
        long rowsRead = 0;
        long contradictingRows = 0;
        long issuedAfter = 0;
        for (var file : rowsReadByFile.entrySet()) {
            long rows = file.getValue();
            long after = issuedAfterByFile.getOrDefault(file.getKey(), 0L);
            rowsRead += rows;
            issuedAfter += after;
            if (rows > 0 && after * 100 > rows * MAX_ISSUED_AFTER_PCT) {
                contradictingRows += rows;
            }
        }
        if (contradictingRows * 2 > rowsRead) {
            throw new Contradicted("--as-of: 台账中 " + issuedAfter + " / " + rowsRead + " 行（"
                    + String.format(Locale.ROOT, "%.1f", issuedAfter * 100.0 / rowsRead) + "%，超过 "
                    + MAX_ISSUED_AFTER_PCT + "%）的发放日期晚于数据日期 " + asOf + "：数据日期有误，本次未发布任何结果 "
                    + "(the ledgers contradict the as-of date: more than 1 % of their rows were issued after it)");
        }
    }
}
