package cn.microcredit.monitor.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.microcredit.monitor.ingest.Reject;
import cn.microcredit.monitor.ingest.RejectReason;

/** The stored ledger rows of a run: accepted loans and rejected rows. */
@Repository
public class LoanRepository {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    public LoanRepository(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    public LoanBatchWriter writer(long runId) {
        return new LoanBatchWriter(dataSource, runId);
    }

    /** Forgets what a file sent before it turned out to be unusable as a whole. */
    @Transactional
    public void deleteFile(long runId, int fileSeq) {
        jdbc.update("DELETE FROM loan WHERE run_id = ? AND file_seq = ?", runId, fileSeq);
        jdbc.update("DELETE FROM rejected_row WHERE run_id = ? AND file_seq = ?", runId, fileSeq);
    }

    @Transactional
    public void saveReject(long runId, int fileSeq, Reject reject) {
        jdbc.update(con -> {
            var ps = con.prepareStatement(RejectStatements.INSERT);
            RejectStatements.bind(ps, runId, fileSeq, reject);
            return ps;
        });
    }

    /** Every rejected row of a run, by file and line; streamed (in a transaction, see ExceptionRepository). */
    @Transactional
    public void forEachReject(long runId, java.util.function.Consumer<Reject> consumer) {
        jdbc.query("""
                SELECT file_name, line_no, bank_code, loan_id, reason, detail, county_code FROM rejected_row
                WHERE run_id = ? ORDER BY file_seq, line_no""",
                rs -> {
                    consumer.accept(new Reject(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            RejectReason.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7)));
                }, runId);
    }

    /** Number of rejected rows per county code as read (empty when the row had none). */
    public java.util.Map<String, Long> rejectsByCounty(long runId) {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.query("SELECT county_code, COUNT(*) FROM rejected_row WHERE run_id = ? GROUP BY county_code", rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        }, runId);
        return counts;
    }

    /**
     * The bank each ledger file belongs to: the bank of most of its accepted loans (on a tie, the first bank code in
     * code point order, whatever order the database returns the groups in). Lets a bank's feedback include the rows
     * of its file whose bank code could not be read or was wrong.
     */
    public java.util.Map<String, String> bankOfFile(long runId) {
        java.util.Map<String, String> banks = new java.util.HashMap<>();
        java.util.Map<String, Long> best = new java.util.HashMap<>();
        jdbc.query("""
                SELECT f.file_name, l.bank_code, COUNT(*) FROM loan l
                JOIN input_file f ON f.run_id = l.run_id AND f.file_seq = l.file_seq
                WHERE l.run_id = ? GROUP BY f.file_name, l.bank_code""", rs -> {
            String file = rs.getString(1);
            String bank = rs.getString(2);
            long n = rs.getLong(3);
            long most = best.getOrDefault(file, 0L);
            if (n > most || n == most && bank.compareTo(banks.get(file)) < 0) {
                best.put(file, n);
                banks.put(file, bank);
            }
        }, runId);
        return banks;
    }

    /**
     * A loan id may appear once per bank within a date: the first occurrence (by file name order, then line) stays,
     * later ones move to the rejects as {@code DUPLICATE_LOAN}. Set-based so that it does not depend on the order in
     * which files were loaded in parallel.
     *
     * @return duplicates per file sequence number
     */
    @Transactional
    public Map<Integer, Long> rejectDuplicates(long runId, Map<Integer, String> fileNames) {
        record Occurrence(String bankCode, String loanId, int fileSeq, long line, String countyCode) {
        }
        List<Occurrence> occurrences = jdbc.query("""
                SELECT l.bank_code, l.loan_id, l.file_seq, l.line_no, l.county_code
                FROM loan l
                JOIN (SELECT bank_code, loan_id FROM loan WHERE run_id = ?
                      GROUP BY bank_code, loan_id HAVING COUNT(*) > 1) d
                  ON d.bank_code = l.bank_code AND d.loan_id = l.loan_id
                WHERE l.run_id = ?
                ORDER BY l.bank_code, l.loan_id, l.file_seq, l.line_no""",
                (rs, i) -> new Occurrence(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4),
                        rs.getString(5)),
                runId, runId);
        Map<Integer, Long> perFile = new TreeMap<>();
        List<Object[]> deletes = new ArrayList<>();
        Occurrence first = null;
        for (Occurrence o : occurrences) {
            if (first == null || !first.bankCode().equals(o.bankCode()) || !first.loanId().equals(o.loanId())) {
                first = o;
                continue;
            }
            saveReject(runId, o.fileSeq(), Reject.duplicate(fileNames.get(o.fileSeq()), o.line(), o.bankCode(),
                    o.loanId(), o.countyCode(), fileNames.get(first.fileSeq()) + " 第" + first.line() + "行"));
            deletes.add(new Object[] {runId, o.bankCode(), o.loanId(), o.fileSeq(), o.line()});
            perFile.merge(o.fileSeq(), 1L, Long::sum);
        }
        jdbc.batchUpdate("""
                DELETE FROM loan
                WHERE run_id = ? AND bank_code = ? AND loan_id = ? AND file_seq = ? AND line_no = ?""", deletes);
        return perFile;
    }
}
