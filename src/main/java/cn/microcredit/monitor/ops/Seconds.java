package cn.microcredit.monitor.ops;

import java.util.Locale;

/** Durations as the log lines print them: seconds with one decimal, "2.4". */
public final class Seconds {

    private Seconds() {
    }

    public static String ofNanos(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }
}
