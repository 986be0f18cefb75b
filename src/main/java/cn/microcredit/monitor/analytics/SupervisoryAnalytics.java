package cn.microcredit.monitor.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.microcredit.monitor.analytics.AnalyticsSums.CellKey;
import cn.microcredit.monitor.analytics.AnalyticsSums.VintageKey;
import cn.microcredit.monitor.analytics.Migration.Dimension;
import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Regime;
import cn.microcredit.monitor.metrics.CellResult;
import cn.microcredit.monitor.metrics.Level;
import cn.microcredit.monitor.metrics.Status;

/** From the sums of one pass over today's loans to the figures of SPEC 5.4. */
public final class SupervisoryAnalytics {

    private static final int CLASSES = Classification.values().length;

    private SupervisoryAnalytics() {
    }

    /**
     * @param sums           today's loans, summed (with the comparison date's loans followed, when given)
     * @param before         the loans of the comparison date, or null without one
     * @param comparisonAsOf the comparison date, or null
     * @param results        today's assessed cells and counties (SPEC 5.2): their statuses and thresholds
     */
    public static Analytics of(AnalyticsSums sums, ComparisonLoans before, LocalDate comparisonAsOf,
                               List<CellResult> results) {
        List<RegimeRow> regimes = regimes(sums);
        List<VintageRow> vintages = vintages(sums);
        if (before == null || comparisonAsOf == null) {
            return new Analytics(null, regimes, List.of(), vintages, List.of());
        }
        sums.migration.addMissing(before, sums.followed);
        List<MigrationRow> migration = sums.migration.rows(before.banks());
        List<OutlookRow> outlook = outlook(sums, before, new TransitionShares(sums.migration), results);
        return new Analytics(comparisonAsOf, regimes, migration, vintages, outlook);
    }

    private static List<RegimeRow> regimes(AnalyticsSums sums) {
        long[] province = new long[8];
        Map<String, long[]> byCounty = new TreeMap<>(sums.regimes);
        byCounty.values().forEach(r -> {
            for (int i = 0; i < r.length; i++) {
                province[i] += r[i];
            }
        });
        List<RegimeRow> rows = new ArrayList<>();
        addRegimes(rows, "", province);
        byCounty.forEach((county, r) -> addRegimes(rows, county, r));
        return rows;
    }

    private static void addRegimes(List<RegimeRow> rows, String county, long[] r) {
        for (Regime regime : Regime.values()) {
            int at = regime.ordinal() * 4;
            if (r[at] > 0) {
                rows.add(new RegimeRow(county, regime, r[at], yuan(r[at + 1]), yuan(r[at + 2]), yuan(r[at + 3])));
            }
        }
    }

    private static List<VintageRow> vintages(AnalyticsSums sums) {
        Comparator<VintageKey> order = Comparator.comparing(VintageKey::bankCode)
                .thenComparingInt(VintageKey::quarter).thenComparing(VintageKey::regime);
        Map<VintageKey, long[]> all = new TreeMap<>(order);
        sums.vintages.forEach((k, v) -> {
            all.put(k, v);
            long[] p = all.computeIfAbsent(new VintageKey("", k.quarter(), k.regime()), x -> new long[4]);
            for (int i = 0; i < p.length; i++) {
                p[i] += v[i];
            }
        });
        List<VintageRow> rows = new ArrayList<>();
        all.forEach((k, v) -> rows.add(new VintageRow(k.bankCode(), k.quarterLabel(), k.regime(), v[0], yuan(v[1]),
                yuan(v[2]), yuan(v[3]))));
        return rows;
    }

