package cn.microcredit.monitor.job;

import cn.microcredit.monitor.analytics.ComparisonLoans;
import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.ops.StopRequest;
import cn.microcredit.monitor.store.RunChunks;

/**
 * Reads the loans of the comparison date into a {@link ComparisonLoans} index, decoding of each stored loan only what
 * migration needs (as the rules step reads the previous date's rates). Null when that date's loans are no longer
 * stored ({@code --purge-before}): there is then nothing to follow, and migration and outlook stay empty.
 */
final class ComparisonLoansReader {

    private ComparisonLoansReader() {
    }

    static ComparisonLoans read(RunChunks chunks, long comparisonRunId, int threads) {
        long stored = chunks.loans(comparisonRunId);
        if (stored == 0) {
            return null;
        }
        ComparisonLoans loans = new ComparisonLoans((int) Math.min(Integer.MAX_VALUE - 8, stored));
        for (Reader reader : chunks.scanStates(comparisonRunId, threads, () -> new Reader(loans.batch()))) {
            reader.batch.flush();
        }
        return loans.sort();
    }

    private record Reader(ComparisonLoans.Batch batch) implements RunChunks.LoanState {
        @Override
        public void accept(String bankCode, String loanId, long balanceCents, int overdueDays,
                           Classification classification) {
            StopRequest.check();
            batch.accept(bankCode, loanId, balanceCents, overdueDays, classification);
        }
    }
}
