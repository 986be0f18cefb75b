package cn.microcredit.monitor.metrics;

/** Where a cell stands against its tolerance, in rising severity (SPEC 5.2). */
public enum Status {
    OK("正常"),
    WARN("风险提示"),
    PAUSE("暂停发放");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Status worse(Status other) {
        return other.compareTo(this) > 0 ? other : this;
    }
}
