package cn.microcredit.monitor.analytics;

import java.math.BigDecimal;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import cn.microcredit.monitor.analytics.Migration.Dimension;
import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Regime;
import cn.microcredit.monitor.metrics.AgeingState;

/**
 * Everything SPEC 5.4 needs of today's loans, in one pass beside the sums of 5.1: the regime split per county, the
 * vintage per bank × issue quarter × regime (every accepted loan, settled ones too), each loan of the comparison date
 * followed to today (migration), and per bank × county cell the balance in each classification and ageing state (what
 * the projection weighs). Money in cents. One instance per reading thread; {@link #merge} joins them.
 */
public final class AnalyticsSums implements Consumer<Loan> {

    private static final int CLASSES = Classification.values().length;
    static final int STATES = CLASSES + AgeingState.values().length;

    /** Per county, per regime: loans, balance, overdue balance, NPL balance (outstanding loans). */
    final Map<String, long[]> regimes = new HashMap<>();
    /** Per bank, quarter and regime: loans, amount, balance, NPL balance (all accepted loans). */
    final Map<VintageKey, long[]> vintages = new HashMap<>();
    /** Per bank × county cell: balance per classification, then per ageing state (outstanding loans). */
    final Map<CellKey, long[]> cellStates = new HashMap<>();
    final Migration migration = new Migration();
    private final ComparisonLoans before;
    /** The positions in {@link #before} of the loans that a loan of today matched: the others are MISSING. */
    final BitSet followed;

    record VintageKey(String bankCode, int quarter, Regime regime) {
        /** The calendar quarter of a date as year × 4 + quarter − 1. */
        static int quarterOf(java.time.LocalDate d) {
            return d.getYear() * 4 + (d.getMonthValue() - 1) / 3;
        }

        String quarterLabel() {
            return Math.floorDiv(quarter, 4) + "-Q" + (Math.floorMod(quarter, 4) + 1);
        }
    }

    record CellKey(String countyCode, String bankCode) {
    }

    /** @param before the loans of the comparison date, or null without one (then nothing is followed) */
    public AnalyticsSums(ComparisonLoans before) {
        this.before = before;
        this.followed = before == null ? null : new BitSet(before.size());
    }

    @Override
    public void accept(Loan loan) {
        long balance = cents(loan.balance());
        boolean npl = loan.classification().nonPerforming();
        Regime regime = loan.regime();
        long[] v = vintages.computeIfAbsent(new VintageKey(loan.bankCode(), VintageKey.quarterOf(loan.issueDate()),
                regime), k -> new long[4]);
        v[0]++;
        v[1] += cents(loan.amount());
        v[2] += balance;
        if (npl) {
            v[3] += balance;
        }
        if (before != null) {
            follow(loan, balance);
        }
        if (balance == 0) {
            return;
        }
        AgeingState ageing = AgeingState.of(loan.overdueDays());
        long[] r = regimes.computeIfAbsent(loan.countyCode(), k -> new long[8]);
        int at = regime.ordinal() * 4;
        r[at]++;
        r[at + 1] += balance;
        if (ageing.overdue()) {
            r[at + 2] += balance;
        }
        if (npl) {
            r[at + 3] += balance;
        }
        long[] states = cellStates.computeIfAbsent(new CellKey(loan.countyCode(), loan.bankCode()),
                k -> new long[STATES]);
        states[loan.classification().ordinal()] += balance;
        states[CLASSES + ageing.ordinal()] += balance;
    }

    /** Migration: today's state of a loan that was outstanding on the comparison date. */
    private void follow(Loan loan, long balance) {
        int at = before.find(loan.bankCode(), loan.loanId());
        if (at < 0) {
            return;
        }
        followed.set(at);
        boolean settled = balance == 0;
        migration.add(before.bank(at), before.classification(at),
                settled ? Dimension.CLASSIFICATION.settled() : loan.classification().ordinal(),
                before.ageing(at), settled ? Dimension.AGEING.settled() : AgeingState.of(loan.overdueDays()).ordinal(),
                before.balanceCents(at));
    }

    public AnalyticsSums merge(AnalyticsSums o) {
        o.regimes.forEach((k, a) -> addAll(regimes.computeIfAbsent(k, x -> new long[a.length]), a));
        o.vintages.forEach((k, a) -> addAll(vintages.computeIfAbsent(k, x -> new long[a.length]), a));
        o.cellStates.forEach((k, a) -> addAll(cellStates.computeIfAbsent(k, x -> new long[a.length]), a));
        migration.merge(o.migration);
        if (followed != null) {
            followed.or(o.followed);
        }
        return this;
    }

    private static void addAll(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    static long cents(BigDecimal yuan) {
        return yuan.movePointRight(2).longValueExact();
    }
}
