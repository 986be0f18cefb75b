package cn.microcredit.monitor.rules;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Regime;

/**
 * 一(九): the applicant is 18周岁（含）— 65周岁（含）, in whole years on the issue date, birth date from the ID number.
 * Only assistance loans: the old terms had no such rule. An ID number without a possible birth date (none, before
 * 1900, after the as-of date) is left to {@link IdNumberRule}; a possible one after the issue date means the borrower
 * was not yet born, so certainly under 18.
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
        LocalDate issue = loan.issueDate();
        return IdNumber.birthDate(loan.borrowerIdNumber())
                .filter(birth -> IdNumber.possibleBirthDate(birth, asOf))
                .flatMap(birth -> birth.isAfter(issue)
                        ? Optional.of("发放日 " + issue + " 借款人尚未出生（出生日期 " + birth + "），不满 " + minAge + " 周岁")
                        : outOfRange(Period.between(birth, issue).getYears()));
    }

    private Optional<String> outOfRange(int age) {
        return age < minAge || age > maxAge
                ? Optional.of("发放日借款人 " + age + " 周岁，不在 " + minAge + "—" + maxAge + " 周岁之间")
                : Optional.empty();
    }
}
