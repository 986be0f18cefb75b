package cn.microcredit.monitor.rules;

/** How serious a rule breach is. */
public enum Severity {
    HIGH("高"),
    MEDIUM("中"),
    LOW("低");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
