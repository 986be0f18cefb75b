package cn.microcredit.monitor.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import cn.microcredit.monitor.ingest.FileResult;
import cn.microcredit.monitor.loan.Loan;

/**
 * Table {@code loan_snapshot}: the accepted loans of every published date as plain rows an analyst can query (issue
 * 15), read from the run's stored chunks, which stay what the job itself reads. It holds exactly the loans of the
 * published run of each date, never those of a run that failed, stopped or died:
 * <ol>
 * <li>{@link #load} (the job's {@code loanTableStep}, after the rules) puts the run's loans where nobody reads them: on
 * PostgreSQL a table of the run's own, {@code loan_snapshot_run_N}, created, filled by COPY, indexed and analysed in
 * one transaction on a connection of its own; on H2 the rows of {@code loan_snapshot_stage} marked with the run.</li>
 * <li>{@link #publish}, in the transaction that marks the run COMPLETED ({@code publishStep}), drops the date's
 * earlier partition and attaches the run's table as {@code loan_snapshot_YYYY_MM_DD} (PostgreSQL's DDL is
 * transactional; the CHECK constraint on as_of spares the attach a scan), or moves the staged rows (H2).</li>
 * <li>{@link #discard} forgets the loaded loans of a run that ended without publishing; whatever a killed run left is
 * dropped by the next run's load and publication (holding the run lock, no other run is alive).</li>
 * </ol>
 * Filled only while {@code monitor.store.loan-table} is true (default true on PostgreSQL, false on H2); publication and
 * {@link #purgeBefore} act whatever the setting, so that the table never keeps the loans of a date that was run again
 * or purged while it was off.
 */
@Repository
public class LoanSnapshotTable {

    /** Columns in table order: as_of, SPEC 3.1 in SPEC order, regime (SPEC 4), then where the row came from. */
    public static final List<String> COLUMNS = List.of("as_of", "loan_id", "bank_code", "county_code", "household_id",
            "borrower_name", "borrower_id_number", "issue_date", "maturity_date", "amount", "balance", "annual_rate",
            "overdue_days", "classification", "renewal_count", "purpose_code", "guarantee", "large_need", "regime",
            "run_id", "source_file", "source_line");

    private static final Logger log = LoggerFactory.getLogger(LoanSnapshotTable.class);
    private static final String COLUMN_LIST = String.join(", ", COLUMNS);
    private static final String STAGE_PREFIX = "loan_snapshot_run_";
    private static final Pattern BOUND_DATE = Pattern.compile("'(\\d{4}-\\d{2}-\\d{2})'");
    /** COPY data goes to the driver in pieces of this size: a few per thread in memory, whatever the date's size. */
    private static final int COPY_PIECE_BYTES = 256 * 1024;
    /** H2: rows per JDBC batch, and batches per commit (a commit per batch would leave H2's file half empty). */
    private static final int H2_BATCH = 1_000;
    private static final int H2_BATCHES_PER_COMMIT = 64;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final RunChunks chunks;
    private final RunRepository runs;
    private final boolean enabled;
    private final int threads;
    private volatile Boolean postgres;

