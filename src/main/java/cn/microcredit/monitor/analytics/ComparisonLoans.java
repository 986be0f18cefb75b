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
 * The loans stored for the comparison date, as migration (SPEC 5.4) and {@code RATE_CHANGED} (SPEC 5.3) need them,
 * read once for both steps and without holding them as objects: a {@link KeyIndex} by (bank_code, loan_id) whose
 * value packs the bank (12 bits), the ageing state (3 bits), the classification (3 bits) and the balance in cents
 * (46 bits, up to 7 × 10^11 yuan; balances are at most 10^9 yuan, SPEC 3.1 OUT_OF_RANGE), and whose 32-bit value
 * beside it is the annual rate in millionths of a percent point (at most 24 %, 24,000,000). Every stored loan is
 * there, because a rate is compared whatever the balance; a loan with balance 0 then (settled) is kept with a packed
 * value of 0 and is not {@link #outstanding}, so migration never sees it.
 *
 * <p>Bytes a loan: 24 in the index (key 8, check 4, value 8, rate 4) and 4 to 8 for its directory of top bits
 * (4.2 at 1 M and at 4 M loans): some 28, so 4 M loans take about 113 MB (docs/benchmarks.md). Which of them a loan
 * of today matched, migration keeps itself (a bit a loan and reading thread, {@link AnalyticsSums}): the index does
 * not change once sorted, and one step can hand it to the next.
 *
 * <p>Build: a {@link #batch} per reading thread, then {@link #sort} once; then {@link #find} and
 * {@link #rateMillionths} from any number of threads.
 */
public final class ComparisonLoans {

    static final int MAX_BANKS = 1 << 12;
    private static final int CENTS_BITS = 46;
    private static final long CENTS_MASK = (1L << CENTS_BITS) - 1;

    private final KeyIndex index;
    /** Each thread's last lookup ({@link #stored}); valid once the index is sorted, which is before any lookup. */
    private final ThreadLocal<LastLookup> lastLookup = ThreadLocal.withInitial(LastLookup::new);
    private final List<String> banks = new ArrayList<>();
    private final Map<String, Integer> bankIndex = new HashMap<>();
    private int outstandingCount;

    /** @param capacity the number of loans expected (the comparison date's stored loans) */
    public ComparisonLoans(int capacity) {
        this.index = KeyIndex.withIntValues(capacity);
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
        private final int[] rates = new int[bankCodes.length];
        private int size;

        private Batch() {
        }

        /**
         * One loan of the comparison date.
         *
         * @param rateMillionths the annual rate unscaled at 6 decimals (3.85 % is 3,850,000)
         */
        public void accept(String bankCode, String loanId, long balanceCents, long rateMillionths, int overdueDays,
                           Classification classification) {
            if (balanceCents > CENTS_MASK) {
                throw new IllegalArgumentException("balance out of range: " + balanceCents + " cents");
            }
            if (rateMillionths < 0 || rateMillionths > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("rate out of range: " + rateMillionths + " millionths of a percent");
            }
            boolean outstanding = balanceCents > 0;
            bankCodes[size] = outstanding ? bankCode : null;
            keys[size] = Fingerprint.of(bankCode, loanId);
            checks[size] = Fingerprint.check(bankCode, loanId);
            values[size] = outstanding ? (long) AgeingState.of(overdueDays).ordinal() << 49
                    | (long) classification.ordinal() << CENTS_BITS | balanceCents : 0;
            rates[size] = (int) rateMillionths;
            if (++size == keys.length) {
                flush();
            }
        }

        public void flush() {
            synchronized (ComparisonLoans.this) {
                for (int i = 0; i < size; i++) {
                    long bank = 0;
                    if (bankCodes[i] != null) {
                        bank = (long) bankNumberFor(bankCodes[i]) << 52;
                        bankCodes[i] = null;
                        outstandingCount++;
                    }
                    index.add(keys[i], checks[i], bank | values[i], rates[i]);
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
        return this;
    }

    /** Every stored loan of the comparison date, settled ones included; positions run from 0 to this. */
    public int size() {
        return index.size();
    }

    /** The loans outstanding on the comparison date (balance above 0): those migration follows. */
    public int outstandingCount() {
        return outstandingCount;
    }

    /**
     * The banks with outstanding loans on the comparison date, in the order first seen; a bank's number is its
     * position here.
     */
    public List<String> banks() {
        return banks;
    }

    /** The bank's number, or -1 when it had no outstanding loan on the comparison date. */
    public int bankNumber(String bankCode) {
        Integer n = bankIndex.get(bankCode);
        return n == null ? -1 : n;
    }

    /** Position of the loan, or -1 when it was not outstanding on the comparison date (not stored, or settled). */
    public int find(String bankCode, String loanId) {
        int at = stored(bankCode, loanId);
        return at >= 0 && outstanding(at) ? at : -1;
    }

    /**
     * The loan's annual rate on the comparison date, unscaled at 6 decimals, or -1 when it was not accepted then;
     * settled loans included.
     */
    public long rateMillionths(String bankCode, String loanId) {
        int at = stored(bankCode, loanId);
        return at < 0 ? -1 : index.intValue(at);
    }

    /**
     * Position of the stored loan, or -1. Migration and {@code RATE_CHANGED} ask for each loan of today in turn on
     * the same thread, so each thread remembers its last answer: a lookup is a few misses of the processor's cache in
     * an index of tens of megabytes (at 1 M loans the two lookups were a fifth of the metrics step's pass). The
     * texts are compared by identity, those of the one loan object both ask about: equal keys, so a right answer
     * even for another loan that shared them.
     */
    private int stored(String bankCode, String loanId) {
        LastLookup last = lastLookup.get();
        if (last.loanId != loanId || last.bankCode != bankCode) {
            last.position = index.first(Fingerprint.of(bankCode, loanId), Fingerprint.check(bankCode, loanId));
            last.bankCode = bankCode;
            last.loanId = loanId;
        }
        return last.position;
    }

    private static final class LastLookup {
        private String bankCode;
        private String loanId;
        private int position;
    }

    /** Whether the loan at a position had a balance above 0 on the comparison date. */
    public boolean outstanding(int position) {
        return balanceCents(position) > 0;
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
