package cn.microcredit.monitor.cli;

/** The command line or the configuration is wrong: exit code 2, with a message naming the argument. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
