package cn.microcredit.monitor.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntFunction;

/**
 * Finds loan ids that a bank reports more than once on a date (SPEC 3.1: the first occurrence stays, later ones are
 * rejected {@code DUPLICATE_LOAN}), while files are read in parallel. "First" means first in file order, then line,
 * whatever order the threads happen to see the rows in: of two occurrences met, the later one is set aside as a
 * duplicate and the earlier one kept, so each occurrence but the first is set aside exactly once, and when all files
 * are read the kept one is the first. Safe for concurrent use.
 */
public final class DuplicateLoans {

    /** Where a loan was read, as one number that orders by file, then line. */
    private static long place(int fileSeq, long line) {
        return (long) fileSeq << 40 | line;
    }

    /** An occurrence of a loan id: where, and its county (which a duplicate's reject names). */
    private record Occurrence(String bankCode, String loanId, String countyCode, long place) {
        int fileSeq() {
            return (int) (place >>> 40);
        }

        long line() {
            return place & ((1L << 40) - 1);
        }
    }

    private final Map<String, ConcurrentHashMap<String, Occurrence>> firstByBank = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Occurrence> later = new ConcurrentLinkedQueue<>();
    /** The county reference's own strings, so that a million kept occurrences do not keep a million copies. */
    private final Map<String, String> counties;

    public DuplicateLoans(Set<String> countyCodes) {
        Map<String, String> canonical = new HashMap<>();
        countyCodes.forEach(c -> canonical.put(c, c));
        this.counties = canonical;
    }

    /** An accepted loan read at {@code line} of file {@code fileSeq} (from 1, in file name order). */
    public void seen(String bankCode, String loanId, String countyCode, int fileSeq, long line) {
        Occurrence occurrence = new Occurrence(bankCode, loanId, counties.getOrDefault(countyCode, countyCode),
                place(fileSeq, line));
        ConcurrentHashMap<String, Occurrence> first = firstByBank.computeIfAbsent(bankCode,
                b -> new ConcurrentHashMap<>());
        Occurrence kept = first.putIfAbsent(loanId, occurrence);
        while (kept != null) {
            if (kept.place() < occurrence.place()) {
                later.add(occurrence);
                return;
            }
            if (first.replace(loanId, kept, occurrence)) {
                later.add(kept);
                return;
            }
            kept = first.get(loanId);
        }
    }

    /**
     * Once every file is read: the duplicates found in one file, in line order, each naming where the first
     * occurrence is.
     *
     * @param fileName the name a reject shows for a file sequence number
     */
    public List<Reject> rejects(int fileSeq, IntFunction<String> fileName) {
        List<Reject> rejects = new ArrayList<>();
        later.stream().filter(o -> o.fileSeq() == fileSeq).sorted(Comparator.comparingLong(Occurrence::place))
                .forEach(o -> {
                    Occurrence first = firstByBank.get(o.bankCode()).get(o.loanId());
                    rejects.add(Reject.duplicate(fileName.apply(fileSeq), o.line(), o.bankCode(), o.loanId(),
                            o.countyCode(), fileName.apply(first.fileSeq()) + " 第" + first.line() + "行"));
                });
        return rejects;
    }
}
