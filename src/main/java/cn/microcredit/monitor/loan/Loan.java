package cn.microcredit.monitor.loan;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One accepted ledger row: a loan as its bank reported it on the as-of date.
 *
 * @param amount        contract amount in yuan, &gt; 0
 * @param balance       outstanding principal in yuan, &ge; 0; 0 means settled
 * @param annualRatePct executed annual rate in percent (3.45 means 3.45 %), 0–24
 * @param overdueDays   days principal or interest is past due, &ge; 0
 */
public record Loan(
        String bankCode,
        String loanId,
        String countyCode,
        String householdId,
        String borrowerName,
        String borrowerIdNumber,
        LocalDate issueDate,
        LocalDate maturityDate,
        BigDecimal amount,
        BigDecimal balance,
        BigDecimal annualRatePct,
        int overdueDays,
        Classification classification,
        int renewalCount,
        Purpose purpose,
        Guarantee guarantee,
        boolean largeNeed) {

    public Regime regime() {
        return Regime.of(issueDate);
    }

    /** Only outstanding loans enter metrics and exceptions. */
    public boolean outstanding() {
        return balance.signum() > 0;
    }
}
