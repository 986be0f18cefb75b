package cn.microcredit.monitor.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.metrics.RiskAssessment;

/**
 * The two rules of SPEC 5.3 that look back at the comparison date (SPEC 5.2):
 * <ul>
 *   <li>{@code RATE_CHANGED} (一(四) 利率在合同期内保持不变): the same loan (bank code, loan id) was accepted on the
 *       comparison date with another annual rate, compared exactly at the stored 6 decimals;</li>
 *   <li>{@code LENDING_AFTER_PAUSE} (四(三) 暂停发放): the loan was issued after the comparison date in a bank × county
 *       cell that was PAUSE on that date.</li>
 * </ul>
 * Without a comparison date neither fires; when that date's loans were purged ({@code --purge-before}) only
 * {@code RATE_CHANGED} cannot, its metrics being kept.
 */
public final class HistoryRules {

    private final LocalDate comparisonAsOf;
    private final ComparisonRates comparisonRates;
    private final Set<String> pausedCells;

    /**
     * @param comparisonAsOf  the comparison date
     * @param comparisonRates the annual rate of every loan accepted on it; null when its loans are no longer stored
     * @param pausedCells     its PAUSE cells, as {@link RiskAssessment#key(String, String)} of county and bank
     */
    public HistoryRules(LocalDate comparisonAsOf, ComparisonRates comparisonRates, Set<String> pausedCells) {
        this.comparisonAsOf = comparisonAsOf;
        this.comparisonRates = comparisonRates;
        this.pausedCells = pausedCells;
    }

    public List<LoanRules.Finding> check(Loan loan) {
        List<LoanRules.Finding> found = new ArrayList<>(0);
        if (comparisonRates != null) {
            long rate = comparisonRates.rateMillionths(loan.bankCode(), loan.loanId());
            if (rate != ComparisonRates.NOT_ACCEPTED) {
                BigDecimal before = BigDecimal.valueOf(rate, 6);
                if (before.compareTo(loan.annualRatePct()) != 0) {
                    found.add(new LoanRules.Finding(Rule.RATE_CHANGED, CrossLoanDetails.rateChanged(before,
                            loan.annualRatePct().toPlainString(), comparisonAsOf)));
                }
            }
        }
        if (loan.issueDate().isAfter(comparisonAsOf)
                && pausedCells.contains(RiskAssessment.key(loan.countyCode(), loan.bankCode()))) {
            found.add(new LoanRules.Finding(Rule.LENDING_AFTER_PAUSE,
                    CrossLoanDetails.lendingAfterPause(loan.issueDate(), comparisonAsOf)));
        }
        return found;
    }
}
