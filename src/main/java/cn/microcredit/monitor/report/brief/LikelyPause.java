package cn.microcredit.monitor.report.brief;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import cn.microcredit.monitor.analytics.Analytics;
import cn.microcredit.monitor.analytics.OutlookRow;
import cn.microcredit.monitor.metrics.CellResult;
import cn.microcredit.monitor.metrics.Level;
import cn.microcredit.monitor.reference.County;
import cn.microcredit.monitor.report.ReportData;

/**
 * The early warning of 概览 (金发〔2026〕2号 四(三) 及时预警; SPEC 5.4): the counties of a scope whose outlook is
 * LIKELY_PAUSE, each with the bank cells that make it so (LIKELY_PAUSE cells: not PAUSE today, projected overdue or NPL
 * rate above that bank's threshold). The outlook never changes a status; this only lists it.
 *
 * @param counties worst first (as {@link ReportData#WORST_FIRST}); empty without a comparison date
 */
public record LikelyPause(List<Warned> counties) {

    /** A LIKELY_PAUSE county, its row today and its projection, and its LIKELY_PAUSE cells with theirs. */
    public record Warned(County county, CellResult cell, OutlookRow outlook, List<Projected> cells) {
    }

    /** A bank × county cell and its projection. */
    public record Projected(String bankName, CellResult cell, OutlookRow outlook) {
    }

    public static LikelyPause of(ReportData data, Predicate<String> countyFilter) {
        Map<String, OutlookRow> outlook = data.analytics().outlookByKey();
        List<Warned> list = new ArrayList<>();
        for (CellResult c : data.countyCells().stream().filter(c -> countyFilter.test(c.countyCode()))
                .sorted(ReportData.WORST_FIRST).toList()) {
            OutlookRow o = of(outlook, c);
            if (o == null || !o.likelyPause()) {
                continue;
            }
            List<Projected> cells = data.bankCountyCells().stream()
                    .filter(b -> b.countyCode().equals(c.countyCode()))
                    .sorted(ReportData.WORST_FIRST)
                    .filter(b -> of(outlook, b) != null && of(outlook, b).likelyPause())
                    .map(b -> new Projected(data.banks().get(b.bankCode()) == null ? b.bankCode()
                            : data.banks().get(b.bankCode()).name(), b, of(outlook, b)))
                    .toList();
            list.add(new Warned(data.county(c.countyCode()), c, o, cells));
        }
        return new LikelyPause(List.copyOf(list));
    }

    /** The projection of a county or bank × county cell, or null (no comparison date, or none computed). */
    public static OutlookRow of(Map<String, OutlookRow> outlook, CellResult c) {
        return outlook.get(Analytics.key(c.level(), c.countyCode(), c.level() == Level.COUNTY ? "" : c.bankCode()));
    }

    /** The 预测 column in words: 可能暂停 for LIKELY_PAUSE, else empty. */
    public static String label(OutlookRow o) {
        return o != null && o.likelyPause() ? "可能暂停" : "";
    }
}
