package cn.microcredit.monitor.ingest;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Turns input text into typed values, the one place that knows the accepted forms (SPEC 3): dates as
 * {@code yyyy-MM-dd}, {@code yyyy/MM/dd}, {@code yyyy/M/d} or {@code yyyyMMdd}; money in yuan, plain or with thousands
 * separators; rates in percent. Callers pass trimmed text.
 */
public final class Values {

    private static final Pattern SEPARATED_DATE = Pattern.compile("(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");
    private static final Pattern GROUPED_NUMBER = Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,9}");

    private Values() {
    }

    public static LocalDate date(String text) throws FieldException {
        var m = SEPARATED_DATE.matcher(text);
        try {
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4)));
            }
            m = COMPACT_DATE.matcher(text);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
        } catch (DateTimeException e) {
            throw new FieldException(RejectReason.BAD_DATE, quote(text) + " 不是存在的日期");
        }
        throw new FieldException(RejectReason.BAD_DATE,
                quote(text) + " 不是 yyyy-MM-dd、yyyy/M/d 或 yyyyMMdd 格式的日期");
    }

    /** Yuan with at most two decimals (trailing zeros beyond them are allowed), scale 2. */
    public static BigDecimal money(String text) throws FieldException {
        BigDecimal value = decimal(text, "金额");
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 2) {
            throw new FieldException(RejectReason.BAD_NUMBER, quote(text) + " 金额精度超过分（两位小数）");
        }
        return value.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    /** A rate in percent: 3.45 means 3.45 %. A trailing % sign is allowed. */
    public static BigDecimal percent(String text) throws FieldException {
        String t = text.endsWith("%") ? text.substring(0, text.length() - 1).trim() : text;
        BigDecimal value = decimal(t, "百分比");
        if (value.stripTrailingZeros().scale() > 6) {
            throw new FieldException(RejectReason.BAD_NUMBER, quote(text) + " 小数位超过6位");
        }
        return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }

    public static int integer(String text) throws FieldException {
        if (!INTEGER.matcher(text).matches()) {
            throw new FieldException(RejectReason.BAD_NUMBER, quote(text) + " 不是整数");
        }
        return Integer.parseInt(text);
    }

    /** Quotes input text for a message, cut short so that a huge field cannot flood a report. */
    public static String quote(String text) {
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
    }

    private static BigDecimal decimal(String text, String what) throws FieldException {
        if (PLAIN_NUMBER.matcher(text).matches()) {
            return new BigDecimal(text);
        }
        if (GROUPED_NUMBER.matcher(text).matches()) {
            return new BigDecimal(text.replace(",", ""));
        }
        throw new FieldException(RejectReason.BAD_NUMBER, quote(text) + " 不是有效的" + what);
    }
}
