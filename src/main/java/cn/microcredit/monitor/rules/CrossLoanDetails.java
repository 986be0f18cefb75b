package cn.microcredit.monitor.rules;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The detail texts of the rules that need more than one loan to see: across banks, against the roster, against the
 * previous stored date. The loans themselves are found set-based in the database.
 */
public final class CrossLoanDetails {

    private CrossLoanDetails() {
    }

    public static String multipleOutstanding(long loans, String banks) {
        return "该户共有 " + loans + " 笔未结清贷款，分布于 " + banks + " 家机构（以户为单位发放）";
    }

    public static String householdOverLimit(long loans, BigDecimal total, BigDecimal limit) {
        return "该户 " + loans + " 笔未结清帮扶小额信贷金额合计 " + Money.yuan(total) + "，超过 " + Money.yuan(limit);
    }

    public static String notOnRoster(LocalDate issueDate) {
        return "发放日 " + issueDate + " 该户不在防止返贫致贫对象或原建档立卡脱贫人口名单中";
    }

    public static String rosterCountyMismatch(String rosterCounty, String loanCounty) {
        return "名单登记县区 " + rosterCounty + "，贷款县区 " + loanCounty;
    }

    public static String rateChanged(BigDecimal previousRatePct, String ratePct, LocalDate previousAsOf) {
        return "执行年利率由 " + previousRatePct.stripTrailingZeros().toPlainString() + "%（" + previousAsOf + "）变为 "
                + new BigDecimal(ratePct).stripTrailingZeros().toPlainString() + "%，合同期内利率应保持不变";
    }

    public static String lendingAfterPause(LocalDate issueDate, LocalDate previousAsOf) {
        return "发放于 " + issueDate + "；上期（" + previousAsOf + "）该机构在本县区为暂停发放";
    }
}
