package cn.microcredit.monitor.report;

/** Personal data as the workbooks show it (SPEC 6): enough to find the loan, not enough to identify a person. */
public final class Masking {

    private Masking() {
    }

    /** 张三丰 → 张*: the first character and one star. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*";
    }

    /** 210123197001011234 → 210123********1234: the first 6 and the last 4 characters. */
    public static String idNumber(String id) {
        if (id == null || id.isEmpty()) {
            return "";
        }
        if (id.length() <= 10) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }
}