    public LoanSnapshotTable(DataSource dataSource, JdbcTemplate jdbc, RunChunks chunks, RunRepository runs,
                             @Value("${monitor.store.loan-table:false}") boolean enabled,
                             @Value("${monitor.load.threads:2}") int threads) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.chunks = chunks;
        this.runs = runs;
        this.enabled = enabled;
        this.threads = threads;
    }

    /** Whether runs fill the table ({@code monitor.store.loan-table}). */
    public boolean enabled() {
        return enabled;
    }

    /** The name of a date's partition on PostgreSQL. */
    static String partitionName(LocalDate asOf) {
        return String.format(Locale.ROOT, "loan_snapshot_%04d_%02d_%02d", asOf.getYear(), asOf.getMonthValue(),
                asOf.getDayOfMonth());
    }

    static String stageName(long runId) {
        return STAGE_PREFIX + runId;
    }

    /**
     * Loads the stored loans of a run where {@link #publish} will find them; does nothing when the table is off.
     *
     * @param stopCheck called for every loan; throws to stop the load (the run was asked to stop)
     * @return loans loaded, or -1 when the table is off
     */
    public long load(long runId, LocalDate asOf, Runnable stopCheck) {
        if (!enabled) {
            return -1;
        }
        Map<Integer, String> files = new java.util.HashMap<>();
        for (FileResult f : runs.files(runId)) {
            files.put(f.fileSeq(), f.file());
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long loaded = isPostgres() ? copy(connection, runId, asOf, files, stopCheck)
                        : insert(connection, runId, asOf, files, stopCheck);
                connection.commit();
                return loaded;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("cannot load table loan_snapshot", e);
        }
    }

    private long copy(Connection connection, long runId, LocalDate asOf, Map<Integer, String> files,
                      Runnable stopCheck) throws SQLException {
        String stage = stageName(runId);
        try (Statement s = connection.createStatement()) {
            for (String stale : stagingTables(connection)) {
                s.execute("DROP TABLE " + stale);
            }
            // Names and the date literal come from numbers the job made, never from input text.
            s.execute("CREATE TABLE " + stage + " (LIKE loan_snapshot, CONSTRAINT " + stage
                    + "_as_of CHECK (as_of = DATE '" + asOf + "'))");
        }
        long started = System.nanoTime();
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + stage + " (" + COLUMN_LIST + ") FROM STDIN (FREEZE)");
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
        log.info("loan_snapshot: COPY of {} loans {} s, indexes and statistics {} s", rows, seconds(copied - started),
                seconds(System.nanoTime() - copied));
        return rows;
    }

    /** Encodes the loans one reading thread decodes, and hands them to the one COPY a piece at a time. */
    private static final class CopyWorker implements Consumer<StoredLoan> {

        private final CopyIn copy;
        private final LocalDate asOf;
        private final long runId;
        private final Map<Integer, String> files;
        private final Runnable stopCheck;
        private final CopyText out = new CopyText(COPY_PIECE_BYTES + 4096);

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
            try {
                out.date(asOf).text(l.loanId()).text(l.bankCode()).text(l.countyCode()).text(l.householdId())
                        .text(l.borrowerName()).text(l.borrowerIdNumber()).date(l.issueDate())
                        .date(l.maturityDate()).number(l.amount()).number(l.balance()).number(l.annualRatePct())
                        .integer(l.overdueDays()).text(l.classification().name()).integer(l.renewalCount())
                        .text(l.purpose().name()).text(l.guarantee().name()).bool(l.largeNeed())
                        .text(l.regime().name()).integer(runId).text(file).integer(stored.line()).endRow();
            } catch (IllegalArgumentException e) {
                throw new StoreException("table loan_snapshot: " + file + " line " + stored.line() + ": "
                        + e.getMessage());
            }
            if (out.size() >= COPY_PIECE_BYTES) {
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
                throw failure("cannot load table loan_snapshot", e);
            }
            out.reset();
        }
    }

    private long insert(Connection connection, long runId, LocalDate asOf, Map<Integer, String> files,
                        Runnable stopCheck) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DELETE FROM loan_snapshot_stage");
        }
        String sql = "INSERT INTO loan_snapshot_stage (" + COLUMN_LIST + ") VALUES ("
                + String.join(", ", COLUMNS.stream().map(c -> "?").toList()) + ")";
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
                    ps.setString(++i, l.loanId());
                    ps.setString(++i, l.bankCode());
                    ps.setString(++i, l.countyCode());
                    ps.setString(++i, l.householdId());
                    ps.setString(++i, l.borrowerName());
                    ps.setString(++i, l.borrowerIdNumber());
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
                if (++batches % H2_BATCHES_PER_COMMIT == 0) {
                    connection.commit();
                }
            } catch (SQLException e) {
                throw failure("cannot load table loan_snapshot", e);
            }
        }
    }

    private static final class InsertWorker implements Consumer<StoredLoan> {

        private final InsertTarget target;
        private final Runnable stopCheck;
        private final List<StoredLoan> batch = new ArrayList<>(H2_BATCH);

        InsertWorker(InsertTarget target, Runnable stopCheck) {
            this.target = target;
            this.stopCheck = stopCheck;
        }

        @Override
        public void accept(StoredLoan loan) {
            stopCheck.run();
            batch.add(loan);
            if (batch.size() == H2_BATCH) {
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

    /**
     * Makes the loans {@link #load} put aside for a run the date's rows of {@code loan_snapshot}, in place of the
     * date's earlier ones, and drops what runs that never published left. Runs in the caller's transaction: the one
     * that marks the run COMPLETED. On PostgreSQL, replacing a date's partition waits for queries reading
     * {@code loan_snapshot} to end (dropping a partition locks the table).
     */
    public void publish(long runId, LocalDate asOf) {
        if (isPostgres()) {
            for (Map.Entry<String, LocalDate> p : partitions().entrySet()) {
                if (p.getValue().equals(asOf)) {
                    jdbc.execute("DROP TABLE " + p.getKey());
                }
            }
            String stage = stageName(runId);
            List<String> staging = jdbc.execute((ConnectionCallback<List<String>>) this::stagingTables);
            if (staging.contains(stage)) {
                String partition = partitionName(asOf);
                jdbc.execute("ALTER TABLE " + stage + " RENAME TO " + partition);
                jdbc.execute("ALTER INDEX " + stage + "_household RENAME TO " + partition + "_household");
                jdbc.execute("ALTER INDEX " + stage + "_bank_loan RENAME TO " + partition + "_bank_loan");
                jdbc.execute("ALTER TABLE loan_snapshot ATTACH PARTITION " + partition
                        + " FOR VALUES IN (DATE '" + asOf + "')");
                // Implied by the partition's bound from now on; it only spared the attach a scan.
                jdbc.execute("ALTER TABLE " + partition + " DROP CONSTRAINT " + stage + "_as_of");
            }
            for (String stale : staging) {
                if (!stale.equals(stage)) {
                    jdbc.execute("DROP TABLE " + stale);
                }
            }
        } else {
            jdbc.update("DELETE FROM loan_snapshot WHERE as_of = ?", Date.valueOf(asOf));
            jdbc.update("INSERT INTO loan_snapshot (" + COLUMN_LIST + ") SELECT " + COLUMN_LIST
                    + " FROM loan_snapshot_stage WHERE run_id = ?", runId);
            jdbc.update("DELETE FROM loan_snapshot_stage");
        }
    }

    /** Forgets what {@link #load} put aside for a run that ended without publishing. */
    public void discard(long runId) {
        if (isPostgres()) {
            jdbc.execute("DROP TABLE IF EXISTS " + stageName(runId));
        } else {
            jdbc.update("DELETE FROM loan_snapshot_stage WHERE run_id = ?", runId);
        }
    }

    /**
     * Retention: removes the rows of dates before {@code day} (drops their partitions on PostgreSQL).
     *
     * @return dates removed
     */
    public int purgeBefore(LocalDate day) {
        if (isPostgres()) {
            int dropped = 0;
            for (Map.Entry<String, LocalDate> p : partitions().entrySet()) {
                if (p.getValue().isBefore(day)) {
                    jdbc.execute("DROP TABLE " + p.getKey());
                    dropped++;
                }
            }
            return dropped;
        }
        Integer dates = jdbc.queryForObject("SELECT COUNT(DISTINCT as_of) FROM loan_snapshot WHERE as_of < ?",
                Integer.class, Date.valueOf(day));
        jdbc.update("DELETE FROM loan_snapshot WHERE as_of < ?", Date.valueOf(day));
        return dates == null ? 0 : dates;
    }

    /** The partitions of {@code loan_snapshot} and the date each holds (from its bound, whatever its name). */
    Map<String, LocalDate> partitions() {
        Map<String, LocalDate> partitions = new java.util.TreeMap<>();
        jdbc.query("""
                SELECT c.relname, pg_get_expr(c.relpartbound, c.oid)
                FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = 'loan_snapshot'::regclass""", rs -> {
            Matcher m = BOUND_DATE.matcher(rs.getString(2));
            if (m.find()) {
                partitions.put(rs.getString(1), LocalDate.parse(m.group(1)));
            }
        });
        return partitions;
    }

    /** Tables of runs' loans not (yet) attached: {@code loan_snapshot_run_N} in the current schema. */
    private List<String> stagingTables(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind = 'r' AND NOT c.relispartition
                  AND c.relname LIKE 'loan\\_snapshot\\_run\\_%'""");
             var rs = ps.executeQuery()) {
            while (rs.next()) {
                if (rs.getString(1).substring(STAGE_PREFIX.length()).chars().allMatch(Character::isDigit)) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }

    private boolean isPostgres() {
        Boolean p = postgres;
        if (p == null) {
            p = jdbc.execute((ConnectionCallback<Boolean>) c -> c.getMetaData().getDatabaseProductName()
                    .toLowerCase(Locale.ROOT).contains("postgres"));
            postgres = p;
        }
        return p;
    }

    /**
     * A database error while loading, by its first line and SQL state only: PostgreSQL adds the COPY row in question
     * ("Where: COPY ..., column borrower_name: ...") to its message, and personal data is never logged.
     */
    private static StoreException failure(String what, SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return new StoreException(what + ": " + (newline > 0 ? message.substring(0, newline) : message)
                + " (SQL state " + e.getSQLState() + ")");
    }
}
