package cn.microcredit.monitor.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.microcredit.monitor.loan.Loan;

/**
 * PostgreSQL: a run's stored loans into a table of its own, {@code loan_snapshot_run_N}, by one
 * {@code COPY ... FROM STDIN (FREEZE)} through the driver's {@code CopyManager}: the chunks are read back and encoded
 * ({@link CopyText}) on {@code threads} threads and handed to the one COPY {@value #PIECE_BYTES} bytes at a time, so
 * that memory does not grow with the date. The table is created in the same transaction, which is what lets COPY write
 * its rows frozen (no later rewrite by VACUUM). See {@link LoanSnapshotTable}.
 */
final class PostgresLoanCopy {

    private static final Logger log = LoggerFactory.getLogger(PostgresLoanCopy.class);
    /** COPY data goes to the driver in pieces of this size: a few per thread in memory, whatever the date's size. */
    static final int PIECE_BYTES = 256 * 1024;

    private PostgresLoanCopy() {
    }

    /**
     * Creates {@code loan_snapshot_run_N} (after dropping such tables other runs left), fills it by COPY, indexes and
     * analyses it, on the caller's connection and in its transaction, which the caller commits.
     *
     * @return rows copied
     */
    static long copy(Connection connection, RunChunks chunks, int threads, long runId, LocalDate asOf,
                     Map<Integer, String> files, Runnable stopCheck) throws SQLException {
        String stage = LoanSnapshotTable.stageName(runId);
        try (Statement s = connection.createStatement()) {
            for (String stale : LoanSnapshotTable.stagingTables(connection)) {
                s.execute("DROP TABLE " + stale);
            }
            // Names and the date literal come from numbers the job made, never from input text.
            s.execute("CREATE TABLE " + stage + " (LIKE loan_snapshot, CONSTRAINT " + stage
                    + "_as_of CHECK (as_of = DATE '" + asOf + "'))");
        }
        long started = System.nanoTime();
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + stage + " (" + LoanSnapshotTable.COLUMN_LIST + ") FROM STDIN (FREEZE)");
        long rows;
        try {
            List<CopyWorker> workers = chunks.scanLoans(runId, threads,
                    () -> new CopyWorker(copy, asOf, runId, files, stopCheck));
            for (CopyWorker w : workers) {
                w.flush();
            }
            rows = copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        long copied = System.nanoTime();
        try (Statement s = connection.createStatement()) {
            // Built once the rows are in: an index kept up during COPY costs several times as much.
            s.execute("CREATE INDEX " + stage + "_household ON " + stage + " (household_id)");
            s.execute("CREATE INDEX " + stage + "_bank_loan ON " + stage + " (bank_code, loan_id)");
            s.execute("ANALYZE " + stage);
        }
        log.info("loan_snapshot: COPY of {} loans {} s, indexes and statistics {} s", rows,
                LoanSnapshotTable.seconds(copied - started), LoanSnapshotTable.seconds(System.nanoTime() - copied));
        return rows;
    }

    /** Encodes the loans one reading thread decodes, and hands them to the one COPY a piece at a time. */
    private static final class CopyWorker implements Consumer<StoredLoan> {

        private final CopyIn copy;
        private final LocalDate asOf;
        private final long runId;
        private final Map<Integer, String> files;
        private final Runnable stopCheck;
        private final CopyText out = new CopyText(PIECE_BYTES + 4096);

        CopyWorker(CopyIn copy, LocalDate asOf, long runId, Map<Integer, String> files, Runnable stopCheck) {
            this.copy = copy;
            this.asOf = asOf;
            this.runId = runId;
            this.files = files;
            this.stopCheck = stopCheck;
        }

        @Override
        public void accept(StoredLoan stored) {
            stopCheck.run();
            String file = files.get(stored.fileSeq());
            Loan l = stored.loan();
            long nuls = out.nulsReplaced();
            out.date(asOf).text(l.loanId()).text(l.bankCode()).text(l.countyCode()).text(l.householdId())
                    .text(l.borrowerName()).text(l.borrowerIdNumber()).date(l.issueDate())
                    .date(l.maturityDate()).number(l.amount()).number(l.balance()).number(l.annualRatePct())
                    .integer(l.overdueDays()).text(l.classification().name()).integer(l.renewalCount())
                    .text(l.purpose().name()).text(l.guarantee().name()).bool(l.largeNeed())
                    .text(l.regime().name()).integer(runId).text(file).integer(stored.line()).endRow();
            if (out.nulsReplaced() != nuls) {
                log.warn("loan_snapshot: {} line {}: {} held U+0000, which PostgreSQL text cannot hold; written as "
                        + "U+FFFD", file, stored.line(), LoanSnapshotTable.fieldsWithNul(l));
            }
            if (out.size() >= PIECE_BYTES) {
                flush();
            }
        }

        void flush() {
            if (out.size() == 0) {
                return;
            }
            try {
                synchronized (copy) {
                    copy.writeToCopy(out.bytes(), 0, out.size());
                }
            } catch (SQLException e) {
                throw LoanSnapshotTable.failure("cannot load table loan_snapshot", e);
            }
            out.reset();
        }
    }
}
