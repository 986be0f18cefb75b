package cn.microcredit.monitor.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import cn.microcredit.monitor.loan.Loan;

/**
 * H2: a run's stored loans into {@code loan_snapshot_stage}, marked with the run, by JDBC batches: the chunks are read
 * back on {@code threads} threads and their batches go through one statement in turn. See {@link LoanSnapshotTable}.
 */
final class H2LoanInserts {

    /** Rows per JDBC batch, and batches per commit (a commit per batch would leave H2's file half empty). */
    private static final int BATCH = 1_000;
    private static final int BATCHES_PER_COMMIT = 64;

    private H2LoanInserts() {
    }

    /**
     * Replaces whatever other runs left in {@code loan_snapshot_stage} with the run's loans, on the caller's
     * connection, committing every {@value #BATCHES_PER_COMMIT} batches; the caller commits the rest.
     *
     * @return rows inserted
     */
    static long insert(Connection connection, RunChunks chunks, int threads, long runId, LocalDate asOf,
                       Map<Integer, String> files, Runnable stopCheck) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DELETE FROM loan_snapshot_stage");
        }
        String sql = "INSERT INTO loan_snapshot_stage (" + LoanSnapshotTable.COLUMN_LIST + ") VALUES ("
                + String.join(", ", LoanSnapshotTable.COLUMNS.stream().map(c -> "?").toList()) + ")";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            InsertTarget target = new InsertTarget(connection, ps, asOf, runId, files);
            List<InsertWorker> workers = chunks.scanLoans(runId, threads, () -> new InsertWorker(target, stopCheck));
            for (InsertWorker w : workers) {
                w.flush();
            }
            return target.rows;
        }
    }

    /** The one statement every H2 worker's batches go through, in turn. */
    private static final class InsertTarget {

        private final Connection connection;
        private final PreparedStatement ps;
        private final LocalDate asOf;
        private final long runId;
        private final Map<Integer, String> files;
        private long rows;
        private int batches;

        InsertTarget(Connection connection, PreparedStatement ps, LocalDate asOf, long runId,
                     Map<Integer, String> files) {
            this.connection = connection;
            this.ps = ps;
            this.asOf = asOf;
            this.runId = runId;
            this.files = files;
        }

        synchronized void insert(List<StoredLoan> loans) {
            try {
                for (StoredLoan stored : loans) {
                    Loan l = stored.loan();
                    int i = 0;
                    ps.setDate(++i, Date.valueOf(asOf));
                    // U+0000 as PostgreSQL's table and the export hold it (LoanSnapshotTable.text).
                    ps.setString(++i, LoanSnapshotTable.text(l.loanId()));
                    ps.setString(++i, LoanSnapshotTable.text(l.bankCode()));
                    ps.setString(++i, LoanSnapshotTable.text(l.countyCode()));
                    ps.setString(++i, LoanSnapshotTable.text(l.householdId()));
                    ps.setString(++i, LoanSnapshotTable.text(l.borrowerName()));
                    ps.setString(++i, LoanSnapshotTable.text(l.borrowerIdNumber()));
                    ps.setDate(++i, Date.valueOf(l.issueDate()));
                    ps.setDate(++i, Date.valueOf(l.maturityDate()));
                    ps.setBigDecimal(++i, l.amount());
                    ps.setBigDecimal(++i, l.balance());
                    ps.setBigDecimal(++i, l.annualRatePct());
                    ps.setInt(++i, l.overdueDays());
                    ps.setString(++i, l.classification().name());
                    ps.setInt(++i, l.renewalCount());
                    ps.setString(++i, l.purpose().name());
                    ps.setString(++i, l.guarantee().name());
                    ps.setBoolean(++i, l.largeNeed());
                    ps.setString(++i, l.regime().name());
                    ps.setLong(++i, runId);
                    ps.setString(++i, files.get(stored.fileSeq()));
                    ps.setLong(++i, stored.line());
                    ps.addBatch();
                }
                ps.executeBatch();
                rows += loans.size();
                if (++batches % BATCHES_PER_COMMIT == 0) {
                    connection.commit();
                }
            } catch (SQLException e) {
                throw LoanSnapshotTable.failure("cannot load table loan_snapshot", e);
            }
        }
    }

    private static final class InsertWorker implements Consumer<StoredLoan> {

        private final InsertTarget target;
        private final Runnable stopCheck;
        private final List<StoredLoan> batch = new ArrayList<>(BATCH);

        InsertWorker(InsertTarget target, Runnable stopCheck) {
            this.target = target;
            this.stopCheck = stopCheck;
        }

        @Override
        public void accept(StoredLoan loan) {
            stopCheck.run();
            batch.add(loan);
            if (batch.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (!batch.isEmpty()) {
                target.insert(batch);
                batch.clear();
            }
        }
    }
}
