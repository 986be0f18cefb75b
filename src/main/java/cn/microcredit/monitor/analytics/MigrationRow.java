package cn.microcredit.monitor.analytics;

import java.math.BigDecimal;

import cn.microcredit.monitor.metrics.Percent;


/**
 * One (from, to) pair of a migration matrix (SPEC 5.4). Money in yuan, on the comparison date.
 *
 * @param bankCode    "" for the province-wide matrix
 * @param balance     balance on the comparison date of the loans that moved from → to
 * @param fromBalance balance on the comparison date of all loans (of the bank, or province-wide) in the from state
 */
public record MigrationRow(String bankCode, Migration.Dimension dimension, String fromState, String toState,
                           long loanCount, BigDecimal balance, BigDecimal fromBalance) {

    /** Share of the from state's balance that went to the to state, in percent, rounded half-up to 2 places. */
    public BigDecimal ratePct() {
        return Percent.of(balance, fromBalance);
    }
}
