package cn.microcredit.monitor.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Every thread the job starts carries the run id of the thread that handed it work into its log lines. */
class RunThreadsTest {

    @Test
    void tasksRunWithTheRunIdOfTheirSubmitterOnThreadsNamedAfterTheirWork() throws Exception {
        ExecutorService pool = RunThreads.pool("scan", 2);
        try {
            MDC.put(RunIdLogging.KEY, "7");
            List<Future<String>> seen = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                seen.add(pool.submit(() -> Thread.currentThread().getName() + "|" + MDC.get(RunIdLogging.KEY)));
            }
            MDC.put(RunIdLogging.KEY, "8");
            Future<String> later = pool.submit(() -> MDC.get(RunIdLogging.KEY));
            for (Future<String> f : seen) {
                assertThat(f.get()).matches("run-scan-[12]\\|7");
            }
            assertThat(later.get()).isEqualTo("8");
            // A CompletableFuture handed the pool keeps the context too (the common pool would not).
            assertThat(CompletableFuture.supplyAsync(() -> MDC.get(RunIdLogging.KEY), pool).get()).isEqualTo("8");
        } finally {
            MDC.clear();
            pool.shutdown();
        }
    }

    @Test
    void aTaskLeavesNoContextBehindOnItsThread() throws Exception {
        ExecutorService pool = RunThreads.pool("report", 1);
        try {
            MDC.put(RunIdLogging.KEY, "9");
            pool.submit(() -> { }).get();
            MDC.clear();
            assertThat(pool.submit(() -> MDC.get(RunIdLogging.KEY)).get()).isNull();
        } finally {
            pool.shutdown();
        }
    }
}
