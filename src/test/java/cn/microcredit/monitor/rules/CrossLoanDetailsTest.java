package cn.microcredit.monitor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The detail texts of the rules that look across loans: each names the figures an analyst checks. */
class CrossLoanDetailsTest {

    @Test
    void householdOverLimitNamesTheTotalAndTheLimitInYuan() {
        assertThat(CrossLoanDetails.householdOverLimit(2, new BigDecimal("120000.00"), new BigDecimal("100000")))
                .isEqualTo("该户 2 笔未结清帮扶小额信贷金额合计 120,000.00 元，超过 100,000.00 元");
    }

    @Test
    void householdTotalIsRoundedHalfUpOnlyInTheText() {
        assertThat(CrossLoanDetails.householdOverLimit(3, new BigDecimal("100000.005"), new BigDecimal("100000")))
                .isEqualTo("该户 3 笔未结清帮扶小额信贷金额合计 100,000.01 元，超过 100,000.00 元");
    }

    @Test
    void multipleOutstandingNamesTheLoansAndTheBanks() {
        assertThat(CrossLoanDetails.multipleOutstanding(3, "2"))
                .isEqualTo("该户共有 3 笔未结清贷款，分布于 2 家机构（以户为单位发放）");
    }

    @Test
    void notOnRosterNamesTheIssueDate() {
        assertThat(CrossLoanDetails.notOnRoster(LocalDate.of(2026, 3, 10)))
                .isEqualTo("发放日 2026-03-10 该户不在防止返贫致贫对象或原建档立卡脱贫人口名单中");
    }

    @Test
    void rosterCountyMismatchNamesBothCounties() {
        assertThat(CrossLoanDetails.rosterCountyMismatch("210102", "210103"))
                .isEqualTo("名单登记县区 210102，贷款县区 210103");
    }

    @Test
    void rateChangedNamesBothRatesWithoutTrailingZeros() {
        assertThat(CrossLoanDetails.rateChanged(new BigDecimal("3.4500"), "3.85", LocalDate.of(2026, 5, 31)))
                .isEqualTo("执行年利率由 3.45%（2026-05-31）变为 3.85%，合同期内利率应保持不变");
    }

    @Test
    void rateChangedWritesWholeRatesPlainlyNotInExponentForm() {
        assertThat(CrossLoanDetails.rateChanged(new BigDecimal("10.00"), "20.0", LocalDate.of(2026, 5, 31)))
                .isEqualTo("执行年利率由 10%（2026-05-31）变为 20%，合同期内利率应保持不变");
    }

    @Test
    void lendingAfterPauseNamesTheIssueDateAndThePreviousDate() {
        assertThat(CrossLoanDetails.lendingAfterPause(LocalDate.of(2026, 6, 5), LocalDate.of(2026, 5, 31)))
                .isEqualTo("发放于 2026-06-05；上期（2026-05-31）该机构在本县区为暂停发放");
    }
}
