package cn.microcredit.monitor.metrics;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every tunable parameter of the policy, with the notice's values as defaults. Override on the command line as
 * {@code --monitor.rules.npl-margin-pp=2.5}. Units are in the names: {@code Pp} percentage points, {@code Pct}
 * percent, {@code Yuan} yuan.
 *
 * @param nplMarginPp             tolerance above the bank's overall NPL ratio (三(一): 3 个百分点以内)
 * @param warnBandPp              overdue rate within this many points below the threshold is a warning (四(三))
 * @param growthPp                overdue rate rising this many points since the previous date is a warning (四(三))
 * @param subsidyShare            central subsidy as a share of the loan rate (一(六): 70 %)
 * @param subsidyMaxPp            central subsidy ceiling in points (一(六): 2.5 个百分点)
 * @param subsidyCapYuan          subsidised balance per loan (一(六): 5 万元)
 * @param subsidyLargeCapYuan     subsidised balance for a large production need (一(六): 10 万元)
 * @param amountLimitYuan         largest assistance loan (一(二): 10万元（含）以下)
 * @param legacyAmountLimitYuan   largest loan under the old 脱贫人口小额信贷 terms (5万元)
 * @param maxTermYears            longest term without renewal (一(三): 3年期（含）以内)
 * @param minAge                  youngest borrower in whole years on the issue date (一(九): 18周岁（含）)
 * @param maxAge                  oldest borrower in whole years on the issue date (一(九): 65周岁（含）)
 * @param maxRenewals             renewals or extensions allowed (二(三): 可续贷或展期1次)
 * @param householdLimitYuan      sum of a household's outstanding assistance loans (一(一)、一(二): 以户为单位, 10万元)
 * @param comparisonBasis         which earlier stored date growth, prev_status and the history rules compare with
 *                                (SPEC 5.2; {@code month-end} or {@code previous-run})
 */
@ConfigurationProperties("monitor.rules")
public record MonitorRules(
        @DefaultValue("3.00") BigDecimal nplMarginPp,
        @DefaultValue("1.00") BigDecimal warnBandPp,
        @DefaultValue("1.00") BigDecimal growthPp,
        @DefaultValue("0.70") BigDecimal subsidyShare,
        @DefaultValue("2.50") BigDecimal subsidyMaxPp,
        @DefaultValue("50000") BigDecimal subsidyCapYuan,
        @DefaultValue("100000") BigDecimal subsidyLargeCapYuan,
        @DefaultValue("100000") BigDecimal amountLimitYuan,
        @DefaultValue("50000") BigDecimal legacyAmountLimitYuan,
        @DefaultValue("3") int maxTermYears,
        @DefaultValue("18") int minAge,
        @DefaultValue("65") int maxAge,
        @DefaultValue("1") int maxRenewals,
        @DefaultValue("100000") BigDecimal householdLimitYuan,
        @DefaultValue("month-end") ComparisonBasis comparisonBasis) {

    /** The same rules with other tolerance parameters (SPEC 5.2). */
    public MonitorRules withTolerance(BigDecimal nplMarginPp, BigDecimal warnBandPp, BigDecimal growthPp) {
        return new MonitorRules(nplMarginPp, warnBandPp, growthPp, subsidyShare, subsidyMaxPp, subsidyCapYuan,
                subsidyLargeCapYuan, amountLimitYuan, legacyAmountLimitYuan, maxTermYears, minAge, maxAge, maxRenewals,
                householdLimitYuan, comparisonBasis);
    }

    /** The policy's values: the {@code @DefaultValue}s above, as Spring binds them when nothing overrides them. */
    public static MonitorRules defaults() {
        return new Binder(List.of()).bindOrCreate("monitor.rules", MonitorRules.class);
    }
}
