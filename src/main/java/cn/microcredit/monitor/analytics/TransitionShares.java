package cn.microcredit.monitor.analytics;

import cn.microcredit.monitor.analytics.Migration.Dimension;
import cn.microcredit.monitor.metrics.AgeingState;

/**
 * The shares of SPEC 5.4's projection, from the migration since the comparison date: for bank b and classification
 * c, {@code p_npl(b, c)} = the comparison-date balance of b's loans in c that are non-performing today / the
 * comparison-date balance of all b's loans in c (SETTLED and MISSING loans count in the denominator); {@code
 * p_overdue(b, a)} likewise for ageing state a and "overdue today". Where b had no balance in the state, the
 * province-wide share; where nobody had, 1 for a non-performing class (resp. an overdue bucket) and 0 otherwise: a loan
 * already there is taken to stay there, one that is performing to stay performing, for want of evidence.
 */
public final class TransitionShares {

    private final Migration migration;

    public TransitionShares(Migration migration) {
        this.migration = migration;
    }

    /**
     * @param bank      the bank's number in {@link ComparisonLoans}, or -1 for a bank without loans then
     * @param dimension CLASSIFICATION for p_npl, AGEING for p_overdue
     * @param state     the loan's state today (an ordinal of {@code Classification}, resp. {@link AgeingState})
     */
    public Fraction share(int bank, Dimension dimension, int state) {
        if (bank >= 0) {
            long whole = migration.fromCents(bank, dimension, state);
            if (whole > 0) {
                return Fraction.of(migration.adverseCents(bank, dimension, state), whole);
            }
        }
        long whole = migration.fromCents(-1, dimension, state);
        if (whole > 0) {
            return Fraction.of(migration.adverseCents(-1, dimension, state), whole);
        }
        return dimension.adverse(state) ? Fraction.of(1, 1) : Fraction.ZERO;
    }
}
