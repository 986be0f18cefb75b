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
 * are read the kept one is the first. Safe for concurrent use.
 *
 * <p>A date has a million loans or more, every one of them kept until the last file is read. As objects (a map entry,
 * a record, the id string) they would be copied from one heap generation to the next at every collection, which cost
 * more than reading the files; so they are kept in a hash table of plain arrays, with the ids' characters end to end
 * in one array, which the collector never has to look into.
 */
public final class DuplicateLoans {

    private static final int FIRST_CAPACITY = 1 << 16;

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

    /** Bank and county codes by number, so that a table slot holds two ints instead of two strings. */
    private final Map<String, Integer> codeNumbers = new HashMap<>();
    private final List<String> codes = new ArrayList<>();

    // The table, by slot: the kept occurrence's place (0: empty slot), the key's hash, where its loan id's characters
    // are in ids and how many, its bank's and its county's code numbers.
    private long[] places = new long[FIRST_CAPACITY];
    private int[] hashes = new int[FIRST_CAPACITY];
    private int[] idStarts = new int[FIRST_CAPACITY];
    private int[] idLengths = new int[FIRST_CAPACITY];
    private int[] banks = new int[FIRST_CAPACITY];
    private int[] counties = new int[FIRST_CAPACITY];
    private int size;
    private char[] ids = new char[FIRST_CAPACITY * 16];
    private int idsUsed;

    private final List<Later> later = new ArrayList<>();

    /** An accepted loan read at {@code line} of file {@code fileSeq} (from 1, in file name order). */
    public synchronized void seen(String bankCode, String loanId, String countyCode, int fileSeq, long line) {
        if (fileSeq < 1) {
            throw new IllegalArgumentException("ledger files count from 1: " + fileSeq);
        }
        long place = place(fileSeq, line);
        int bank = number(bankCode);
        int hash = loanId.hashCode() * 31 + bank;
        int slot = find(hash, bank, loanId);
        long kept = places[slot];
        if (kept == 0) {
            add(slot, place, hash, bank, loanId, number(countyCode));
        } else if (kept < place) {
            later.add(new Later(bankCode, loanId, countyCode, place));
        } else {
            later.add(new Later(bankCode, loanId, codes.get(counties[slot]), kept));
            places[slot] = place;
            counties[slot] = number(countyCode);
        }
    }

    /**
     * Once every file is read: the duplicates found in one file, in line order, each naming where the first
     * occurrence is.
     *
     * @param fileName the name a reject shows for a file sequence number
     */
    public synchronized List<Reject> rejects(int fileSeq, IntFunction<String> fileName) {
        List<Reject> rejects = new ArrayList<>();
        later.stream().filter(o -> fileSeqOf(o.place()) == fileSeq).sorted(Comparator.comparingLong(Later::place))
                .forEach(o -> {
                    int bank = codeNumbers.get(o.bankCode());
                    long first = places[find(o.loanId().hashCode() * 31 + bank, bank, o.loanId())];
                    rejects.add(Reject.duplicate(fileName.apply(fileSeq), lineOf(o.place()), o.bankCode(), o.loanId(),
                            o.countyCode(), fileName.apply(fileSeqOf(first)) + " 第" + lineOf(first) + "行"));
                });
        return rejects;
    }

    private int number(String code) {
        Integer n = codeNumbers.get(code);
        if (n == null) {
            n = codes.size();
            codes.add(code);
            codeNumbers.put(code, n);
        }
        return n;
    }

    /** The slot of a bank's loan id: where it is, or the empty slot where it belongs (linear probing). */
    private int find(int hash, int bank, String loanId) {
        int mask = places.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            if (places[slot] == 0 || hashes[slot] == hash && banks[slot] == bank && sameId(slot, loanId)) {
                return slot;
            }
        }
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private boolean sameId(int slot, String loanId) {
        int length = idLengths[slot];
        if (length != loanId.length()) {
            return false;
        }
        int start = idStarts[slot];
        for (int i = 0; i < length; i++) {
            if (ids[start + i] != loanId.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void add(int slot, long place, int hash, int bank, String loanId, int county) {
        if (idsUsed + loanId.length() > ids.length) {
            ids = Arrays.copyOf(ids, Math.max(ids.length * 2, idsUsed + loanId.length()));
        }
        loanId.getChars(0, loanId.length(), ids, idsUsed);
        places[slot] = place;
        hashes[slot] = hash;
        idStarts[slot] = idsUsed;
        idLengths[slot] = loanId.length();
        banks[slot] = bank;
        counties[slot] = county;
        idsUsed += loanId.length();
        if (++size * 2 > places.length) {
            grow();
        }
    }

    /** Doubles the table, at most half full, moving each entry to its slot in the larger one. */
    private void grow() {
        long[] oldPlaces = places;
        int[] oldHashes = hashes;
        int[] oldStarts = idStarts;
        int[] oldLengths = idLengths;
        int[] oldBanks = banks;
        int[] oldCounties = counties;
        int capacity = oldPlaces.length * 2;
        places = new long[capacity];
        hashes = new int[capacity];
        idStarts = new int[capacity];
        idLengths = new int[capacity];
        banks = new int[capacity];
        counties = new int[capacity];
        int mask = capacity - 1;
        for (int old = 0; old < oldPlaces.length; old++) {
            if (oldPlaces[old] == 0) {
                continue;
            }
            int slot = spread(oldHashes[old]) & mask;
            while (places[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            places[slot] = oldPlaces[old];
            hashes[slot] = oldHashes[old];
            idStarts[slot] = oldStarts[old];
            idLengths[slot] = oldLengths[old];
            banks[slot] = oldBanks[old];
            counties[slot] = oldCounties[old];
        }
    }
}
