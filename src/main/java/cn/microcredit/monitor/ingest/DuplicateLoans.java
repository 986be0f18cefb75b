package cn.microcredit.monitor.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Finds loan ids that a bank reports more than once on a date (SPEC 3.1: the first occurrence stays, later ones are
 * rejected {@code DUPLICATE_LOAN}), while files are read in parallel. "First" means first in file order, then line,
 * whatever order the threads happen to see the rows in: of two occurrences met, the later one is set aside as a
 * duplicate and the earlier one kept, so each occurrence but the first is set aside exactly once, and when all files
 * are read the kept one is the first. Each file's loans come through its own {@link File}, which hands them over in
 * batches; the rest is safe for concurrent use.
 *
 * <p>A date has a million loans or more, every one of them kept until the last file is read. As objects (a map entry,
 * a record, the id string) they would be copied from one heap generation to the next at every collection, which cost
 * more than reading the files; so they are kept in one {@code long[]} hash table, three longs a slot side by side (one
 * cache line read per look-up), with the ids' characters end to end in one {@code char[]}. The collector never has to
 * look into either.
 */
public final class DuplicateLoans {

    private static final int FIRST_CAPACITY = 1 << 16;
    /** Longs per slot: where the kept occurrence was read; hash, bank and county; where its id is in {@link #ids}. */
    private static final int SLOT = 3;
    /** Bank and county code numbers, and loan id lengths, take 16 bits of a slot. */
    private static final int MAX_16_BITS = 0xFFFF;
    private static final int BATCH = 4096;

    /** Where a loan was read, as one number that orders by file, then line; never 0 (files count from 1). */
    private static long place(int fileSeq, long line) {
        return (long) fileSeq << 40 | line;
    }

    private static int fileSeqOf(long place) {
        return (int) (place >>> 40);
    }

    private static long lineOf(long place) {
        return place & ((1L << 40) - 1);
    }

    /** A later occurrence: a duplicate. Few, so kept as objects. */
    private record Later(String bankCode, String loanId, String countyCode, long place) {
    }

    /** Bank and county codes by number, so that a slot holds two numbers instead of two strings. */
    private final Map<String, Integer> codeNumbers = new HashMap<>();
    private final List<String> codes = new ArrayList<>();

    private long[] table = new long[FIRST_CAPACITY * SLOT];
    private int capacity = FIRST_CAPACITY;
    private int size;
    private char[] ids = new char[FIRST_CAPACITY * 16];
    private int idsUsed;

    private final List<Later> later = new ArrayList<>();

    /** The loans of one file, read on one thread: they are handed over in batches, the last one by {@link #close}. */
    public final class File implements AutoCloseable {
        private final int fileSeq;
        private final String[] bankCodes = new String[BATCH];
        private final String[] loanIds = new String[BATCH];
        private final String[] countyCodes = new String[BATCH];
        private final long[] lines = new long[BATCH];
        private int batched;

        private File(int fileSeq) {
            this.fileSeq = fileSeq;
        }

        /** An accepted loan read at {@code line}. */
        public void seen(String bankCode, String loanId, String countyCode, long line) {
            bankCodes[batched] = bankCode;
            loanIds[batched] = loanId;
            countyCodes[batched] = countyCode;
            lines[batched] = line;
            if (++batched == BATCH) {
                close();
            }
        }

        /** Hands over the loans not handed over yet. */
        @Override
        public void close() {
            synchronized (DuplicateLoans.this) {
                for (int i = 0; i < batched; i++) {
                    add(bankCodes[i], loanIds[i], countyCodes[i], place(fileSeq, lines[i]));
                }
            }
            Arrays.fill(bankCodes, 0, batched, null);
            Arrays.fill(loanIds, 0, batched, null);
            Arrays.fill(countyCodes, 0, batched, null);
            batched = 0;
        }
    }

    /** Where the loans of file {@code fileSeq} (from 1, in file name order) go. */
    public File file(int fileSeq) {
        if (fileSeq < 1) {
            throw new IllegalArgumentException("ledger files count from 1: " + fileSeq);
        }
        return new File(fileSeq);
    }

