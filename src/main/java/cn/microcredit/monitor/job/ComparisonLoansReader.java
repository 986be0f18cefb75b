package cn.microcredit.monitor.job;

import cn.microcredit.monitor.analytics.ComparisonLoans;
import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.ops.StopRequest;
import cn.microcredit.monitor.store.RunChunks;

/**
 * Reads the loans of the comparison date into a {@link ComparisonLoans} index, decoding of each stored loan only what
 * migration and {@code RATE_CHANGED} need. Null when that date's loans are no longer stored ({@code --purge-before}):
 * there is then nothing to follow, migration and outlook stay empty, and no rate can be compared.
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
        public void accept(String bankCode, String loanId, long balanceCents, long rateMillionths, int overdueDays,
                           Classification classification) {
            StopRequest.check();
            batch.accept(bankCode, loanId, balanceCents, rateMillionths, overdueDays, classification);
        }
    }
}
