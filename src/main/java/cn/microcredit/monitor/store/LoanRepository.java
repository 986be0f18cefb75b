package cn.microcredit.monitor.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.microcredit.monitor.ingest.Reject;
import cn.microcredit.monitor.ingest.RejectReason;
import cn.microcredit.monitor.keys.Fingerprint;
import cn.microcredit.monitor.keys.LongList;
import cn.microcredit.monitor.loan.Loan;

/** The stored ledger rows of a run: accepted loans and rejected rows. */
@Repository
public class LoanRepository {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final RunChunks chunks;

    public LoanRepository(DataSource dataSource, JdbcTemplate jdbc, RunChunks chunks) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.chunks = chunks;
    }

    public LoanBatchWriter writer(long runId, int fileSeq) {
        return new LoanBatchWriter(dataSource, runId, fileSeq);
    }

    /** Forgets what a file sent before it turned out to be unusable as a whole. */
    @Transactional
    public void deleteFile(long runId, int fileSeq) {
        chunks.deleteFile(runId, fileSeq);
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
     * code point order), as the load step recorded it. Lets a bank's feedback include the rows of its file whose bank
     * code could not be read or was wrong.
     */
    public Map<String, String> bankOfFile(long runId) {
        Map<String, String> banks = new HashMap<>();
        jdbc.query("SELECT file_name, bank_code FROM input_file WHERE run_id = ? AND bank_code IS NOT NULL",
                rs -> {
                    banks.put(rs.getString(1), rs.getString(2));
                }, runId);
        return banks;
    }

    /** What {@link #rejectDuplicates} took out: per file sequence number, and per bank code. */
    public record Duplicates(Map<Integer, Long> perFile, Map<String, Long> perBank) {
    }

    /**
     * A loan id may appear once per bank within a date: the first occurrence (by file name order, then line) stays,
     * later ones move to the rejects as {@code DUPLICATE_LOAN}, whatever order the files were loaded in. Only rows
     * whose fingerprint occurs twice are read back, and they are compared by their real bank code and loan id.
     * ({@code --validate-only} has nothing stored to read back and keeps every id instead, in
     * {@link cn.microcredit.monitor.ingest.DuplicateLoans}; here 8 bytes a loan keep 4 M loans within a 512 MB heap.)
     *
     * @param keysByFile per file sequence number, the loader's fingerprints of its accepted loans in file order
     */
    @Transactional
    public Duplicates rejectDuplicates(long runId, Map<Integer, String> fileNames, Map<Integer, LongList> keysByFile) {
        LongList all = new LongList();
        keysByFile.values().forEach(all::addAll);
        long[] repeated = all.repeated();
        Map<Integer, Long> perFile = new TreeMap<>();
        Map<String, Long> perBank = new TreeMap<>();
        if (repeated.length == 0) {
            return new Duplicates(perFile, perBank);
        }
        record Place(int fileSeq, int chunkSeq) {
        }
        record Occurrence(Place place, StoredLoan loan) {
        }
        Map<String, List<Occurrence>> byKey = new HashMap<>();
        new TreeMap<>(keysByFile).forEach((fileSeq, keys) -> {
            Set<Integer> chunkSeqs = new TreeSet<>();
            for (int i = 0; i < keys.size(); i++) {
                if (LongList.contains(repeated, keys.get(i))) {
                    chunkSeqs.add(RunChunks.chunkOf(i));
                }
            }
            for (int chunkSeq : chunkSeqs) {
                for (StoredLoan l : chunks.chunk(runId, fileSeq, chunkSeq)) {
                    if (LongList.contains(repeated, Fingerprint.of(l.loan().bankCode(), l.loan().loanId()))) {
                        String key = l.loan().bankCode() + '\u0000' + l.loan().loanId();
                        byKey.computeIfAbsent(key, k -> new ArrayList<>())
                                .add(new Occurrence(new Place(fileSeq, chunkSeq), l));
                    }
                }
            }
        });
        Map<Place, Set<Long>> dropped = new HashMap<>();
        for (List<Occurrence> occurrences : byKey.values()) {
            // Files were visited in order and a chunk holds its rows in line order: the first is the one that stays.
            Occurrence first = occurrences.get(0);
            for (Occurrence o : occurrences.subList(1, occurrences.size())) {
                Loan loan = o.loan().loan();
                saveReject(runId, o.place().fileSeq(), Reject.duplicate(fileNames.get(o.place().fileSeq()),
                        o.loan().line(), loan.bankCode(), loan.loanId(), loan.countyCode(),
                        fileNames.get(first.place().fileSeq()) + " 第" + first.loan().line() + "行"));
                dropped.computeIfAbsent(o.place(), p -> new HashSet<>()).add(o.loan().line());
                perFile.merge(o.place().fileSeq(), 1L, Long::sum);
                perBank.merge(loan.bankCode(), 1L, Long::sum);
            }
        }
        dropped.forEach((place, lines) -> chunks.rewriteChunk(runId, place.fileSeq(), place.chunkSeq(),
                chunks.chunk(runId, place.fileSeq(), place.chunkSeq()).stream()
                        .filter(l -> !lines.contains(l.line())).toList()));
        return new Duplicates(perFile, perBank);
    }
}
