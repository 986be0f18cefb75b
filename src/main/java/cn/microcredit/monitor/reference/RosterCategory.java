package cn.microcredit.monitor.reference;

import java.util.Locale;
import java.util.Optional;

/** Who the roster lists (一(一) 支持对象). */
public enum RosterCategory {
    MONITORED("防止返贫致贫对象"),
    FORMER_REGISTERED("原建档立卡脱贫人口");

    private final String label;

    RosterCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<RosterCategory> of(String text) {
        String t = text.trim();
        for (RosterCategory c : VALUES) {
            if (c.name().equals(t) || c.label.equals(t)) {
                return Optional.of(c);
            }
        }
        String upper = t.toUpperCase(Locale.ROOT);
        for (RosterCategory c : VALUES) {
            if (c.name().equals(upper)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static final RosterCategory[] VALUES = values();
}
