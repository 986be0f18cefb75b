package cn.microcredit.monitor.rules;

import java.time.LocalDate;
import java.util.Optional;

import cn.microcredit.monitor.loan.Loan;

/** Data quality: the ID number must pass the GB 11643 check and hold a possible birth date. */
final class IdNumberRule implements LoanRule {

    @Override
    public Rule rule() {
        return Rule.INVALID_ID_NUMBER;
    }

    @Override
    public Optional<String> check(Loan loan, LocalDate asOf) {
        return IdNumber.problem(loan.borrowerIdNumber(), asOf).map(p -> "身份证号无效：" + p);
    }
}
