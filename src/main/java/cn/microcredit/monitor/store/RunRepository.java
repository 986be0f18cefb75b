package cn.microcredit.monitor.store;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.microcredit.monitor.ingest.FileResult;
import cn.microcredit.monitor.ingest.Reject;
import cn.microcredit.monitor.metrics.ComparisonBasis;
import cn.microcredit.monitor.reference.Bank;
import cn.microcredit.monitor.reference.Banks;
import cn.microcredit.monitor.reference.Counties;
import cn.microcredit.monitor.reference.County;

/**
 * Runs and what they read. A date's published figures are those of its latest COMPLETED run; a run that did not
 * complete leaves the published ones untouched, and publishing a run removes the older runs of its date.
 */
@Repository
public class RunRepository {

    /** Every table whose rows belong to one run. */
    static final List<String> RUN_TABLES = List.of("run_chunk", "rejected_row", "input_file", "run_bank", "run_county",
            "cell_metrics", "county_ageing", "loan_exception",
            "regime_metrics", "loan_migration", "vintage_metrics", "cell_outlook");

    private final JdbcTemplate jdbc;
    private final RunChunks chunks;
    private final ExceptionRepository exceptions;

    public RunRepository(JdbcTemplate jdbc, RunChunks chunks, ExceptionRepository exceptions) {
        this.jdbc = jdbc;
        this.chunks = chunks;
        this.exceptions = exceptions;
    }

    /** A completed run: its id and date. */
    public record StoredRun(long runId, LocalDate asOf) {
    }

    /**
     * The runs of earlier dates that completed, one per date (publishing removes the other runs of a date), newest
     * first: the candidates for the comparison date ({@code metrics.ComparisonDate} chooses).
     */
    public List<StoredRun> completedBefore(LocalDate asOf) {
        return jdbc.query("""
                        SELECT run_id, as_of FROM monitor_run
                        WHERE status = 'COMPLETED' AND as_of < ?
                        ORDER BY as_of DESC, run_id DESC""",
                (rs, i) -> new StoredRun(rs.getLong(1), rs.getDate(2).toLocalDate()), Date.valueOf(asOf));
    }

    /**
     * Records the comparison date (null without one) and the basis it was chosen by (SPEC 5.2), for {@code --history}
     * and analysts' SQL.
     */
    public void saveComparison(long runId, LocalDate comparisonAsOf, ComparisonBasis basis) {
        jdbc.update("UPDATE monitor_run SET comparison_as_of = ?, comparison_basis = ? WHERE run_id = ?",
                comparisonAsOf == null ? null : Date.valueOf(comparisonAsOf), basis.code(), runId);
    }

