package cn.microcredit.monitor.job;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import cn.microcredit.monitor.ops.RunThreads;
import cn.microcredit.monitor.rules.LoanException;
import cn.microcredit.monitor.store.ExceptionRepository;

/**
 * Stores the breaches that a pass's reading threads find, one batch at a time on a thread of its own, so that the
 * reading threads go on reading while H2 inserts: two threads inserting into the one table at once wait on each
 * other inside H2. At most two batches wait; a reading thread that finds more waits for room. A batch that cannot
 * be stored fails the pass when it {@link #finish finishes} (or at the next batch handed over). Closed after the pass
 * whatever happened: a pass that failed or was stopped leaves no writing thread behind (one holding a connection would
 * keep the database open), only the batch being written is finished.
 */
final class BreachWriter implements AutoCloseable {

    private static final int WAITING_AT_MOST = 2;

    private final long runId;
    private final ExceptionRepository exceptions;
    private final ExecutorService thread = RunThreads.pool("breach-writer", 1);
    private final Semaphore room = new Semaphore(WAITING_AT_MOST);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private volatile boolean closed;

    BreachWriter(long runId, ExceptionRepository exceptions) {
        this.runId = runId;
        this.exceptions = exceptions;
    }

    /** Hands a batch over (the caller keeps no reference to it). */
    void store(List<LoanException> batch) {
        rethrow();
        try {
            room.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing breaches", e);
        }
        thread.execute(() -> {
            try {
                if (failure.get() == null && !closed) {
                    exceptions.save(runId, batch);
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                room.release();
            }
        });
    }

    /** Waits until every batch handed over is stored. */
    void finish() {
        awaitWritten();
        rethrow();
    }

    /** Drops the batches not yet begun and waits for the one being written, if any. */
    @Override
    public void close() {
        closed = true;
        awaitWritten();
    }

    private void awaitWritten() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(1, TimeUnit.HOURS)) {
                throw new IllegalStateException("breaches not stored within an hour");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing breaches", e);
        }
    }

    private void rethrow() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }
}
