package cn.microcredit.monitor.ops;

import org.springframework.batch.core.job.JobInterruptedException;

/**
 * Whether this process was asked to stop its run (SIGTERM, see {@link StopOnSignal}). Long loops call {@link #check()}
 * between units of work (every thousand rows, every report): one volatile read, cheap enough. A signal reaches the
 * whole JVM, so the request is process-wide.
 * <p>
 * Publication is the one thing a stop does not cut short: once {@link #beginPublishing()} has passed, the date's
 * results are moved into place in milliseconds, and a stop asked for after that point is refused (the run completes),
 * so that a run reported as stopped has never published anything.
 */
public final class StopRequest {

    private static volatile boolean requested;
    private static boolean stopping;
    private static boolean publishing;

    private StopRequest() {
    }

    /**
     * The first half of a stop: from now on publication cannot begin.
     *
     * @return false when it already has: the run will complete and must not be stopped
     */
    static synchronized boolean forbidPublishing() {
        if (publishing) {
            return false;
        }
        stopping = true;
        return true;
    }

    /**
     * The second half, once Spring Batch has recorded the stop: the loops' checks now end the running step. (In this
     * order the stopping step never writes the job execution while the stop is being recorded.)
     */
    static void request() {
        requested = true;
    }

    /** The publication step calls this before it touches anything: from here on, the run completes. */
    public static synchronized void beginPublishing() {
        if (stopping) {
            throw new RunStoppedException();
        }
        publishing = true;
    }

    /** Forgets a request of an earlier run in this JVM (tests run many launches in one). */
    public static synchronized void clear() {
        requested = false;
        stopping = false;
        publishing = false;
    }

    public static boolean isRequested() {
        return requested;
    }

    /** @throws RunStoppedException when a stop was asked for */
    public static void check() {
        if (requested) {
            throw new RunStoppedException();
        }
    }

    /**
     * Unchecked, so that it passes through plain-Java loops (the ledger reader runs on pool threads). Its cause is a
     * {@link JobInterruptedException}: that is what makes Spring Batch mark the step STOPPED rather than FAILED.
     */
    public static final class RunStoppedException extends RuntimeException {

        RunStoppedException() {
            super("运行被要求停止 (stop requested)", new JobInterruptedException("stop requested (SIGTERM)"));
        }
    }
}
