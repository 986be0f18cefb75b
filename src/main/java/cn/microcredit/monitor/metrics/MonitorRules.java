package cn.microcredit.monitor.metrics;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
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
 */
@ConfigurationProperties("monitor.rules")
public record MonitorRules(
        @DefaultValue("3.00") BigDecimal nplMarginPp,
        @DefaultValue("1.00") BigDecimal warnBandPp,
        @DefaultValue("1.00") BigDecimal growthPp,
        @DefaultValue("0.70") BigDecimal subsidyShare,
        @DefaultValue("2.50") BigDecimal subsidyMaxPp,
        @DefaultValue("50000") BigDecimal subsidyCapYuan,
        @DefaultValue("100000") BigDecimal subsidyLargeCapYuan) {

    public static MonitorRules defaults() {
        return new MonitorRules(new BigDecimal("3.00"), new BigDecimal("1.00"), new BigDecimal("1.00"),
                new BigDecimal("0.70"), new BigDecimal("2.50"), new BigDecimal("50000"), new BigDecimal("100000"));
    }
}
