package cn.microcredit.monitor.loan;

import java.util.Locale;
import java.util.Optional;

/** Five-category loan classification (五级分类), in rising severity. */
public enum Classification {
    NORMAL("正常", "1"),
    SPECIAL_MENTION("关注", "2"),
    SUBSTANDARD("次级", "3"),
    DOUBTFUL("可疑", "4"),
    LOSS("损失", "5");

    private final String label;
    private final String digit;

    Classification(String label, String digit) {
        this.label = label;
        this.digit = digit;
    }

    public String label() {
        return label;
    }

    /** Substandard, doubtful and loss loans make up the non-performing (不良) balance. */
    public boolean nonPerforming() {
        return compareTo(SUBSTANDARD) >= 0;
    }

    /** Accepts the English code (any case), the Chinese label or the digit 1–5. */
    public static Optional<Classification> of(String text) {
        String t = text.trim();
        for (Classification c : values()) {
            if (c.name().equals(t.toUpperCase(Locale.ROOT)) || c.label.equals(t) || c.digit.equals(t)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
