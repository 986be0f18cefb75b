package cn.microcredit.monitor.rules;

import static cn.microcredit.monitor.rules.TestLoans.loan;
import static cn.microcredit.monitor.rules.TestLoans.onlyDetail;
import static cn.microcredit.monitor.rules.TestLoans.rulesBrokenBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Regime;

/** 一(二): an assistance loan is 10万元（含）以下; a legacy 脱贫人口小额信贷 loan 5万元 at most (SPEC 4, 5.3). */
class AmountLimitRuleTest {

    private static final LocalDate LAST_LEGACY_DAY = LocalDate.of(2026, 2, 25);
    private static final LocalDate NOTICE_DATE = LocalDate.of(2026, 2, 26);

    @Test
    void assistanceAmountExactlyAtTheLimitIsWithin() {
        assertThat(rulesBrokenBy(loan().amount("100000.00").balance("1000.00").build())).isEmpty();
    }

    @Test
    void assistanceAmountOneCentOverTheLimitIsOverLimit() {
        Loan loan = loan().amount("100000.01").balance("1000.00").build();

        assertThat(rulesBrokenBy(loan)).containsExactly(Rule.AMOUNT_OVER_LIMIT);
        assertThat(onlyDetail(loan)).isEqualTo("贷款金额 100,000.01 元 超过帮扶小额信贷上限 100,000.00 元");
    }

    @Test
    void legacyAmountExactlyAtTheLimitIsWithin() {
        Loan loan = loan().issuedOn(LAST_LEGACY_DAY).amount("50000.00").balance("1000.00").build();

        assertThat(loan.regime()).isEqualTo(Regime.LEGACY);
        assertThat(rulesBrokenBy(loan)).isEmpty();
    }

    @Test
    void legacyAmountOneCentOverTheLimitIsOverLimit() {
        Loan loan = loan().issuedOn(LAST_LEGACY_DAY).amount("50000.01").balance("1000.00").build();

        assertThat(rulesBrokenBy(loan)).containsExactly(Rule.AMOUNT_OVER_LIMIT);
        assertThat(onlyDetail(loan)).isEqualTo("贷款金额 50,000.01 元 超过脱贫人口小额信贷上限 50,000.00 元");
    }

    @Test
    void sixtyThousandIssuedTheDayBeforeTheNoticeIsOverTheLegacyLimit() {
        Loan loan = loan().issuedOn(LAST_LEGACY_DAY).amount("60000.00").balance("1000.00").build();

        assertThat(loan.regime()).isEqualTo(Regime.LEGACY);
        assertThat(rulesBrokenBy(loan)).containsExactly(Rule.AMOUNT_OVER_LIMIT);
        assertThat(onlyDetail(loan)).isEqualTo("贷款金额 60,000.00 元 超过脱贫人口小额信贷上限 50,000.00 元");
    }

    @Test
    void sixtyThousandIssuedOnTheNoticeDateIsWithinTheAssistanceLimit() {
        Loan loan = loan().issuedOn(NOTICE_DATE).amount("60000.00").balance("1000.00").build();

        assertThat(loan.regime()).isEqualTo(Regime.ASSISTANCE);
        assertThat(rulesBrokenBy(loan)).isEmpty();
    }

    @Test
    void amountsCompareByValueNotByScale() {
        assertThat(rulesBrokenBy(loan().amount("100000").balance("1000").build())).isEmpty();
        assertThat(rulesBrokenBy(loan().amount("100000.0000").balance("1000").build())).isEmpty();
    }
}
