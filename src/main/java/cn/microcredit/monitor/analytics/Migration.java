package cn.microcredit.monitor.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.metrics.AgeingState;

/**
 * Migration matrices (迁徙, SPEC 5.4) of the loans outstanding on the comparison date, per bank: for each (from, to)
 * pair of states, once by classification and once by ageing, the number of loans and their balance on the comparison
 * date (in cents). The banks are numbered as in {@link ComparisonLoans}. One instance per reading thread;
 * {@link #merge} joins them.
 */
public final class Migration {

    /** The two ways a loan's state is counted. */
    public enum Dimension {
        CLASSIFICATION(Classification.values().length),
        AGEING(AgeingState.values().length);

        private final int fromStates;

        Dimension(int fromStates) {
            this.fromStates = fromStates;
        }

        /** States a loan can be in on the comparison date; today also SETTLED and MISSING, numbered after them. */
        public int fromStates() {
            return fromStates;
        }

        public int settled() {
            return fromStates;
        }

        public int missing() {
            return fromStates + 1;
        }

        public int toStates() {
            return fromStates + 2;
        }

        /** The state's name as written in migration.csv. */
        public String label(int state) {
            if (state == settled()) {
                return "SETTLED";
            }
            if (state == missing()) {
                return "MISSING";
            }
            return this == CLASSIFICATION ? Classification.values()[state].name() : AgeingState.at(state).label();
        }

        /** Whether loans in this state today count toward the projected rate (SPEC 5.4 p_npl, p_overdue). */
        public boolean adverse(int toState) {
            if (toState >= fromStates) {
                return false;
            }
            return this == CLASSIFICATION ? Classification.values()[toState].nonPerforming()
                    : AgeingState.at(toState).overdue();
        }

        int offset() {
            return this == CLASSIFICATION ? 0 : CLASSIFICATION.fromStates * CLASSIFICATION.toStates();
        }
    }

    static final int CELLS = Dimension.AGEING.offset() + Dimension.AGEING.fromStates() * Dimension.AGEING.toStates();

    private long[][] counts = new long[0][];
    private long[][] cents = new long[0][];

    /** A loan of the given bank moved from one state to another (of {@code dimension}); balance of the earlier date. */
    public void add(int bank, Dimension dimension, int from, int to, long balanceCents) {
        grow(bank);
        int cell = dimension.offset() + from * dimension.toStates() + to;
        counts[bank][cell]++;
        cents[bank][cell] += balanceCents;
    }

    /** A loan of the comparison date, followed to today in both dimensions. */
    public void add(int bank, Classification fromClass, int toClass, AgeingState fromAgeing, int toAgeing,
                    long balanceCents) {
        add(bank, Dimension.CLASSIFICATION, fromClass.ordinal(), toClass, balanceCents);
        add(bank, Dimension.AGEING, fromAgeing.ordinal(), toAgeing, balanceCents);
    }

    /**
     * Counts the loans outstanding on the comparison date that no loan of today matched as MISSING.
     *
     * @param followed the positions in {@code before} of the loans that a loan of today matched
     */
    public void addMissing(ComparisonLoans before, BitSet followed) {
        for (int i = 0; i < before.size(); i++) {
            if (before.outstanding(i) && !followed.get(i)) {
                add(before.bank(i), before.classification(i), Dimension.CLASSIFICATION.missing(),
                        before.ageing(i), Dimension.AGEING.missing(), before.balanceCents(i));
            }
        }
    }

    private void grow(int bank) {
        if (bank >= counts.length) {
            int n = bank + 1;
            counts = Arrays.copyOf(counts, n);
            cents = Arrays.copyOf(cents, n);
            for (int b = 0; b < n; b++) {
                if (counts[b] == null) {
                    counts[b] = new long[CELLS];
                    cents[b] = new long[CELLS];
                }
            }
        }
    }

    public Migration merge(Migration other) {
        for (int b = 0; b < other.counts.length; b++) {
            grow(b);
            for (int c = 0; c < CELLS; c++) {
                counts[b][c] += other.counts[b][c];
                cents[b][c] += other.cents[b][c];
            }
        }
        return this;
    }

    /** Balance in cents on the comparison date of the bank's loans (all banks: bank -1) that went from → to. */
    public long cents(int bank, Dimension dimension, int from, int to) {
        return sum(cents, bank, dimension.offset() + from * dimension.toStates() + to);
    }

    public long count(int bank, Dimension dimension, int from, int to) {
        return sum(counts, bank, dimension.offset() + from * dimension.toStates() + to);
    }

    /** Balance in cents on the comparison date of the bank's loans (bank -1: all banks) in a from state. */
    public long fromCents(int bank, Dimension dimension, int from) {
        long total = 0;
        for (int to = 0; to < dimension.toStates(); to++) {
            total += cents(bank, dimension, from, to);
        }
        return total;
    }

    /** Of that balance, the part in an adverse state today (NPL class, resp. overdue): SPEC 5.4's share numerator. */
    public long adverseCents(int bank, Dimension dimension, int from) {
        long total = 0;
        for (int to = 0; to < dimension.fromStates(); to++) {
            if (dimension.adverse(to)) {
                total += cents(bank, dimension, from, to);
            }
        }
        return total;
    }

    private long sum(long[][] table, int bank, int cell) {
        if (bank >= 0) {
            return bank < table.length ? table[bank][cell] : 0;
        }
        long total = 0;
        for (long[] b : table) {
            total += b[cell];
        }
        return total;
    }

    /**
     * The non-empty (from, to) pairs: province-wide (bank_code "") first, then each bank in code order; within each,
     * classification before ageing, states in their order.
     *
     * @param bankCodes the banks' codes by number
     */
    public List<MigrationRow> rows(List<String> bankCodes) {
        List<MigrationRow> rows = new ArrayList<>();
        addRows(rows, -1, "");
        bankCodes.stream().sorted().forEach(code -> addRows(rows, bankCodes.indexOf(code), code));
        return rows;
    }

    private void addRows(List<MigrationRow> rows, int bank, String bankCode) {
        for (Dimension d : Dimension.values()) {
            for (int from = 0; from < d.fromStates(); from++) {
                long fromCents = fromCents(bank, d, from);
                for (int to = 0; to < d.toStates(); to++) {
                    long n = count(bank, d, from, to);
                    if (n > 0) {
                        rows.add(new MigrationRow(bankCode, d, d.label(from), d.label(to), n,
                                BigDecimal.valueOf(cents(bank, d, from, to), 2), BigDecimal.valueOf(fromCents, 2)));
                    }
                }
            }
        }
    }
}
