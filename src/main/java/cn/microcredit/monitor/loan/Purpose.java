package cn.microcredit.monitor.loan;

import java.util.Locale;
import java.util.Optional;

/** Loan purpose (贷款用途). Policy 一(八): productive use only, never handed to an enterprise. */
public enum Purpose {
    PLANTING("种植", Kind.PRODUCTIVE),
    BREEDING("养殖", Kind.PRODUCTIVE),
    PROCESSING("加工", Kind.PRODUCTIVE),
    COMMERCE("商贸流通", Kind.PRODUCTIVE),
    SERVICE("服务", Kind.PRODUCTIVE),
    OTHER_PRODUCTIVE("其他生产经营", Kind.PRODUCTIVE),
    MARRIAGE("结婚", Kind.NON_PRODUCTIVE),
    HOUSING("建房", Kind.NON_PRODUCTIVE),
    WEALTH("理财", Kind.NON_PRODUCTIVE),
    HOUSEHOLD_GOODS("购置家庭用品", Kind.NON_PRODUCTIVE),
    ENTERPRISE_USE("企业使用", Kind.ENTERPRISE);

    /** What the policy makes of a purpose. */
    public enum Kind { PRODUCTIVE, NON_PRODUCTIVE, ENTERPRISE }

    private final String label;
    private final Kind kind;

    Purpose(String label, Kind kind) {
        this.label = label;
        this.kind = kind;
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    /** Accepts the English code (any case) or the Chinese label; 户贷企用 also means enterprise use. */
    public static Optional<Purpose> of(String text) {
        String t = text.trim();
        if (t.equals("户贷企用")) {
            return Optional.of(ENTERPRISE_USE);
        }
        for (Purpose p : values()) {
            if (p.name().equals(t.toUpperCase(Locale.ROOT)) || p.label.equals(t)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
