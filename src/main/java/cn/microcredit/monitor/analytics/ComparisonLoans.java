package cn.microcredit.monitor.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.microcredit.monitor.keys.Fingerprint;
import cn.microcredit.monitor.keys.KeyIndex;
import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.metrics.AgeingState;

/**
 * The loans outstanding on the comparison date, as migration needs them (SPEC 5.4), without holding them as objects:
 * a {@link KeyIndex} by (bank_code, loan_id) whose value packs the bank (12 bits), the ageing state (3 bits), the
 * classification (3 bits) and the balance in cents (46 bits, up to 7 × 10^11 yuan; balances are at most 10^9 yuan,
 * SPEC 3.1 OUT_OF_RANGE), 20 bytes a loan, plus one byte a loan that marks the loans found again today. 4 M loans
 * take some 84 MB (docs/benchmarks.md).
 *
 * <p>Build: a {@link #batch} per reading thread, then
 * {@link #sort} once; then {@link #find} and {@link #markFound} from any number of threads (each loan is found by the
 * one thread that reads today's loan of that key).
 */
public final class ComparisonLoans {

    static final int MAX_BANKS = 1 << 12;
    private static final int CENTS_BITS = 46;
    private static final long CENTS_MASK = (1L << CENTS_BITS) - 1;

    private final KeyIndex index;
    private final List<String> banks = new ArrayList<>();
    private final Map<String, Integer> bankIndex = new HashMap<>();
    private byte[] found;

    /** @param capacity the number of loans expected (the comparison date's stored loans) */
    public ComparisonLoans(int capacity) {
        this.index = new KeyIndex(capacity);
    }

    /** A reading thread's loans, a few thousand at a time, added to the index in one locked step. */
    public Batch batch() {
        return new Batch();
    }

    /** See {@link #batch}. Not thread-safe; {@link #flush} when the thread is done. */
    public final class Batch {
        private final String[] bankCodes = new String[4096];
        private final long[] keys = new long[bankCodes.length];
        private final int[] checks = new int[bankCodes.length];
        private final long[] values = new long[bankCodes.length];
        private int size;

        private Batch() {
        }

        /** One loan of the comparison date; loans that were not outstanding then are left out. */
        public void accept(String bankCode, String loanId, long balanceCents, int overdueDays,
                           Classification classification) {
            if (balanceCents <= 0) {
                return;
            }
            if (balanceCents > CENTS_MASK) {
                throw new IllegalArgumentException("balance out of range: " + balanceCents + " cents");
            }
            bankCodes[size] = bankCode;
            keys[size] = Fingerprint.of(bankCode, loanId);
            checks[size] = Fingerprint.check(bankCode, loanId);
            values[size] = (long) AgeingState.of(overdueDays).ordinal() << 49
                    | (long) classification.ordinal() << CENTS_BITS | balanceCents;
            if (++size == keys.length) {
                flush();
            }
        }

        public void flush() {
            synchronized (ComparisonLoans.this) {
                for (int i = 0; i < size; i++) {
                    index.add(keys[i], checks[i], (long) bankNumberFor(bankCodes[i]) << 52 | values[i]);
                    bankCodes[i] = null;
                }
            }
            size = 0;
        }
    }

    private int bankNumberFor(String bankCode) {
        Integer bank = bankIndex.get(bankCode);
        if (bank == null) {
            if (banks.size() == MAX_BANKS) {
                throw new IllegalStateException("more than " + MAX_BANKS + " banks on the comparison date");
            }
            bank = banks.size();
            banks.add(bankCode);
            bankIndex.put(bankCode, bank);
        }
        return bank;
    }

    public synchronized ComparisonLoans sort() {
        index.sort();
        found = new byte[index.size()];
        return this;
    }

    public int size() {
        return index.size();
    }

    /** The banks of the comparison date, in the order first seen; a bank's position is its number here. */
    public List<String> banks() {
        return banks;
    }

    /** The bank's number, or -1 when it had no outstanding loan on the comparison date. */
    public int bankNumber(String bankCode) {
        Integer n = bankIndex.get(bankCode);
        return n == null ? -1 : n;
    }

    /** Position of the loan, or -1 when it was not outstanding on the comparison date. */
    public int find(String bankCode, String loanId) {
        return index.first(Fingerprint.of(bankCode, loanId), Fingerprint.check(bankCode, loanId));
    }

    public void markFound(int position) {
        found[position] = 1;
    }

    public boolean found(int position) {
        return found[position] != 0;
    }

    public int bank(int position) {
        return (int) (index.value(position) >>> 52);
    }

    public AgeingState ageing(int position) {
        return AgeingState.at((int) (index.value(position) >>> 49) & 7);
    }

    public Classification classification(int position) {
        return Classification.values()[(int) (index.value(position) >>> CENTS_BITS) & 7];
    }

    public long balanceCents(int position) {
        return index.value(position) & CENTS_MASK;
    }
}
