package cn.microcredit.monitor.ingest;

/** A value that could not be turned into its type; carries the reject reason it leads to. */
public class FieldException extends Exception {

    private final RejectReason reason;

    public FieldException(RejectReason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
