package cn.microcredit.monitor.store;

/** The database refused or failed an operation; the run cannot publish. */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
