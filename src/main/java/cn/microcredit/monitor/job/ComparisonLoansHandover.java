package cn.microcredit.monitor.job;

import org.springframework.stereotype.Component;

import cn.microcredit.monitor.analytics.ComparisonLoans;

/**
 * Hands the comparison date's loans, read by the metrics step for migration, to the rules step of the same run for
 * {@code RATE_CHANGED}, so that the stored chunks of that date are decoded, fingerprinted and sorted once a run instead
 * of twice (about 1 s at 1 M loans, docs/benchmarks.md). It holds at most one index: the metrics step drops whatever
 * is held before it reads the next, and the rules step takes it, so it is released when the rules step ends. When the
 * rules step finds nothing for its run and comparison date (say the metrics step ran in another process), it reads
 * the index itself.
 */
@Component
class ComparisonLoansHandover {

    private record Held(long runId, long comparisonRunId, ComparisonLoans loans) {
    }

    private Held held;

    /** Drops what is held, before a new index is read: never two at once. */
    synchronized void release() {
        held = null;
    }

    synchronized void give(long runId, long comparisonRunId, ComparisonLoans loans) {
        held = new Held(runId, comparisonRunId, loans);
    }

    /**
     * The index given for this run and comparison date, or null; either way nothing is held afterwards.
     */
    synchronized ComparisonLoans take(long runId, long comparisonRunId) {
        Held h = held;
        held = null;
        return h != null && h.runId() == runId && h.comparisonRunId() == comparisonRunId ? h.loans() : null;
    }
}
