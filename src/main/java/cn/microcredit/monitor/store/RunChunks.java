package cn.microcredit.monitor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.microcredit.monitor.keys.LongList;
import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.reference.RosterPeriod;
import cn.microcredit.monitor.ops.RunThreads;

/**
 * The accepted loans and roster periods of a run, stored as compressed chunks of rows (table {@code run_chunk}): a
 * million loans are about 250 rows of the table instead of a million, which is what makes storing them cheap
 * (docs/benchmarks.md). Everything computed over the loans reads them back chunk by chunk, in parallel.
 */
@Repository
public class RunChunks {

    /** Kinds of chunk. */
    static final String LOANS = "L";
    static final String ROSTER = "R";
    static final String SHARED_HOUSEHOLDS = "H";

    private static final String INSERT = """
            INSERT INTO run_chunk (run_id, kind, file_seq, chunk_seq, row_count, payload) VALUES (?, ?, ?, ?, ?, ?)""";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    public RunChunks(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Inserts one chunk on the given connection (the loader's own). */
    static void insert(Connection connection, long runId, String kind, int fileSeq, int chunkSeq, int rows,
                       byte[] payload) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
            ps.setLong(1, runId);
            ps.setString(2, kind);
            ps.setInt(3, fileSeq);
            ps.setInt(4, chunkSeq);
            ps.setInt(5, rows);
            ps.setBytes(6, payload);
            ps.executeUpdate();
        }
    }

    /** Stores the roster's periods of a run as they are read; {@link RosterWriter#finish} stores the rest. */
    public RosterWriter rosterWriter(long runId) {
        return new RosterWriter(runId);
    }

    /** See {@link #rosterWriter}. Not thread-safe. */
    public final class RosterWriter implements Consumer<RosterPeriod> {

        private final long runId;
        private final ChunkOut out = new ChunkOut();
        private int chunkSeq;

        private RosterWriter(long runId) {
            this.runId = runId;
        }

        @Override
        public void accept(RosterPeriod period) {
            RosterCodec.write(out, period);
            if (out.rows() == RosterCodec.CHUNK_ROWS) {
                flush();
            }
        }

        public void finish() {
            if (out.rows() > 0) {
                flush();
            }
        }

        private void flush() {
            jdbc.update(INSERT, runId, ROSTER, 0, chunkSeq++, out.rows(), out.compress(ChunkKind.ROSTER));
            out.reset();
        }
    }

    /**
     * Stores the fingerprints of the households that have more than one outstanding loan (or share a fingerprint
     * with another household: the rules step compares the real ids), so that the rules step need not read every loan
     * an extra time to find them.
     */
    public void saveSharedHouseholds(long runId, long[] fingerprints) {
        ChunkOut out = new ChunkOut();
        for (long f : fingerprints) {
            out.writeLong(f);
            out.endRow();
        }
        jdbc.update("DELETE FROM run_chunk WHERE run_id = ? AND kind = ?", runId, SHARED_HOUSEHOLDS);
        jdbc.update(INSERT, runId, SHARED_HOUSEHOLDS, 0, 0, out.rows(), out.compress(ChunkKind.SHARED_HOUSEHOLDS));
    }

    /** What {@link #saveSharedHouseholds} stored, sorted. */
    public long[] sharedHouseholds(long runId) {
        LongList fingerprints = new LongList();
        jdbc.query("SELECT payload FROM run_chunk WHERE run_id = ? AND kind = ?", rs -> {
            ChunkIn in = ChunkIn.of(rs.getBytes(1), ChunkKind.SHARED_HOUSEHOLDS);
            int rows = 0;
            for (; in.hasMore(); rows++) {
                fingerprints.add(in.readLong());
            }
            in.checkRows(rows);
        }, runId, SHARED_HOUSEHOLDS);
        return fingerprints.sortedCopy();
    }

    /** Forgets a roster that turned out to be unusable as a whole. */
    public void deleteRoster(long runId) {
        jdbc.update("DELETE FROM run_chunk WHERE run_id = ? AND kind = ?", runId, ROSTER);
    }

