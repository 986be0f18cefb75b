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
 * rejected {@code DUPLICATE_LOAN}), first meaning first in file order, then line. Files may be read in parallel, each
 * on its own thread through its own {@link File}; once all are closed, {@link #rejects} tells the duplicates of each.
 *
 * <p>A date has a million loans or more. Looking each up as it is read means a random access into a table of them all
 * (and, with objects, a million map entries for the collector to copy between generations), which cost more than
 * reading the files. So each file only appends its loans to plain arrays, and at the end all are sorted once by the
 * hash of the loan id: the occurrences of a loan end up side by side, in file and line order.
 */
public final class DuplicateLoans {

    /** Distinct loans sharing one hash beyond which they are told apart by a map rather than one by one. */
    private static final int FEW = 8;

    private final List<File> files = new ArrayList<>();
    private final java.util.Set<Integer> fileSeqs = new java.util.HashSet<>();
    private List<Later> later;

    /** A later occurrence of a loan, and where the first one is. */
    private record Later(int fileSeq, long line, String bankCode, String loanId, String countyCode, int firstFileSeq,
                         long firstLine) {
    }

    /**
     * The loans of one file (from 1, in file name order; one {@code File} each), handed over in line order on one
     * thread. Closing it hands them to the search.
     */
    public synchronized File file(int fileSeq) {
        if (fileSeq < 1 || !fileSeqs.add(fileSeq)) {
            throw new IllegalArgumentException("not a new ledger file number: " + fileSeq);
        }
        return new File(fileSeq);
    }

    /** The loans of one file, kept in arrays: the ids' characters end to end, codes by number. */
    public final class File implements AutoCloseable {
        private final int fileSeq;
        private int size;
        private int[] hashes = new int[1024];
        private long[] lines = new long[1024];
        private int[] idEnds = new int[1024];
        /** The bank's number in the high 16 bits, the county's in the low 16. */
        private int[] codeNumbers = new int[1024];
        private char[] ids = new char[16 * 1024];
        private int idsUsed;
        private final Map<String, Integer> numbers = new HashMap<>();
        private final List<String> codes = new ArrayList<>();
        private boolean closed;

        private File(int fileSeq) {
            this.fileSeq = fileSeq;
        }

        /** An accepted loan read at {@code line}, after the lines of the loans before it. */
        public void seen(String bankCode, String loanId, String countyCode, long line) {
            if (size > 0 && line <= lines[size - 1]) {
                throw new IllegalArgumentException("line " + line + " after line " + lines[size - 1]);
            }
            if (size == hashes.length) {
                int more = size * 2;
                hashes = Arrays.copyOf(hashes, more);
                lines = Arrays.copyOf(lines, more);
                idEnds = Arrays.copyOf(idEnds, more);
                codeNumbers = Arrays.copyOf(codeNumbers, more);
            }
            if (idsUsed + loanId.length() > ids.length) {
                ids = Arrays.copyOf(ids, Math.max(ids.length * 2, idsUsed + loanId.length()));
            }
            loanId.getChars(0, loanId.length(), ids, idsUsed);
            idsUsed += loanId.length();
            hashes[size] = loanId.hashCode();
            lines[size] = line;
            idEnds[size] = idsUsed;
            codeNumbers[size] = number(bankCode) << 16 | number(countyCode);
            size++;
        }

        private int number(String code) {
            Integer n = numbers.get(code);
            if (n == null) {
                if (codes.size() > 0xFFFF) {
                    throw new IllegalStateException("more than 65,535 bank and county codes in one file");
                }
                n = codes.size();
                numbers.put(code, n);
                codes.add(code);
            }
            return n;
        }

        String bankCode(int i) {
            return codes.get(codeNumbers[i] >>> 16);
        }

        String countyCode(int i) {
            return codes.get(codeNumbers[i] & 0xFFFF);
        }

        String loanId(int i) {
            int start = i == 0 ? 0 : idEnds[i - 1];
            return new String(ids, start, idEnds[i] - start);
        }

        boolean sameLoan(int i, File other, int j) {
            int start = i == 0 ? 0 : idEnds[i - 1];
            int otherStart = j == 0 ? 0 : other.idEnds[j - 1];
            return Arrays.equals(ids, start, idEnds[i], other.ids, otherStart, other.idEnds[j])
                    && bankCode(i).equals(other.bankCode(j));
        }

        /** This file's loans by id hash, then line: its share of the sorting, done on its own thread. */
        private long[] byHash;

        /** Hands this file's loans to the search. */
        @Override
        public void close() {
            if (byHash == null) {
                byHash = new long[size];
                for (int i = 0; i < size; i++) {
                    byHash[i] = (long) hashes[i] << 32 | i;
                }
                Arrays.sort(byHash);
            }
            synchronized (DuplicateLoans.this) {
                if (!closed) {
                    closed = true;
                    files.add(this);
                }
            }
        }
    }

    /**
     * Once every file is closed: the duplicates found in one file, in line order, each naming where the first
     * occurrence is.
     *
     * @param fileName the name a reject shows for a file sequence number
     */
    public synchronized List<Reject> rejects(int fileSeq, IntFunction<String> fileName) {
        if (files.size() < fileSeqs.size()) {
            throw new IllegalStateException("duplicates asked for while a file is still being read");
        }
        if (later == null) {
            later = findLater();
        }
        List<Reject> rejects = new ArrayList<>();
        for (Later l : later) {
            if (l.fileSeq() == fileSeq) {
                rejects.add(Reject.duplicate(fileName.apply(fileSeq), l.line(), l.bankCode(), l.loanId(),
                        l.countyCode(), fileName.apply(l.firstFileSeq()) + " 第" + l.firstLine() + "行"));
            }
        }
        return rejects;
    }

    /**
     * Numbers all loans in file, then line order; merges the files' lists sorted by loan id hash, which keeps that
     * order among equal hashes; and in each run of equal hashes sets every occurrence of a loan after its first aside.
     */
    private List<Later> findLater() {
        List<File> ordered = new ArrayList<>(files);
        ordered.sort(Comparator.comparingInt(f -> f.fileSeq));
        int total = ordered.stream().mapToInt(f -> f.size).sum();
        File[] fileOf = new File[total];
        int[] indexIn = new int[total];
        int[] firstOf = new int[ordered.size()];
        int n = 0;
        for (int k = 0; k < ordered.size(); k++) {
            File f = ordered.get(k);
            firstOf[k] = n;
            for (int i = 0; i < f.size; i++, n++) {
                fileOf[n] = f;
                indexIn[n] = i;
            }
        }
        // Merged by hash; among equal hashes the lower number, that is the earlier file, then the earlier line.
        long[] byHash = new long[total];
        int[] next = new int[ordered.size()];
        for (int m = 0; m < total; m++) {
            int lowest = -1;
            long lowestKey = 0;
            for (int k = 0; k < next.length; k++) {
                File f = ordered.get(k);
                if (next[k] < f.size) {
                    long entry = f.byHash[next[k]];
                    long key = (entry & 0xFFFF_FFFF_0000_0000L) | (firstOf[k] + (int) entry);
                    if (lowest < 0 || key < lowestKey) {
                        lowest = k;
                        lowestKey = key;
                    }
                }
            }
            byHash[m] = lowestKey;
            next[lowest]++;
        }
        List<Later> found = new ArrayList<>();
        for (int from = 0; from < total; ) {
            int to = from + 1;
            while (to < total && byHash[to] >>> 32 == byHash[from] >>> 32) {
                to++;
            }
            if (to - from > 1) {
                sameHash(byHash, from, to, fileOf, indexIn, found);
            }
            from = to;
        }
        found.sort(Comparator.comparingInt(Later::fileSeq).thenComparingLong(Later::line));
        return found;
    }

    /** Occurrences sharing one hash, in file and line order: each one that repeats an earlier loan is set aside. */
    private static void sameHash(long[] byHash, int from, int to, File[] fileOf, int[] indexIn, List<Later> found) {
        List<Integer> firsts = new ArrayList<>();
        Map<String, Integer> firstByKey = null;
        for (int k = from; k < to; k++) {
            int n = (int) byHash[k];
            File f = fileOf[n];
            int i = indexIn[n];
            Integer first = null;
            if (firstByKey != null) {
                first = firstByKey.get(f.bankCode(i) + '\u0000' + f.loanId(i));
            } else {
                for (int candidate : firsts) {
                    if (fileOf[candidate].sameLoan(indexIn[candidate], f, i)) {
                        first = candidate;
                        break;
                    }
                }
            }
            if (first == null) {
                firsts.add(n);
                if (firstByKey == null && firsts.size() > FEW) {
                    firstByKey = new HashMap<>();
                    for (int m : firsts) {
                        firstByKey.put(fileOf[m].bankCode(indexIn[m]) + '\u0000' + fileOf[m].loanId(indexIn[m]), m);
                    }
                } else if (firstByKey != null) {
                    firstByKey.put(f.bankCode(i) + '\u0000' + f.loanId(i), n);
                }
            } else {
                File ff = fileOf[first];
                found.add(new Later(f.fileSeq, f.lines[i], f.bankCode(i), f.loanId(i), f.countyCode(i), ff.fileSeq,
                        ff.lines[indexIn[first]]));
            }
        }
    }
}
