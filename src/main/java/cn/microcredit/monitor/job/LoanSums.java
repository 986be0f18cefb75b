package cn.microcredit.monitor.job;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Regime;
import cn.microcredit.monitor.metrics.Figures;
import cn.microcredit.monitor.metrics.MonitorRules;
import cn.microcredit.monitor.metrics.RiskAssessment;
import cn.microcredit.monitor.ops.StopRequest;
import cn.microcredit.monitor.store.MetricsRepository.AgeingRow;
import cn.microcredit.monitor.store.StoredLoan;

/**
 * Sums of SPEC 5.1 over the outstanding loans of a run, per bank × county, and the overdue loans of each county in the
 * ageing buckets of the 1104 S71 report. Money is summed exactly in cents (balances have two decimals), the subsidy as
 * an exact decimal. One instance per thread; {@link #merge} joins them.
 */
final class LoanSums implements Consumer<StoredLoan> {

    static final String[] BUCKETS = {"1-30", "31-60", "61-90", "91-180", "181-270", "271-360", "361+"};
    private static final int[] BUCKET_MAX_DAYS = {30, 60, 90, 180, 270, 360, Integer.MAX_VALUE};
    private static final BigDecimal HUNDREDTH = new BigDecimal("0.01");

    /** Sums of one bank × county cell. */
    private static final class Cell {
        long loans;
        long balance;
        long overdue;
        long npl;
        long overdue90;
        BigDecimal subsidy = BigDecimal.ZERO;

        void add(Cell o) {
            loans += o.loans;
            balance += o.balance;
            overdue += o.overdue;
            npl += o.npl;
            overdue90 += o.overdue90;
            subsidy = subsidy.add(o.subsidy);
        }
    }

    private record Key(String countyCode, String bankCode) {
    }

    private final MonitorRules rules;
    private final Map<Key, Cell> cells = new HashMap<>();
    /** Per county: loans, then cents, per bucket. */
    private final Map<String, long[]> ageing = new HashMap<>();

    LoanSums(MonitorRules rules) {
        this.rules = rules;
    }

    @Override
    public void accept(StoredLoan stored) {
        StopRequest.check();
        Loan loan = stored.loan();
        if (!loan.outstanding()) {
            return;
        }
        long cents = cents(loan.balance());
        Cell cell = cells.computeIfAbsent(new Key(loan.countyCode(), loan.bankCode()), k -> new Cell());
        cell.loans++;
        cell.balance += cents;
        if (loan.overdueDays() > 0) {
            cell.overdue += cents;
            long[] buckets = ageing.computeIfAbsent(loan.countyCode(), c -> new long[BUCKETS.length * 2]);
            int b = 0;
            while (loan.overdueDays() > BUCKET_MAX_DAYS[b]) {
                b++;
            }
            buckets[b]++;
            buckets[BUCKETS.length + b] += cents;
        }
        if (loan.classification().nonPerforming()) {
            cell.npl += cents;
        }
        if (loan.overdueDays() > 90) {
            cell.overdue90 += cents;
        }
        if (loan.regime() == Regime.ASSISTANCE) {
            cell.subsidy = cell.subsidy.add(subsidy(loan));
        }
    }

    /**
     * 一(六): one year of central subsidy on today's balance, capped at 50,000 (100,000 with a large production need),
     * at 70 % of the rate but at most 2.5 points.
     */
    private BigDecimal subsidy(Loan loan) {
        BigDecimal cap = loan.largeNeed() ? rules.subsidyLargeCapYuan() : rules.subsidyCapYuan();
        BigDecimal points = loan.annualRatePct().multiply(rules.subsidyShare()).min(rules.subsidyMaxPp());
        return loan.balance().min(cap).multiply(points).multiply(HUNDREDTH);
    }

    private static long cents(BigDecimal yuan) {
        return yuan.movePointRight(2).longValueExact();
    }

    /** Adds the sums of another instance into this one. */
    LoanSums merge(LoanSums other) {
        other.cells.forEach((k, c) -> cells.computeIfAbsent(k, x -> new Cell()).add(c));
        other.ageing.forEach((county, buckets) -> {
            long[] mine = ageing.computeIfAbsent(county, c -> new long[BUCKETS.length * 2]);
            for (int i = 0; i < mine.length; i++) {
                mine[i] += buckets[i];
            }
        });
        return this;
    }

    /** The bank × county cells by county code, then bank code. */
    List<RiskAssessment.Cell> cells() {
        List<RiskAssessment.Cell> list = new ArrayList<>();
        cells.entrySet().stream()
                .sorted(Map.Entry.comparingByKey((a, b) -> a.countyCode().equals(b.countyCode())
                        ? a.bankCode().compareTo(b.bankCode()) : a.countyCode().compareTo(b.countyCode())))
                .forEach(e -> {
                    Cell c = e.getValue();
                    list.add(new RiskAssessment.Cell(e.getKey().countyCode(), e.getKey().bankCode(),
                            new Figures(c.loans, yuan(c.balance), yuan(c.overdue), yuan(c.npl), yuan(c.overdue90),
                                    c.subsidy)));
                });
        return list;
    }

    /** The non-empty ageing buckets of each county. */
    List<AgeingRow> ageing() {
        List<AgeingRow> rows = new ArrayList<>();
        new TreeMap<>(ageing).forEach((county, buckets) -> {
            for (int b = 0; b < BUCKETS.length; b++) {
                if (buckets[b] > 0) {
                    rows.add(new AgeingRow(county, BUCKETS[b], buckets[b], yuan(buckets[BUCKETS.length + b])));
                }
            }
        });
        return rows;
    }

    private static BigDecimal yuan(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