    /** Every roster period of a run, in the order of the file. */
    @Transactional(readOnly = true)
    public void forEachRosterPeriod(long runId, Consumer<RosterPeriod> consumer) {
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(
                    "SELECT payload FROM run_chunk WHERE run_id = ? AND kind = ? ORDER BY file_seq, chunk_seq");
            ps.setFetchSize(4);
            ps.setLong(1, runId);
            ps.setString(2, ROSTER);
            return ps;
        }, rs -> {
            RosterCodec.read(rs.getBytes(1), consumer);
        });
    }

    /** Number of roster periods a run stored. */
    public long rosterPeriods(long runId) {
        return rows(runId, ROSTER);
    }

    /** Number of loans a run stored. */
    public long loans(long runId) {
        return rows(runId, LOANS);
    }

    private long rows(long runId, String kind) {
        Long n = jdbc.queryForObject("SELECT COALESCE(SUM(row_count), 0) FROM run_chunk WHERE run_id = ? AND kind = ?",
                Long.class, runId, kind);
        return n == null ? 0 : n;
    }

    /**
     * Reads every stored loan of a run on {@code threads} threads, each with a worker of its own from
     * {@code newWorker} (so workers need no locking); returns the workers for their results to be merged. Loans come
     * in no particular order.
     */
    @Transactional(readOnly = true)
    public <W extends Consumer<StoredLoan>> List<W> scanLoans(long runId, int threads, Supplier<W> newWorker) {
        return scan(runId, threads, newWorker, (chunk, worker) -> LoanCodec.read(chunk.payload(), chunk.fileSeq(),
                worker));
    }

    /**
     * What migration (SPEC 5.4) and {@code RATE_CHANGED} (SPEC 5.3) need of a loan of the comparison date: its bank,
     * id, balance in cents, annual rate in millionths of a percent point (the rate at 6 decimals, unscaled), overdue
     * days and classification.
     */
    public interface LoanState {
        void accept(String bankCode, String loanId, long balanceCents, long rateMillionths, int overdueDays,
                    Classification classification);
    }

    /**
     * As {@link #scanLoans}, but of each loan only what {@link LoanState} needs is decoded, in a fraction of the
     * time.
     */
    @Transactional(readOnly = true)
    public <W extends LoanState> List<W> scanStates(long runId, int threads, Supplier<W> newWorker) {
        return scan(runId, threads, newWorker, (chunk, worker) -> LoanCodec.readStates(chunk.payload(), worker));
    }

    private record Chunk(int fileSeq, byte[] payload) {
    }

    private <W> List<W> scan(long runId, int threads, Supplier<W> newWorker, BiConsumer<Chunk, W> decode) {
        Chunk end = new Chunk(-1, null);
        BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(threads * 2);
        ExecutorService pool = RunThreads.pool("scan", threads);
        List<W> workers = new ArrayList<>();
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                W worker = newWorker.get();
                workers.add(worker);
                futures.add(pool.submit(() -> {
                    for (Chunk c = queue.take(); c != end; c = queue.take()) {
                        decode.accept(c, worker);
                    }
                    return null;
                }));
            }
            jdbc.query(con -> {
                PreparedStatement ps = con.prepareStatement("""
                        SELECT file_seq, payload FROM run_chunk WHERE run_id = ? AND kind = ?
                        ORDER BY file_seq, chunk_seq""");
                // A chunk is some 100 KB: fetch a few at a time, not the template's 1,000 rows.
                ps.setFetchSize(threads * 2);
                ps.setLong(1, runId);
                ps.setString(2, LOANS);
                return ps;
            }, rs -> {
                put(queue, new Chunk(rs.getInt(1), rs.getBytes(2)), futures);
            });
            for (int t = 0; t < threads; t++) {
                put(queue, end, futures);
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return workers;
        } catch (InterruptedException | ExecutionException e) {
            throw readFailure(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** What to throw when reading the chunks was interrupted or a reading thread failed: that thread's own error. */
    private static RuntimeException readFailure(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new StoreException("interrupted while reading the stored loans");
        }
        return e.getCause() instanceof RuntimeException r ? r
                : new StoreException("cannot read the stored loans", e.getCause());
    }

    /** Waits for room in the queue, giving up when a worker has failed (its error is then thrown by the caller). */
    private static <T> void put(BlockingQueue<T> queue, T item, List<Future<?>> workers) {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                for (Future<?> f : workers) {
                    if (f.isDone()) {
                        f.get();
                    }
                }
            }
        } catch (InterruptedException | ExecutionException e) {
            throw readFailure(e);
        }
    }

    /** The loans of one chunk, in file order. */
    public List<StoredLoan> chunk(long runId, int fileSeq, int chunkSeq) {
        List<StoredLoan> loans = new ArrayList<>();
        jdbc.query("SELECT payload FROM run_chunk WHERE run_id = ? AND kind = ? AND file_seq = ? AND chunk_seq = ?",
                rs -> {
                    LoanCodec.read(rs.getBytes(1), fileSeq, loans::add);
                }, runId, LOANS, fileSeq, chunkSeq);
        return loans;
    }

    /** Stores a chunk again with only the given loans (after duplicates were taken out of it). */
    public void rewriteChunk(long runId, int fileSeq, int chunkSeq, List<StoredLoan> loans) {
        ChunkOut out = new ChunkOut();
        loans.forEach(l -> LoanCodec.write(out, l.line(), l.loan()));
        jdbc.update("""
                UPDATE run_chunk SET row_count = ?, payload = ?
                WHERE run_id = ? AND kind = ? AND file_seq = ? AND chunk_seq = ?""",
                out.rows(), out.compress(ChunkKind.LOANS), runId, LOANS, fileSeq, chunkSeq);
    }

    /** Forgets what a file sent before it turned out to be unusable as a whole. */
    public void deleteFile(long runId, int fileSeq) {
        jdbc.update("DELETE FROM run_chunk WHERE run_id = ? AND kind = ? AND file_seq = ?", runId, LOANS, fileSeq);
    }

    /**
     * Retention: removes the stored loans and roster periods (the personal data) of runs dated before {@code day}.
     *
     * @return loans removed
     */
    public long purgeBefore(LocalDate day) {
        String runs = "SELECT run_id FROM monitor_run WHERE as_of < ?";
        Long loans = jdbc.queryForObject("SELECT COALESCE(SUM(row_count), 0) FROM run_chunk"
                + " WHERE kind = ? AND run_id IN (" + runs + ")", Long.class, LOANS, java.sql.Date.valueOf(day));
        jdbc.update("DELETE FROM run_chunk WHERE run_id IN (" + runs + ")", java.sql.Date.valueOf(day));
        return loans == null ? 0 : loans;
    }

    /** The chunk of a file that holds its i-th accepted loan, as the loader wrote them (a fixed number to a chunk). */
    static int chunkOf(int rowIndex) {
        return rowIndex / LoanCodec.CHUNK_ROWS;
    }
}
