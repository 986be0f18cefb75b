package cn.microcredit.monitor.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

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
 * one transaction on a connection of its own ({@link PostgresLoanCopy}); on H2 the rows of {@code loan_snapshot_stage}
 * marked with the run ({@link H2LoanInserts}).</li>
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

    static final String COLUMN_LIST = String.join(", ", COLUMNS);
    private static final String STAGE_PREFIX = "loan_snapshot_run_";
    private static final Pattern BOUND_DATE = Pattern.compile("'(\\d{4}-\\d{2}-\\d{2})'");

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

    /**
     * A text value as the table and the export hold it: PostgreSQL text cannot hold U+0000, so a ledger's U+0000 is
     * U+FFFD (the replacement character) in both, on either database.
     */
    public static String text(String s) {
        return s.indexOf('\u0000') < 0 ? s : s.replace('\u0000', '\uFFFD');
    }

    /** Names of the loan's text fields that hold U+0000, for a warning that names no value. */
    static List<String> fieldsWithNul(Loan l) {
        List<String> fields = new ArrayList<>();
        String[][] named = {{"loan_id", l.loanId()}, {"bank_code", l.bankCode()}, {"county_code", l.countyCode()},
                {"household_id", l.householdId()}, {"borrower_name", l.borrowerName()},
                {"borrower_id_number", l.borrowerIdNumber()}};
        for (String[] f : named) {
            if (f[1].indexOf('\u0000') >= 0) {
                fields.add(f[0]);
            }
        }
        return fields;
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
                long loaded = isPostgres()
                        ? PostgresLoanCopy.copy(connection, chunks, threads, runId, asOf, files, stopCheck)
                        : H2LoanInserts.insert(connection, chunks, threads, runId, asOf, files, stopCheck);
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
            List<String> staging = jdbc.execute((ConnectionCallback<List<String>>) LoanSnapshotTable::stagingTables);
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

    /** Removes one date's rows ({@code --delete-date}): its partition on PostgreSQL. Returns 1 when it had any. */
    public int deleteDate(LocalDate asOf) {
        if (isPostgres()) {
            int dropped = 0;
            for (Map.Entry<String, LocalDate> p : partitions().entrySet()) {
                if (p.getValue().equals(asOf)) {
                    jdbc.execute("DROP TABLE " + p.getKey());
                    dropped++;
                }
            }
            return dropped;
        }
        return jdbc.update("DELETE FROM loan_snapshot WHERE as_of = ?", Date.valueOf(asOf)) > 0 ? 1 : 0;
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
    static List<String> stagingTables(Connection connection) throws SQLException {
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

    static String seconds(long nanos) {
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
    static StoreException failure(String what, SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return new StoreException(what + ": " + (newline > 0 ? message.substring(0, newline) : message)
                + " (SQL state " + e.getSQLState() + ")");
    }
}
