package cn.microcredit.monitor.job;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.microcredit.monitor.loan.Loan;

/**
 * Hands what the metrics step's pass over the loans found for the rules of SPEC 5.3 to the rules step of the same run:
 * that pass checks each loan's own, roster and history rules as it sums the loans (so the stored chunks are decoded
 * and the comparison date looked up once a run instead of twice: docs/benchmarks.md), stores the breaches, and leaves
 * the loans of households with several outstanding loans for the rules step to group. It holds at most one pass: the
 * metrics step drops whatever is held before it starts, and the rules step takes it. When the rules step finds
 * nothing for its run (say the metrics step ran in another process), it checks the loans in a pass of its own.
 */
@Component
class LoanPassHandover {

    /** What the pass found: the outstanding loans checked, the breaches stored, the loans of shared households. */
    record Pass(long runId, long checked, long found, List<Loan> householdLoans) {
    }

    private final boolean enabled;
    private Pass held;

    /**
     * @param enabled {@code monitor.rules.checked-in-metrics-pass}: false has the rules step check the loans in a
     *                pass of its own (for tests that compare the two ways)
     */
    LoanPassHandover(@Value("${monitor.rules.checked-in-metrics-pass:true}") boolean enabled) {
        this.enabled = enabled;
    }

    /** Whether the metrics step is to check the loans in its pass. */
    boolean enabled() {
        return enabled;
    }

    /** Drops what is held, before a new pass: never two at once. */
    synchronized void release() {
        held = null;
    }

    synchronized void give(Pass pass) {
        held = pass;
    }

    /** The pass given for this run, or null; either way nothing is held afterwards. */
    synchronized Pass take(long runId) {
        Pass h = held;
        held = null;
        return h != null && h.runId() == runId ? h : null;
    }
}
