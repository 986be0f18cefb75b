package cn.microcredit.monitor.rules;

import java.time.LocalDate;
import java.util.Optional;

import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Loan;

/**
 * Risk classification (金融资产风险分类): a loan past due is at least special mention; over 90 days at least
 * substandard, over 270 doubtful, over 360 loss. A milder class understates the NPL the tolerance is measured on.
 */
final class ClassificationFloorRule implements LoanRule {

    @Override
    public Rule rule() {
        return Rule.MISCLASSIFIED;
    }

    /** The mildest class allowed for so many days overdue. */
    static Classification floor(int overdueDays) {
        if (overdueDays > 360) {
            return Classification.LOSS;
        }
        if (overdueDays > 270) {
            return Classification.DOUBTFUL;
        }
        if (overdueDays > 90) {
            return Classification.SUBSTANDARD;
        }
        return overdueDays > 0 ? Classification.SPECIAL_MENTION : Classification.NORMAL;
    }

    @Override
    public Optional<String> check(Loan loan, LocalDate asOf) {
        Classification floor = floor(loan.overdueDays());
        if (loan.classification().compareTo(floor) >= 0) {
            return Optional.empty();
        }
        return Optional.of("逾期 " + loan.overdueDays() + " 天分类为" + loan.classification().label() + "，应至少为"
                + floor.label());
    }
}
