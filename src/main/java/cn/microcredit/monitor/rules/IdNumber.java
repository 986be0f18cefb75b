package cn.microcredit.monitor.rules;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A resident identity number per GB 11643-1999: 6-digit region, 8-digit birth date, 3-digit sequence and an
 * ISO 7064 MOD 11-2 check character (0–9 or X).
 */
public final class IdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private IdNumber() {
    }

    /** The birth date the number holds, when its 8 digits form a real date. */
    public static Optional<LocalDate> birthDate(String id) {
        if (id == null || id.length() != 18) {
            return Optional.empty();
        }
        int year = digits(id, 6, 10);
        int month = digits(id, 10, 12);
        int day = digits(id, 12, 14);
        if (year < 0 || month < 0 || day < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The number written in decimal digits at {@code [from, to)}, or -1 if any is not one (checked per loan). Any
     * Unicode decimal digit counts, as {@code Integer.parseInt} reads them: a full-width "１９８０" is 1980.
     */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = Character.digit(s.charAt(i), 10);
            if (d < 0) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Whether someone alive on {@code asOf} can have been born on {@code birth}: not later, and not before 1900. */
    static boolean possibleBirthDate(LocalDate birth, LocalDate asOf) {
        return !birth.isAfter(asOf) && birth.getYear() >= 1900;
    }

    /** Why the number is not valid on {@code asOf}, or empty when it is. */
    public static Optional<String> problem(String id, LocalDate asOf) {
        if (id.length() != 18) {
            return Optional.of("长度为 " + id.length() + "，应为18位");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.of("前17位应为数字");
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        Optional<LocalDate> birth = birthDate(id);
        if (birth.filter(b -> possibleBirthDate(b, asOf)).isEmpty()) {
            return Optional.of("出生日期不可能");
        }
        char expected = CHECK[sum % 11];
        if (Character.toUpperCase(id.charAt(17)) != expected) {
            return Optional.of("校验码应为 " + expected);
        }
        return Optional.empty();
    }
}
