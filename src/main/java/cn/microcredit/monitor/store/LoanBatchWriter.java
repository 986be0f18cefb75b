package cn.microcredit.monitor.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import cn.microcredit.monitor.ingest.LedgerSink;
import cn.microcredit.monitor.ingest.Reject;
import cn.microcredit.monitor.loan.Loan;

/**
 * Stores the rows of one ledger file through JDBC batches on a connection of its own, so that files can load in
 * parallel. Not thread-safe: one writer per file. Commits every {@value #COMMIT_EVERY} rows and on close.
 */
public final class LoanBatchWriter implements LedgerSink, AutoCloseable {

    private static final int BATCH = 1_000;
    private static final int COMMIT_EVERY = 50_000;

    private static final String INSERT_LOAN = """
            INSERT INTO loan (run_id, file_seq, line_no, bank_code, loan_id, county_code, household_id,
                              borrower_name, borrower_id_number, issue_date, maturity_date, amount, balance,
                              annual_rate_pct, overdue_days, classification, renewal_count, purpose, guarantee,
                              large_need, regime)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final long runId;
    private final Connection connection;
    private final PreparedStatement loans;
    private final PreparedStatement rejects;
    private int pendingLoans;
    private int pendingRejects;
    private int uncommitted;

    LoanBatchWriter(DataSource dataSource, long runId) {
        this.runId = runId;
        try {
            this.connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            this.loans = connection.prepareStatement(INSERT_LOAN);
            this.rejects = connection.prepareStatement(RejectStatements.INSERT);
        } catch (SQLException e) {
            throw new StoreException("cannot open a connection for loading", e);
        }
    }

    @Override
    public void accepted(Loan loan, int fileSeq, long line) {
        try {
            int i = 1;
            loans.setLong(i++, runId);
            loans.setInt(i++, fileSeq);
            loans.setLong(i++, line);
            loans.setString(i++, loan.bankCode());
            loans.setString(i++, loan.loanId());
            loans.setString(i++, loan.countyCode());
            loans.setString(i++, loan.householdId());
            loans.setString(i++, loan.borrowerName());
            loans.setString(i++, loan.borrowerIdNumber());
            loans.setDate(i++, Date.valueOf(loan.issueDate()));
            loans.setDate(i++, Date.valueOf(loan.maturityDate()));
            loans.setBigDecimal(i++, loan.amount());
            loans.setBigDecimal(i++, loan.balance());
            loans.setBigDecimal(i++, loan.annualRatePct());
            loans.setInt(i++, loan.overdueDays());
            loans.setString(i++, loan.classification().name());
            loans.setInt(i++, loan.renewalCount());
            loans.setString(i++, loan.purpose().name());
            loans.setString(i++, loan.guarantee().name());
            loans.setBoolean(i++, loan.largeNeed());
            loans.setString(i, loan.regime().name());
            loans.addBatch();
            if (++pendingLoans == BATCH) {
                flushLoans();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store loan", e);
        }
    }

    @Override
    public void rejected(Reject reject, int fileSeq) {
        try {
            RejectStatements.bind(rejects, runId, fileSeq, reject);
            rejects.addBatch();
            if (++pendingRejects == BATCH) {
                flushRejects();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store reject", e);
        }
    }

    private void flushLoans() throws SQLException {
        loans.executeBatch();
        uncommitted += pendingLoans;
        pendingLoans = 0;
        commitIfDue();
    }

    private void flushRejects() throws SQLException {
        rejects.executeBatch();
        uncommitted += pendingRejects;
        pendingRejects = 0;
        commitIfDue();
    }

    private void commitIfDue() throws SQLException {
        if (uncommitted >= COMMIT_EVERY) {
            connection.commit();
            uncommitted = 0;
        }
    }

    /** Stores what is pending and commits. */
    public void finish() {
        try {
            if (pendingLoans > 0) {
                flushLoans();
            }
            if (pendingRejects > 0) {
                flushRejects();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new StoreException("cannot store ledger rows", e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close loading connection", e);
        }
    }
}
