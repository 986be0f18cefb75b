package cn.microcredit.monitor.job;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;

/**
 * A step's own books in the job repository ({@code BATCH_STEP_EXECUTION}): what it read, wrote and filtered out.
 * Each step is one tasklet call that does its work in bulk (files in parallel, chunks read back on several threads),
 * so it reports its totals once, at the end, rather than item by item. In the framework's terms a rejected row is
 * filtered: read, judged, and not written.
 * <ul>
 *   <li>{@code ledgerLoadStep} and {@code rosterLoadStep}: rows read, rows accepted, rows rejected (SPEC 3.1: read =
 *       accepted + rejected).</li>
 *   <li>{@code metricsStep}: outstanding loans summed, metric cells (bank × county, county, bank, province) stored.</li>
 *   <li>{@code rulesStep}: outstanding loans checked, exceptions stored.</li>
 *   <li>{@code reportStep}: report files written.</li>
 * </ul>
 */
final class StepCounts {

    private StepCounts() {
    }

    static void record(StepContribution contribution, long read, long written, long filtered) {
        // StepContribution counts reads one at a time only; the execution's own count takes the total. The
        // contribution's write and filter counts are added to the execution when the tasklet returns.
        StepExecution step = contribution.getStepExecution();
        step.setReadCount(step.getReadCount() + read);
        contribution.incrementWriteCount(written);
        contribution.incrementFilterCount(filtered);
    }
}
