package cn.microcredit.monitor.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Turns input text into typed values, the one place that knows the accepted forms (SPEC 3): dates as
 * {@code yyyy-MM-dd}, {@code yyyy/MM/dd}, {@code yyyy/M/d} or {@code yyyyMMdd}; money in yuan, plain or with thousands
 * separators; rates in percent. Callers pass trimmed text.
 *
 * <p>Every ledger row goes through here several times, so the forms are checked by hand-written scanners rather than
 * regular expressions, and a failure costs no stack trace. Digits are ASCII {@code 0-9} only: full-width or other
 * scripts' digits are not numbers here.
 */
public final class Values {

    /** Digits that always fit a {@code long}: longer numbers take the slow, exact path. */
    private static final int MAX_LONG_DIGITS = 18;

    private Values() {
    }

    /**
     * {@code yyyy-M-d} or {@code yyyy/M/d} (month and day of one or two digits, one separator throughout), or
     * {@code yyyyMMdd}.
     */
    public static LocalDate date(String text) throws FieldException {
        int n = text.length();
        int year;
        int month;
        int day;
        if (n == 8 && digits(text, 0, 8)) {
            year = number(text, 0, 4);
            month = number(text, 4, 6);
            day = number(text, 6, 8);
        } else if (n >= 8 && n <= 10 && digits(text, 0, 4) && (text.charAt(4) == '-' || text.charAt(4) == '/')) {
            char separator = text.charAt(4);
            int second = text.indexOf(separator, 5);
            int monthDigits = second - 5;
            int dayDigits = n - second - 1;
            if (second < 0 || monthDigits < 1 || monthDigits > 2 || dayDigits < 1 || dayDigits > 2
                    || !digits(text, 5, second) || !digits(text, second + 1, n)) {
                throw notADateForm(text);
            }
            year = number(text, 0, 4);
            month = number(text, 5, second);
            day = number(text, second + 1, n);
        } else {
            throw notADateForm(text);
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new FieldException(RejectReason.BAD_DATE, quote(text) + " 不是存在的日期");
        }
    }

    /** Yuan with at most two decimals (trailing zeros beyond them are allowed), scale 2. */
    public static BigDecimal money(String text) throws FieldException {
        BigDecimal value = decimal(text, "金额");
        if (value.scale() == 2) {
            return value;
        }
        if (value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
            throw new FieldException(RejectReason.BAD_NUMBER, quote(text) + " 金额精度超过分（两位小数）");
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** A rate in percent: 3.45 means 3.45 %. A trailing % sign is allowed. Trailing zeros are dropped, scale &ge; 0. */
    public static BigDecimal percent(String text) throws FieldException {
        String t = text.endsWith("%") ? text.substring(0, text.length() - 1).trim() : text;
        BigDecimal value = decimal(t, "百分比");
        if (value.scale() == 0) {
            return value;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 6) {
            throw new FieldException(RejectReason.BAD_NUMBER, quote(text) + " 小数位超过6位");
        }
        return stripped.scale() < 0 ? value.setScale(0, RoundingMode.UNNECESSARY) : stripped;
    }

    /** An optional sign and one to nine digits. */
    public static int integer(String text) throws FieldException {
        int n = text.length();
        int start = n > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        if (n - start < 1 || n - start > 9 || !digits(text, start, n)) {
            throw new FieldException(RejectReason.BAD_NUMBER, quote(text) + " 不是整数");
        }
        int value = number(text, start, n);
        return text.charAt(0) == '-' ? -value : value;
    }

    /** Quotes input text for a message, cut short so that a huge field cannot flood a report. */
    public static String quote(String text) {
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
    }

    /**
     * An optional sign, digits (plain, or grouped by commas in threes after a first group of one to three), and
     * optionally a point followed by at least one digit. The scale is the number of digits after the point.
     */
    private static BigDecimal decimal(String text, String what) throws FieldException {
        int n = text.length();
        int i = n > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        boolean negative = i == 1 && text.charAt(0) == '-';
        long unscaled = 0;
        int digitCount = 0;
        int groupDigits = 0;
        boolean grouped = false;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                unscaled = unscaled * 10 + (c - '0');
                digitCount++;
                groupDigits++;
            } else if (c == ',') {
                // The group before a comma: one to three digits first, exactly three after that.
                if (groupDigits == 0 || groupDigits > 3 || grouped && groupDigits != 3) {
                    throw notANumber(text, what);
                }
                grouped = true;
                groupDigits = 0;
            } else {
                break;
            }
        }
        if (groupDigits == 0 || grouped && groupDigits != 3) {
            throw notANumber(text, what);
        }
        int scale = 0;
        if (i < n) {
            if (text.charAt(i) != '.') {
                throw notANumber(text, what);
            }
            int point = i++;
            for (; i < n; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    throw notANumber(text, what);
                }
                unscaled = unscaled * 10 + (c - '0');
                digitCount++;
            }
            scale = n - point - 1;
            if (scale == 0) {
                throw notANumber(text, what);
            }
        }
        if (digitCount > MAX_LONG_DIGITS) {
            return new BigDecimal(grouped ? text.replace(",", "") : text);
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The value of ASCII digits already checked; at most nine of them. */
    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static FieldException notADateForm(String text) {
        return new FieldException(RejectReason.BAD_DATE, quote(text) + " 不是 yyyy-MM-dd、yyyy/M/d 或 yyyyMMdd 格式的日期");
    }

    private static FieldException notANumber(String text, String what) {
        return new FieldException(RejectReason.BAD_NUMBER, quote(text) + " 不是有效的" + what);
    }
}
