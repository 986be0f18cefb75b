package cn.microcredit.monitor.report.brief;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import cn.microcredit.monitor.metrics.CellResult;
import cn.microcredit.monitor.metrics.Figures;
import cn.microcredit.monitor.metrics.Status;
import cn.microcredit.monitor.reference.Bank;
import cn.microcredit.monitor.reference.County;
import cn.microcredit.monitor.report.Comparison;
import cn.microcredit.monitor.report.ReportData;

/**
 * What 概览 says for one scope (the province or a sub-bureau), worked out in plain Java from the run's cells and the
 * comparison date's: the headline figures then and now, every PAUSE and WARN county with the bank cells that make it
 * so (a county is PAUSE when any bank's cell is, SPEC 5.2), how each moved since the comparison date, and the counties
 * whose flag was lifted.
 *
 * @param now            sums over the scope's counties today
 * @param before         the same on the comparison date (counties of the scope that had loans then), or null
 * @param statusesNow    number of counties per status today
 * @param statusesBefore the same on the comparison date (empty without one)
 * @param flagged        every PAUSE and WARN county of the scope, worst first
 * @param lifted         counties flagged on the comparison date and no longer flagged (OK, or no loans)
 */
public record Briefing(String scope, LocalDate asOf, LocalDate comparisonAsOf, Figures now, Figures before,
                       Map<Status, Long> statusesNow, Map<Status, Long> statusesBefore, List<FlaggedCounty> flagged,
                       List<LiftedCounty> lifted) {

    /**
     * A bank × county cell that is PAUSE or WARN, and so flags its county.
     *
     * @param change against the same cell's status on the comparison date (null without one)
     */
    public record Trigger(String bankCode, String bankName, CellResult cell, StatusChange change) {
    }

    /**
     * A flagged county with the bank cells that flag it, worst cell first.
     *
     * @param before its status on the comparison date (null: no loans then, or no comparison date)
     * @param change 新增 / 持续 / 升级 / 缓解 (null without a comparison date)
     */
    public record FlaggedCounty(County county, CellResult cell, Status before, StatusChange change,
                                List<Trigger> triggers) {

        public Status status() {
            return cell.status();
        }
    }

    /**
     * A county whose flag was lifted.
     *
     * @param before its status on the comparison date (PAUSE or WARN)
     * @param now    its row today, or null when it has no outstanding loans left
     */
    public record LiftedCounty(County county, Status before, CellResult now) {
    }

    public static Briefing of(ReportData data, String scope, Predicate<String> countyFilter) {
        Comparison comparison = data.comparison();
        List<CellResult> counties = data.countyCells().stream().filter(c -> countyFilter.test(c.countyCode()))
                .sorted(ReportData.WORST_FIRST).toList();
        List<CellResult> previous = comparison.counties().stream().filter(c -> countyFilter.test(c.countyCode()))
                .toList();
        Map<String, Status> countyBefore = comparison.countyStatus();
        Map<String, Status> cellBefore = comparison.cellStatus();
        boolean compared = comparison.present();

        List<FlaggedCounty> flagged = new ArrayList<>();
        for (CellResult c : counties) {
            if (c.status() != Status.PAUSE && c.status() != Status.WARN) {
                continue;
            }
            List<Trigger> triggers = data.bankCountyCells().stream()
                    .filter(b -> b.countyCode().equals(c.countyCode()))
                    .filter(b -> b.status() == Status.PAUSE || b.status() == Status.WARN)
                    .sorted(ReportData.WORST_FIRST)
                    .map(b -> new Trigger(b.bankCode(), bankName(data, b.bankCode()), b,
                            StatusChange.of(compared, cellBefore.get(b.countyCode() + "|" + b.bankCode()), b.status())))
                    .toList();
            Status before = countyBefore.get(c.countyCode());
            flagged.add(new FlaggedCounty(data.county(c.countyCode()), c, before,
                    StatusChange.of(compared, before, c.status()), triggers));
        }

        Map<String, CellResult> today = new java.util.HashMap<>();
        counties.forEach(c -> today.put(c.countyCode(), c));
        List<LiftedCounty> lifted = new ArrayList<>();
        for (CellResult p : previous.stream().sorted(ReportData.WORST_FIRST).toList()) {
            CellResult n = today.get(p.countyCode());
            if (StatusChange.of(compared, p.status(), n == null ? null : n.status()) == StatusChange.LIFTED) {
                County county = data.county(p.countyCode());
                lifted.add(new LiftedCounty(county != null ? county : unknown(p.countyCode()), p.status(), n));
            }
        }
        return new Briefing(scope, data.summary().asOf(), comparison.asOf(), sum(counties),
                compared ? sum(previous) : null, count(counties), count(previous), List.copyOf(flagged),
                List.copyOf(lifted));
    }

    /** Flagged counties of one status. */
    public List<FlaggedCounty> flagged(Status status) {
        return flagged.stream().filter(f -> f.status() == status).toList();
    }

    public long counties(Status status) {
        return statusesNow.getOrDefault(status, 0L);
    }

    /** Counties of a status on the comparison date; null without one. */
    public Long countiesBefore(Status status) {
        return comparisonAsOf == null ? null : statusesBefore.getOrDefault(status, 0L);
    }

    private static Figures sum(List<CellResult> cells) {
        return cells.stream().map(CellResult::figures).reduce(Figures.ZERO, Figures::plus);
    }

    private static Map<Status, Long> count(List<CellResult> cells) {
        Map<Status, Long> map = new java.util.EnumMap<>(Status.class);
        cells.forEach(c -> map.merge(c.status(), 1L, Long::sum));
        return map;
    }

    private static String bankName(ReportData data, String code) {
        Bank bank = data.banks().get(code);
        return bank == null ? code : bank.name();
    }

    /** A county of the comparison date the current reference no longer has (a --counties file changed). */
    private static County unknown(String code) {
        return new County(code, code, "", "", "");
    }
}
