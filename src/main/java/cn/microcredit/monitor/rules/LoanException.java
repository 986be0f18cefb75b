package cn.microcredit.monitor.rules;

/** One (loan, rule) that fired: a row of {@code exceptions.csv}. Severity comes with the rule. */
public record LoanException(String bankCode, String loanId, String countyCode, String householdId, Rule rule,
                            String detail) {
}
