package cn.microcredit.monitor.reference;

/** Reference data (banks, counties) that cannot be used: the run cannot compute anything trustworthy. */
public class ReferenceException extends RuntimeException {

    public ReferenceException(String message) {
        super(message);
    }
}