    /**
     * Projected rates: each loan's balance weighted by the share of its bank and state today (SPEC 5.4), summed per
     * cell, county and province, over the balance. A cell is LIKELY_PAUSE when it is not PAUSE and a projected rate
     * is above its T (exactly at T is within tolerance, as for the status); a county when it is not PAUSE and one of
     * its cells is.
     */
    private static List<OutlookRow> outlook(AnalyticsSums sums, ComparisonLoans before, TransitionShares shares,
                                            List<CellResult> results) {
        Map<String, Fraction[]> shareCache = new TreeMap<>();
        Map<String, Projection> counties = new TreeMap<>();
        Projection province = new Projection();
        List<OutlookRow> rows = new ArrayList<>();
        Map<String, CellResult> countyResults = new TreeMap<>();
        for (CellResult r : results) {
            if (r.level() == Level.COUNTY) {
                countyResults.put(r.countyCode(), r);
            }
        }
        Map<String, Boolean> countyLikely = new TreeMap<>();
        for (CellResult cell : results) {
            if (cell.level() != Level.BANK_COUNTY) {
                continue;
            }
            long[] states = sums.cellStates.get(new CellKey(cell.countyCode(), cell.bankCode()));
            Fraction[] bankShares = shareCache.computeIfAbsent(cell.bankCode(),
                    b -> sharesOf(shares, before.bankNumber(b)));
            Projection p = new Projection();
            p.add(states, bankShares);
            boolean likely = cell.status() != Status.PAUSE && p.above(cell.figures().balance(), cell.thresholdPct());
            rows.add(p.row(Level.BANK_COUNTY, cell.countyCode(), cell.bankCode(), cell.figures().balance(), likely));
            counties.computeIfAbsent(cell.countyCode(), c -> new Projection()).add(p);
            province.add(p);
            countyLikely.merge(cell.countyCode(), likely, Boolean::logicalOr);
        }
        BigDecimal provinceBalance = BigDecimal.ZERO;
        for (var e : counties.entrySet()) {
            CellResult county = countyResults.get(e.getKey());
            boolean likely = county.status() != Status.PAUSE && countyLikely.get(e.getKey());
            rows.add(e.getValue().row(Level.COUNTY, e.getKey(), "", county.figures().balance(), likely));
            provinceBalance = provinceBalance.add(county.figures().balance());
        }
        rows.add(province.row(Level.PROVINCE, "", "", provinceBalance, false));
        return rows;
    }

    /** A bank's shares: p_npl for each classification, then p_overdue for each ageing state. */
    private static Fraction[] sharesOf(TransitionShares shares, int bank) {
        Fraction[] f = new Fraction[AnalyticsSums.STATES];
        for (int s = 0; s < f.length; s++) {
            f[s] = s < CLASSES ? shares.share(bank, Dimension.CLASSIFICATION, s)
                    : shares.share(bank, Dimension.AGEING, s - CLASSES);
        }
        return f;
    }

    /** Σ balance × share, in cents, exact: the numerators of the projected NPL and overdue rates. */
    private static final class Projection {
        Fraction npl = Fraction.ZERO;
        Fraction overdue = Fraction.ZERO;

        void add(long[] states, Fraction[] shares) {
            for (int s = 0; s < states.length; s++) {
                if (states[s] == 0) {
                    continue;
                }
                Fraction weighted = shares[s].times(states[s]);
                if (s < CLASSES) {
                    npl = npl.plus(weighted);
                } else {
                    overdue = overdue.plus(weighted);
                }
            }
        }

        void add(Projection o) {
            npl = npl.plus(o.npl);
            overdue = overdue.plus(o.overdue);
        }

        /** Whether either projected rate is above the threshold, exactly (the sums in cents, the balance in yuan). */
        boolean above(BigDecimal balanceYuan, BigDecimal thresholdPct) {
            BigDecimal cents = balanceYuan.movePointRight(2);
            return overdue.comparePercent(cents, thresholdPct) > 0 || npl.comparePercent(cents, thresholdPct) > 0;
        }

        /** The row, the sums in cents being over a balance in yuan. */
        OutlookRow row(Level level, String county, String bank, BigDecimal balanceYuan, boolean likelyPause) {
            BigDecimal cents = balanceYuan.movePointRight(2);
            return new OutlookRow(level, county, bank, overdue.percentOf(cents), npl.percentOf(cents), likelyPause);
        }
    }

    private static BigDecimal yuan(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
