package cn.microcredit.monitor.rules;

import java.time.LocalDate;
import java.util.Optional;

import cn.microcredit.monitor.loan.Loan;

/** A rule that one outstanding loan breaks or not, seen on its own. */
public interface LoanRule {

    Rule rule();

    /** The detail of the breach in Chinese (amounts, limits), or empty when the loan keeps the rule. */
    Optional<String> check(Loan loan, LocalDate asOf);
}
