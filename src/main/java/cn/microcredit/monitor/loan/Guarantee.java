package cn.microcredit.monitor.loan;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Security of a loan (担保方式). Policy 一(五): assistance microcredit is unsecured (免担保). */
public enum Guarantee {
    CREDIT(List.of("信用", "免担保")),
    GUARANTEE(List.of("保证")),
    MORTGAGE(List.of("抵押")),
    PLEDGE(List.of("质押"));

    private final List<String> labels;

    Guarantee(List<String> labels) {
        this.labels = labels;
    }

    public String label() {
        return labels.get(0);
    }

    public static Optional<Guarantee> of(String text) {
        String t = text.trim();
        for (Guarantee g : values()) {
            if (g.name().equals(t.toUpperCase(Locale.ROOT)) || g.labels.contains(t)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
