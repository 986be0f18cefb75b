package cn.microcredit.monitor.ops;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;

/**
 * Where the job gets its threads. Every parallel piece of a run (the split flow of the load, the ledger files, the
 * chunks read back, the roster index, the workbooks, {@code --validate-only}'s files) runs on threads made here, named
 * after their work ({@code run-load-1}, {@code run-scan-2}, …), and every task runs with the logging context of the
 * thread that handed it over, so its log lines carry the run id ({@link RunIdLogging}). Before, five places made
 * threads of their own, two of them without the run id, and the roster index ran on the common fork-join pool.
 * <p>
 * Each stage asks for the threads it needs and shuts them down when it is done, rather than sharing one pool: stages
 * nest (the ledger step runs inside the split flow and hands files to workers), and a shared bounded pool would make
 * a stage wait for threads its own caller holds.
 */
public final class RunThreads {

    private RunThreads() {
    }

    /** A fixed pool of {@code threads} threads named {@code run-NAME-N}; tasks keep their submitter's log context. */
    public static ExecutorService pool(String name, int threads) {
        AtomicInteger number = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "run-" + name + "-" + number.incrementAndGet());
            // A pool left behind by a failure must not keep the JVM from exiting with its code.
            t.setDaemon(true);
            return t;
        }) {
            @Override
            public void execute(Runnable command) {
                super.execute(RunIdLogging.keepContext(command));
            }
        };
    }

    /** For Spring Batch's split flow: a thread per flow, named {@code run-NAME-N}, with the submitter's log context. */
    public static TaskExecutor flows(String name) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("run-" + name + "-");
        executor.setTaskDecorator(RunIdLogging::keepContext);
        return executor;
    }
}