    /** One accepted loan, at once: the same as through {@link #file}. */
    public synchronized void seen(String bankCode, String loanId, String countyCode, int fileSeq, long line) {
        try (File file = file(fileSeq)) {
            file.seen(bankCode, loanId, countyCode, line);
        }
    }

    /**
     * Once every file is read and closed: the duplicates found in one file, in line order, each naming where the
     * first occurrence is.
     *
     * @param fileName the name a reject shows for a file sequence number
     */
    public synchronized List<Reject> rejects(int fileSeq, IntFunction<String> fileName) {
        List<Reject> rejects = new ArrayList<>();
        later.stream().filter(o -> fileSeqOf(o.place()) == fileSeq).sorted(Comparator.comparingLong(Later::place))
                .forEach(o -> {
                    long first = table[find(keyOf(o.bankCode(), o.loanId()), o.loanId())];
                    rejects.add(Reject.duplicate(fileName.apply(fileSeq), lineOf(o.place()), o.bankCode(), o.loanId(),
                            o.countyCode(), fileName.apply(fileSeqOf(first)) + " 第" + lineOf(first) + "行"));
                });
        return rejects;
    }

    private void add(String bankCode, String loanId, String countyCode, long place) {
        long key = keyOf(bankCode, loanId);
        int at = find(key, loanId);
        long kept = table[at];
        if (kept == 0) {
            insert(at, place, key | number(countyCode), loanId);
        } else if (kept < place) {
            later.add(new Later(bankCode, loanId, countyCode, place));
        } else {
            later.add(new Later(bankCode, loanId, codes.get((int) (table[at + 1] & MAX_16_BITS)), kept));
            table[at] = place;
            table[at + 1] = key | number(countyCode);
        }
    }

    /** The loan id's hash in the high 32 bits, the bank's number in the next 16; the county's go in the low 16. */
    private long keyOf(String bankCode, String loanId) {
        return (long) loanId.hashCode() << 32 | (long) number(bankCode) << 16;
    }

    private int number(String code) {
        Integer n = codeNumbers.get(code);
        if (n == null) {
            if (codes.size() > MAX_16_BITS) {
                throw new IllegalStateException("more than " + MAX_16_BITS + " bank and county codes");
            }
            n = codes.size();
            codes.add(code);
            codeNumbers.put(code, n);
        }
        return n;
    }

    /** Where in the table a bank's loan id is, or the empty slot where it belongs (linear probing). */
    private int find(long key, String loanId) {
        int mask = capacity - 1;
        for (int slot = spread((int) (key >>> 32)) & mask; ; slot = (slot + 1) & mask) {
            int at = slot * SLOT;
            if (table[at] == 0 || (table[at + 1] & ~MAX_16_BITS) == key && sameId(at, loanId)) {
                return at;
            }
        }
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private boolean sameId(int at, String loanId) {
        long id = table[at + 2];
        int length = (int) (id & MAX_16_BITS);
        if (length != loanId.length()) {
            return false;
        }
        int start = (int) (id >>> 16);
        for (int i = 0; i < length; i++) {
            if (ids[start + i] != loanId.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void insert(int at, long place, long key, String loanId) {
        int length = loanId.length();
        if (length > MAX_16_BITS) {
            throw new IllegalArgumentException("loan id longer than " + MAX_16_BITS + " characters");
        }
        if (idsUsed + length > ids.length) {
            ids = Arrays.copyOf(ids, Math.max(ids.length * 2, idsUsed + length));
        }
        loanId.getChars(0, length, ids, idsUsed);
        table[at] = place;
        table[at + 1] = key;
        table[at + 2] = (long) idsUsed << 16 | length;
        idsUsed += length;
        if (++size * 2 > capacity) {
            grow();
        }
    }

    /** Doubles the table, at most half full, moving each entry to its slot in the larger one. */
    private void grow() {
        long[] old = table;
        capacity *= 2;
        table = new long[capacity * SLOT];
        int mask = capacity - 1;
        for (int from = 0; from < old.length; from += SLOT) {
            if (old[from] == 0) {
                continue;
            }
            int slot = spread((int) (old[from + 1] >>> 32)) & mask;
            while (table[slot * SLOT] != 0) {
                slot = (slot + 1) & mask;
            }
            System.arraycopy(old, from, table, slot * SLOT, SLOT);
        }
    }
}
