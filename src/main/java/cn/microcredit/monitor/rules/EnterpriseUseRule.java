package cn.microcredit.monitor.rules;

import java.time.LocalDate;
import java.util.Optional;

import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Purpose;

/** 一(八), 四(二): 不能以入股分红、转贷、指标交换等方式交由企业或其他组织使用 (户贷企用). */
final class EnterpriseUseRule implements LoanRule {

    @Override
    public Rule rule() {
        return Rule.ENTERPRISE_USE;
    }

    @Override
    public Optional<String> check(Loan loan, LocalDate asOf) {
        return loan.purpose() == Purpose.ENTERPRISE_USE
                ? Optional.of("贷款交由企业使用（入股分红、转贷等），属户贷企用")
                : Optional.empty();
    }
}
