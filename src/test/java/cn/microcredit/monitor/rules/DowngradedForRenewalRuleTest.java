package cn.microcredit.monitor.rules;

import static cn.microcredit.monitor.rules.TestLoans.loan;
import static cn.microcredit.monitor.rules.TestLoans.onlyDetail;
import static cn.microcredit.monitor.rules.TestLoans.rulesBrokenBy;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Loan;

/** 三(一): 不因续贷单独下调贷款风险分类 (SPEC 5.3 DOWNGRADED_FOR_RENEWAL). */
class DowngradedForRenewalRuleTest {

    @Test
    void renewedCurrentLoanClassedSpecialMentionIsFlaggedForReview() {
        Loan loan = loan().renewals(1).overdue(0, Classification.SPECIAL_MENTION).build();

        assertThat(rulesBrokenBy(loan)).containsExactly(Rule.DOWNGRADED_FOR_RENEWAL);
        assertThat(onlyDetail(loan)).isEqualTo("续贷展期 1 次，未逾期，分类为关注：请核实是否因续贷单独下调分类");
        assertThat(Rule.DOWNGRADED_FOR_RENEWAL.severity()).isEqualTo(Severity.LOW);
    }

    @Test
    void renewedCurrentLoanClassedLossIsFlaggedToo() {
        assertThat(rulesBrokenBy(loan().renewals(1).overdue(0, Classification.LOSS).build()))
                .containsExactly(Rule.DOWNGRADED_FOR_RENEWAL);
    }

    @Test
    void renewedCurrentLoanClassedNormalIsFine() {
        assertThat(rulesBrokenBy(loan().renewals(1).overdue(0, Classification.NORMAL).build())).isEmpty();
    }

    @Test
    void neverRenewedLoanIsNotThisRulesConcern() {
        assertThat(rulesBrokenBy(loan().renewals(0).overdue(0, Classification.SPECIAL_MENTION).build())).isEmpty();
    }

    @Test
    void oneDayOverdueExplainsTheClassAndIsNotFlagged() {
        // Overdue 1 day: special mention is the floor (MISCLASSIFIED's concern), not a downgrade for the renewal.
        assertThat(rulesBrokenBy(loan().renewals(1).overdue(1, Classification.SPECIAL_MENTION).build())).isEmpty();
    }

    @Test
    void secondRenewalBreaksTheRenewalLimitAsWell() {
        assertThat(rulesBrokenBy(loan().renewals(2).overdue(0, Classification.SUBSTANDARD).build()))
                .containsExactly(Rule.RENEWAL_OVER_LIMIT, Rule.DOWNGRADED_FOR_RENEWAL);
    }
}