    /** The comparison basis of a run; null for runs stored before it was recorded. */
    public String comparisonBasis(long runId) {
        return jdbc.query("SELECT comparison_basis FROM monitor_run WHERE run_id = ?",
                (rs, i) -> rs.getString(1), runId).stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** The comparison date a run compares with (SPEC 5.2), fixed when the run began. */
    public Optional<StoredRun> previousOf(long runId) {
        return jdbc.query("""
                        SELECT p.run_id, p.as_of FROM monitor_run r JOIN monitor_run p ON p.run_id = r.previous_run_id
                        WHERE r.run_id = ?""",
                (rs, i) -> new StoredRun(rs.getLong(1), rs.getDate(2).toLocalDate()), runId).stream().findFirst();
    }

    /** The run whose results of a date are published (its latest COMPLETED run), if any. */
    public Optional<Long> publishedRun(LocalDate asOf) {
        return jdbc.queryForList("""
                SELECT run_id FROM monitor_run WHERE status = 'COMPLETED' AND as_of = ?
                ORDER BY run_id DESC FETCH FIRST 1 ROWS ONLY""", Long.class, Date.valueOf(asOf)).stream().findFirst();
    }

    public boolean hasCompleted(LocalDate asOf) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM monitor_run WHERE status = 'COMPLETED' AND as_of = ?",
                Integer.class, Date.valueOf(asOf));
        return n != null && n > 0;
    }

    /** Starts a run: anything stored under its id before is discarded (a run is never restarted, see RunParameters). */
    @Transactional
    public void begin(long runId, LocalDate asOf, String inputDir, Long previousRunId) {
        deleteRunData(runId);
        jdbc.update("DELETE FROM monitor_run WHERE run_id = ?", runId);
        jdbc.update("""
                INSERT INTO monitor_run (run_id, as_of, input_dir, status, started_at, previous_run_id)
                VALUES (?, ?, ?, 'STARTED', ?, ?)""",
                runId, Date.valueOf(asOf), inputDir, Timestamp.valueOf(LocalDateTime.now()), previousRunId);
    }

    @Transactional
    public void saveReference(long runId, Banks banks, Counties counties) {
        jdbc.batchUpdate("INSERT INTO run_bank (run_id, bank_code, bank_name, overall_npl_pct) VALUES (?, ?, ?, ?)",
                banks.all().stream().map(b -> new Object[] {runId, b.code(), b.name(), b.overallNplPct()}).toList());
        jdbc.batchUpdate("""
                INSERT INTO run_county (run_id, county_code, county_name, city_code, city_name, sub_bureau)
                VALUES (?, ?, ?, ?, ?, ?)""",
                counties.all().stream().map(c -> new Object[] {runId, c.code(), c.name(), c.cityCode(), c.cityName(),
                        c.subBureau()}).toList());
    }

    public Banks banks(long runId) {
        return Banks.of(jdbc.query("SELECT bank_code, bank_name, overall_npl_pct FROM run_bank WHERE run_id = ?",
                (rs, i) -> new Bank(rs.getString(1), rs.getString(2), rs.getBigDecimal(3)), runId));
    }

    public List<County> counties(long runId) {
        return jdbc.query("""
                SELECT county_code, county_name, city_code, city_name, sub_bureau
                FROM run_county WHERE run_id = ? ORDER BY county_code""",
                (rs, i) -> new County(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)), runId);
    }

    @Transactional
    public void saveFile(long runId, FileResult f) {
        jdbc.update("DELETE FROM input_file WHERE run_id = ? AND file_seq = ?", runId, f.fileSeq());
        jdbc.update("""
                INSERT INTO input_file (run_id, file_seq, file_name, charset, rows_read, rows_accepted, rows_rejected,
                                        file_reject)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                runId, f.fileSeq(), f.file(), f.charset(), f.rowsRead(), f.rowsAccepted(), f.rowsRejected(),
                f.fileReject() == null ? null : f.fileReject().reason().name());
    }

    public List<FileResult> files(long runId) {
        return jdbc.query("""
                SELECT f.file_seq, f.file_name, f.charset, f.rows_read, f.rows_accepted, f.rows_rejected,
                       f.file_reject, r.detail
                FROM input_file f
                LEFT JOIN rejected_row r ON r.run_id = f.run_id AND r.file_seq = f.file_seq AND f.file_reject IS NOT NULL
                WHERE f.run_id = ? ORDER BY f.file_seq""",
                (rs, i) -> new FileResult(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getString(7) == null ? null
                        : Reject.wholeFile(rs.getString(2),
                        cn.microcredit.monitor.ingest.RejectReason.valueOf(rs.getString(7)), rs.getString(8))),
                runId);
    }

    /** Whether the run has a roster it could use: read, and not rejected whole. */
    public boolean rosterUsable(long runId) {
        Integer n = jdbc.queryForObject("""
                SELECT COUNT(*) FROM input_file WHERE run_id = ? AND file_seq = 0 AND file_reject IS NULL""",
                Integer.class, runId);
        return n != null && n > 0;
    }

    /** Bank codes of banks.csv for which no ledger row was read at all (SPEC 2, exit code 3). */
    public List<String> banksWithoutRows(long runId) {
        return jdbc.queryForList("""
                SELECT b.bank_code FROM run_bank b
                WHERE b.run_id = ?
                  AND b.loans_accepted = 0
                  AND NOT EXISTS (SELECT 1 FROM rejected_row r WHERE r.run_id = b.run_id AND r.bank_code = b.bank_code)
                ORDER BY b.bank_code""", String.class, runId);
    }

    /**
     * Makes a run the published one for its date in one transaction: marks it COMPLETED and removes every other run
     * of the date, and the leftovers of runs that never completed. Holding the run lock (RunGuard), the publishing run
     * is the only one alive: any other that is not COMPLETED failed, was stopped, or died before it could say so
     * (killed, or still in a step when the 30 s after a SIGTERM ran out).
     *
     * @return how many earlier completed runs of the same date were replaced
     */
    @Transactional
    public int publish(long runId, LocalDate asOf, int exitCode) {
        List<Long> obsolete = jdbc.queryForList("""
                SELECT run_id FROM monitor_run
                WHERE run_id <> ? AND (as_of = ? OR status <> 'COMPLETED')""", Long.class, runId, Date.valueOf(asOf));
        Integer replaced = jdbc.queryForObject("""
                SELECT COUNT(*) FROM monitor_run WHERE run_id <> ? AND as_of = ? AND status = 'COMPLETED'""",
                Integer.class, runId, Date.valueOf(asOf));
        for (long old : obsolete) {
            deleteRunData(old);
            jdbc.update("DELETE FROM monitor_run WHERE run_id = ?", old);
        }
        jdbc.update("UPDATE monitor_run SET status = 'COMPLETED', finished_at = ?, exit_code = ? WHERE run_id = ?",
                Timestamp.valueOf(LocalDateTime.now()), exitCode, runId);
        return replaced == null ? 0 : replaced;
    }

    @Transactional
    public void markFailed(long runId) {
        jdbc.update("UPDATE monitor_run SET status = 'FAILED', finished_at = ? WHERE run_id = ? AND status = 'STARTED'",
                Timestamp.valueOf(LocalDateTime.now()), runId);
    }

    /** A run stopped on request (SIGTERM): kept, as STOPPED, until a later run publishes. */
    @Transactional
    public void markStopped(long runId) {
        jdbc.update("UPDATE monitor_run SET status = 'STOPPED', finished_at = ? WHERE run_id = ? AND status = 'STARTED'",
                Timestamp.valueOf(LocalDateTime.now()), runId);
    }

    /** One stored run, as {@code --history} lists it. */
    public record HistoryRow(LocalDate asOf, long runId, String status, LocalDateTime finishedAt, Integer exitCode,
                             long loansAccepted, long loansStored, long pauseCounties, long warnCounties,
                             LocalDate comparisonAsOf) {
    }

    /** Every run in the database, newest date first. */
    public List<HistoryRow> history() {
        return jdbc.query("""
                SELECT r.as_of, r.run_id, r.status, r.finished_at, r.exit_code,
                       (SELECT COALESCE(SUM(f.rows_accepted), 0) FROM input_file f
                        WHERE f.run_id = r.run_id AND f.file_seq > 0) AS accepted,
                       (SELECT COALESCE(SUM(c.row_count), 0) FROM run_chunk c
                        WHERE c.run_id = r.run_id AND c.kind = 'L') AS stored,
                       (SELECT COUNT(*) FROM cell_metrics c
                        WHERE c.run_id = r.run_id AND c.level = 'COUNTY' AND c.status = 'PAUSE') AS pause,
                       (SELECT COUNT(*) FROM cell_metrics c
                        WHERE c.run_id = r.run_id AND c.level = 'COUNTY' AND c.status = 'WARN') AS warn,
                       r.comparison_as_of
                FROM monitor_run r
                ORDER BY r.as_of DESC, r.run_id DESC""",
                (rs, i) -> new HistoryRow(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toLocalDateTime(),
                        (Integer) rs.getObject(5, Integer.class), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                        rs.getLong(9), rs.getDate(10) == null ? null : rs.getDate(10).toLocalDate()));
    }

    /**
     * After loading: the bank of each ledger file (see {@code LoanRepository.bankOfFile}) and the accepted loans of
     * each bank, which tell the banks that sent nothing.
     */
    @Transactional
    public void saveLoaded(long runId, Map<Integer, String> bankOfFile, Map<String, Long> acceptedPerBank) {
        jdbc.batchUpdate("UPDATE input_file SET bank_code = ? WHERE run_id = ? AND file_seq = ?",
                bankOfFile.entrySet().stream().map(e -> new Object[] {e.getValue(), runId, e.getKey()}).toList());
        jdbc.batchUpdate("UPDATE run_bank SET loans_accepted = ? WHERE run_id = ? AND bank_code = ?",
                acceptedPerBank.entrySet().stream().map(e -> new Object[] {e.getValue(), runId, e.getKey()}).toList());
    }

    /**
     * Retention: removes the stored loans and roster (personal data) of runs dated before {@code day}, and the
     * borrowers' names and ID numbers kept with their exceptions; metrics, exceptions and rejects stay, so trends and
     * reports of those dates remain.
     *
     * @return loans removed
     */
    @Transactional
    public long purgeLoansBefore(LocalDate day) {
        jdbc.update("""
                UPDATE loan_exception SET borrower_name = '', borrower_id_number = ''
                WHERE run_id IN (SELECT run_id FROM monitor_run WHERE as_of < ?)""", Date.valueOf(day));
        exceptions.forgetAll();
        return chunks.purgeBefore(day);
    }

    /** Removes every run of a date and all it stored; returns how many runs (issue 17, item 8: --delete-date). */
    @Transactional
    public int deleteDate(LocalDate asOf) {
        List<Long> ids = jdbc.queryForList("SELECT run_id FROM monitor_run WHERE as_of = ?", Long.class,
                Date.valueOf(asOf));
        for (long id : ids) {
            deleteRunData(id);
            jdbc.update("DELETE FROM monitor_run WHERE run_id = ?", id);
        }
        return ids.size();
    }

    private void deleteRunData(long runId) {
        exceptions.forget(runId);
        for (String table : RUN_TABLES) {
            jdbc.update("DELETE FROM " + table + " WHERE run_id = ?", runId);
        }
    }
}
