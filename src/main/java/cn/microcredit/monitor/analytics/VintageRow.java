package cn.microcredit.monitor.analytics;

import java.math.BigDecimal;

import cn.microcredit.monitor.loan.Regime;
import cn.microcredit.monitor.metrics.Percent;

/**
 * One issue cohort (SPEC 5.4 vintage): the accepted loans of a bank (bankCode "" province-wide) issued in one
 * calendar quarter ({@code 2025-Q3}) under one regime, settled ones included. Money in yuan.
 *
 * @param amount     Σ contract amount
 * @param balance    Σ balance today
 * @param nplBalance Σ balance of those classified substandard, doubtful or loss
 */
public record VintageRow(String bankCode, String issueQuarter, Regime regime, long loanCount, BigDecimal amount,
                         BigDecimal balance, BigDecimal nplBalance) {

    /** NPL balance as a share of the amount lent, in percent, rounded half-up to 2 places. */
    public BigDecimal nplToAmountPct() {
        return Percent.of(nplBalance, amount);
    }
}
