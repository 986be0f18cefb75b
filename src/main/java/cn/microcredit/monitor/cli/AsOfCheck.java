package cn.microcredit.monitor.cli;

import java.time.LocalDate;
import java.util.Locale;


/**
 * Whether an as-of date can be the date of the ledgers (issue 17, item 8). A mistaken date is stored like any other
 * and every later run compares with it: after a run "as of 1970-01-01" the real date got 40 false
 * {@code LENDING_AFTER_PAUSE}, after "2999-12-31" 523 {@code MATURED_NOT_OVERDUE}. So a date is refused (exit 2, naming
 * {@code --as-of}) when
 * <ul>
 *   <li>it is more than {@value #MAX_MONTHS_AHEAD} month ahead of the machine's clock (a snapshot cannot be taken in
 *       the future; a month leaves room for a clock that is wrong by days and for month-end dates run early);</li>
 *   <li>the ledgers contradict it: more than {@value #MAX_ISSUED_AFTER_PCT} % of their rows were issued after it. A
 *       book of one- to three-year loans renews some 3 to 8 % a month, so a date a month too early shows several per
 *       cent issued after it, while typing errors in issue dates stay far below 1 %; those few rows are rejected one by
 *       one ({@code OUT_OF_RANGE}) and the date stands.</li>
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

    /** Refuses the date when more than 1 % of the ledger rows read were issued after it. */
    public static void notContradicted(LocalDate asOf, long issuedAfter, long rowsRead) {
        if (rowsRead > 0 && issuedAfter * 100 > rowsRead * MAX_ISSUED_AFTER_PCT) {
            throw new Contradicted("--as-of: 台账中 " + issuedAfter + " / " + rowsRead + " 行（"
                    + String.format(Locale.ROOT, "%.1f", issuedAfter * 100.0 / rowsRead) + "%，超过 "
                    + MAX_ISSUED_AFTER_PCT + "%）的发放日期晚于数据日期 " + asOf + "：数据日期有误，本次未发布任何结果 "
                    + "(the ledgers contradict the as-of date: more than 1 % of their rows were issued after it)");
        }
    }
}
