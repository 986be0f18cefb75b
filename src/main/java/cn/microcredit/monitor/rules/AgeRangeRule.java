package cn.microcredit.monitor.rules;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Regime;

/**
 * 一(九): the applicant is 18周岁（含）— 65周岁（含）, in whole years on the issue date, birth date from the ID number.
 * Only assistance loans: the old terms had no such rule. An ID number without a real birth date is left to
 * {@link IdNumberRule}.
 */
final class AgeRangeRule implements LoanRule {

    private final int minAge;
    private final int maxAge;

    AgeRangeRule(int minAge, int maxAge) {
        this.minAge = minAge;
        this.maxAge = maxAge;
    }

    @Override
    public Rule rule() {
        return Rule.AGE_OUT_OF_RANGE;
    }

    @Override
    public Optional<String> check(Loan loan, LocalDate asOf) {
        if (loan.regime() != Regime.ASSISTANCE) {
            return Optional.empty();
        }
        return IdNumber.birthDate(loan.borrowerIdNumber())
                .filter(birth -> !birth.isAfter(loan.issueDate()))
                .map(birth -> Period.between(birth, loan.issueDate()).getYears())
                .filter(age -> age < minAge || age > maxAge)
                .map(age -> "发放日借款人 " + age + " 周岁，不在 " + minAge + "—" + maxAge + " 周岁之间");
    }
}
