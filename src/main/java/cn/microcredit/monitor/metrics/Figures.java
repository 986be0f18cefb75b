package cn.microcredit.monitor.metrics;

import java.math.BigDecimal;

/**
 * Exact sums over a group of outstanding loans (SPEC 5.1). All money in yuan.
 *
 * @param overdueBalance    balance of loans with overdue days &gt; 0
 * @param nplBalance        balance of loans classified substandard, doubtful or loss
 * @param overdue90Balance  balance of loans with overdue days &gt; 90
 * @param estCentralSubsidy one year of central interest subsidy on today's balances of assistance loans (一(六),
 *                          capped per household: {@link HouseholdSubsidy})
 * @param overdueLoanCount  loans counted in overdueBalance: beside the rate, how many loans it rests on
 * @param nplLoanCount      loans counted in nplBalance
 */
public record Figures(long loanCount, BigDecimal balance, BigDecimal overdueBalance, BigDecimal nplBalance,
                      BigDecimal overdue90Balance, BigDecimal estCentralSubsidy, long overdueLoanCount,
                      long nplLoanCount) {

    public static final Figures ZERO = new Figures(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);

    /** Sums without the loan counts (figures read back for growth, which needs only balances). */
    public Figures(long loanCount, BigDecimal balance, BigDecimal overdueBalance, BigDecimal nplBalance,
                   BigDecimal overdue90Balance, BigDecimal estCentralSubsidy) {
        this(loanCount, balance, overdueBalance, nplBalance, overdue90Balance, estCentralSubsidy, 0, 0);
    }

    public Figures plus(Figures o) {
        return new Figures(loanCount + o.loanCount, balance.add(o.balance), overdueBalance.add(o.overdueBalance),
                nplBalance.add(o.nplBalance), overdue90Balance.add(o.overdue90Balance),
                estCentralSubsidy.add(o.estCentralSubsidy), overdueLoanCount + o.overdueLoanCount,
                nplLoanCount + o.nplLoanCount);
    }

    /** Overdue rate in percent, rounded half-up to 2 places for output; null without balance. */
    public BigDecimal overdueRatePct() {
        return Percent.of(overdueBalance, balance);
    }

    public BigDecimal nplRatePct() {
        return Percent.of(nplBalance, balance);
    }

    /** Share of NPL covered by 90+ days overdue balance; above 100 hints at understated NPL. Null when NPL is 0. */
    public BigDecimal overdue90ToNplPct() {
        return Percent.of(overdue90Balance, nplBalance);
    }
}
