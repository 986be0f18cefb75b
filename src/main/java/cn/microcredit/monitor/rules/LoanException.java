package cn.microcredit.monitor.rules;

import cn.microcredit.monitor.loan.Loan;

/** One (loan, rule) that fired: a row of {@code exceptions.csv}. Severity comes with the rule. */
public record LoanException(Loan loan, Rule rule, String detail) {
}
