package cn.microcredit.monitor.loan;

import java.time.LocalDate;

/**
 * The policy a loan lives under. Contracts signed before the national notice 金发〔2026〕2号 was issued keep the
 * old 脱贫人口小额信贷 terms for their whole life (notice 五(二)).
 */
public enum Regime {
    LEGACY("脱贫人口小额信贷"),
    ASSISTANCE("帮扶小额信贷");

    /** Issue date of the national notice; loans issued on or after it are assistance microcredit. */
    public static final LocalDate NOTICE_DATE = LocalDate.of(2026, 2, 26);

    private final String label;

    Regime(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Regime of(LocalDate issueDate) {
        return issueDate.isBefore(NOTICE_DATE) ? LEGACY : ASSISTANCE;
    }
}
