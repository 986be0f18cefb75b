package cn.microcredit.monitor.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.microcredit.monitor.report.Masking;

/**
 * Reject details quote the values they complain about, and a bank whose header labels are misaligned sends an ID number
 * under the county's column, a name under the classification's: every reject then quoted personal data in full, into
 * {@code rejects.csv} and every workbook (issue 17, item 4). So whatever column a value came in under, a reject's
 * text is masked as the workbooks mask personal data ({@link Masking}):
 * <ul>
 *   <li>an ID-number-like run: 18 characters (17 digits and a digit or X) or 15 digits, not inside a longer run of
 *       letters or digits, whose region starts 1–8 and whose birth date has a month 01–12 and a day 01–31 (a
 *       date-stamped loan number such as {@code 202606301234567890} has none: its "birth year" 3012 is not 19xx or
 *       20xx) → first 6 and last 4 characters;</li>
 *   <li>a name-like value: 2 to 4 Chinese characters, or Chinese parts joined by middle dots, quoted as a value
 *       ({@code '张三'}), or the whole of the bank code, loan id or county code → first character and a star (so a bank whose code is
 *       two to four Chinese characters would find its rejects under the masked code: no code seen so far is).</li>
 * </ul>
 * A code of 2 to 4 Chinese characters that is not a name (an unknown classification such as {@code '正常类'}) is masked
 * as well: better a reject the bank must look up than a name in a report.
 */
final class RejectMasking {

    private static final Pattern ID_LIKE = Pattern.compile(
            "(?<![0-9A-Za-z])(?:[1-8]\\d{5}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx]"
                    + "|[1-8]\\d{5}\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3})(?![0-9A-Za-z])");
    /** 2 to 4 Chinese characters, or parts joined by middle dots as names of many minorities are (阿依·古丽). */
    private static final String NAME_LIKE = "\\p{IsHan}{2,4}|\\p{IsHan}{1,8}(?:[·•]\\p{IsHan}{1,8})+";
    private static final Pattern QUOTED_NAME = Pattern.compile("'(" + NAME_LIKE + ")'");
    private static final Pattern NAME = Pattern.compile(NAME_LIKE);

    private RejectMasking() {
    }

    /** A reject's detail: ID-like runs and quoted name-like values masked. */
    static String detail(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = maskIds(text);
        if (masked.indexOf('\'') < 0) {
            return masked;
        }
        Matcher m = QUOTED_NAME.matcher(masked);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("'" + Masking.name(m.group(1)) + "'"));
        }
        return m.appendTail(out).toString();
    }

    /** A value copied into a reject's own column (bank code, loan id, county code). */
    static String value(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        if (NAME.matcher(text).matches()) {
            return Masking.name(text);
        }
        return maskIds(text);
    }

    private static String maskIds(String text) {
        if (!hasLongDigitRun(text)) {
            return text;
        }
        Matcher m = ID_LIKE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(Masking.idNumber(m.group())));
        }
        return m.appendTail(out).toString();
    }

    /** The common case, no run of 15 digits, without a regular expression. */
    private static boolean hasLongDigitRun(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++run >= 15) {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        return false;
    }
}
