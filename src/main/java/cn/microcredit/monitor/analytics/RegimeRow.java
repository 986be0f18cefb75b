package cn.microcredit.monitor.analytics;

import java.math.BigDecimal;

import cn.microcredit.monitor.loan.Regime;
import cn.microcredit.monitor.metrics.Percent;

/**
 * The figures of SPEC 5.1 for the outstanding loans of one regime in one county (countyCode "" province-wide).
 * Money in yuan.
 */
public record RegimeRow(String countyCode, Regime regime, long loanCount, BigDecimal balance,
                        BigDecimal overdueBalance, BigDecimal nplBalance) {

    public BigDecimal overdueRatePct() {
        return Percent.of(overdueBalance, balance);
    }

    public BigDecimal nplRatePct() {
        return Percent.of(nplBalance, balance);
    }
}
