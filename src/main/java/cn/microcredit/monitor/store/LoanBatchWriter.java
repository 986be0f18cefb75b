package cn.microcredit.monitor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import cn.microcredit.monitor.ingest.LedgerSink;
import cn.microcredit.monitor.ingest.Reject;
import cn.microcredit.monitor.keys.Fingerprint;
import cn.microcredit.monitor.keys.LongList;
import cn.microcredit.monitor.loan.Loan;

/**
 * Stores the rows of one ledger file on a connection of its own, so that files load in parallel: accepted loans in
 * chunks of {@value LoanCodec#CHUNK_ROWS} ({@link RunChunks}), rejects in JDBC batches. Keeps, in file order, the
 * fingerprint of each accepted loan's bank code and loan id, for finding duplicates across files afterwards, and
 * of each outstanding loan's household, for finding households with several loans.
 * Not thread-safe: one writer per file. Chunks are committed {@value #CHUNKS_PER_COMMIT} at a time: H2 writes each
 * commit to its file at once ({@code WRITE_DELAY=0}), and a commit per chunk left the file half empty pages.
 */
public final class LoanBatchWriter implements LedgerSink, AutoCloseable {

    private static final int REJECT_BATCH = 1_000;
    static final int CHUNKS_PER_COMMIT = 16;

    private final long runId;
    private final int fileSeq;
    private final Connection connection;
    private final PreparedStatement rejects;
    private final ChunkOut chunk = new ChunkOut();
    private final LongList keys = new LongList(16 * 1024);
    private final LongList households = new LongList(16 * 1024);
    private final Map<String, Long> loansPerBank = new TreeMap<>();
    private int chunks;
    private int pendingRejects;

    LoanBatchWriter(DataSource dataSource, long runId, int fileSeq) {
        this.runId = runId;
        this.fileSeq = fileSeq;
        try {
            this.connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            this.rejects = connection.prepareStatement(RejectStatements.INSERT);
        } catch (SQLException e) {
            throw new StoreException("cannot open a connection for loading", e);
        }
    }

    @Override
    public void accepted(Loan loan, int fileSeq, long line) {
        LoanCodec.write(chunk, line, loan);
        keys.add(Fingerprint.of(loan.bankCode(), loan.loanId()));
        if (loan.outstanding()) {
            households.add(Fingerprint.of(loan.householdId()));
        }
        loansPerBank.merge(loan.bankCode(), 1L, Long::sum);
        if (chunk.rows() == LoanCodec.CHUNK_ROWS) {
            flushLoans();
        }
    }

    @Override
    public void rejected(Reject reject, int fileSeq) {
        try {
            RejectStatements.bind(rejects, runId, fileSeq, reject);
            rejects.addBatch();
            if (++pendingRejects == REJECT_BATCH) {
                rejects.executeBatch();
                pendingRejects = 0;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store reject", e);
        }
    }

    private void flushLoans() {
        try {
            RunChunks.insert(connection, runId, RunChunks.LOANS, fileSeq, chunks++, chunk.rows(),
                    chunk.compress(ChunkKind.LOANS));
            if (chunks % CHUNKS_PER_COMMIT == 0) {
                connection.commit();
            }
            chunk.reset();
        } catch (SQLException e) {
            throw new StoreException("cannot store loans", e);
        }
    }

    /** Stores what is pending and commits. */
    public void finish() {
        try {
            if (chunk.rows() > 0) {
                flushLoans();
            }
            if (pendingRejects > 0) {
                rejects.executeBatch();
                pendingRejects = 0;
            }
            connection.commit();
        } catch (SQLException e) {
            throw new StoreException("cannot store ledger rows", e);
        }
    }

    /** Fingerprints of (bank code, loan id) of the accepted loans, in file order: row i is in chunk i / chunk size. */
    public LongList keys() {
        return keys;
    }

    /** Fingerprints of the household ids of the outstanding loans among them. */
    public LongList households() {
        return households;
    }

    /** Accepted loans of the file per bank code. */
    public Map<String, Long> loansPerBank() {
        return loansPerBank;
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
