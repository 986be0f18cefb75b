package cn.microcredit.monitor.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import cn.microcredit.monitor.keys.Fingerprint;
import cn.microcredit.monitor.keys.LongList;
import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Regime;
import cn.microcredit.monitor.ops.StopRequest;
import cn.microcredit.monitor.store.MetricsRepository.AgeingRow;
import cn.microcredit.monitor.store.StoredLoan;

/**
 * Sums of SPEC 5.1 over the outstanding loans of a run, per bank × county, and the overdue loans of each county in the
 * ageing buckets of the 1104 S71 report. Money is summed exactly in cents (balances have two decimals), the subsidy as
 * an exact decimal. One instance per thread; {@link #merge} joins them, then {@link #finish} settles the households.
 * <p>
 * Households (一(六) subsidy cap, {@code household_count}): a loan whose household has no other outstanding loan (its
 * fingerprint is not among the run's shared households, found when loading) is settled at once; the loans of the
 * shared households are kept, as the rules step keeps them, and grouped by their real household id in {@link #finish}.
 */
public final class LoanSums implements Consumer<StoredLoan> {

    private static final int BUCKETS = AgeingState.BUCKETS.size();

    /** Sums of one bank × county cell. */
    private static final class Cell {
        long loans;
        long balance;
        long overdue;
        long npl;
        long overdue90;
        long overdueLoans;
        long nplLoans;
        BigDecimal subsidy = BigDecimal.ZERO;

        void add(Cell o) {
            loans += o.loans;
            balance += o.balance;
            overdue += o.overdue;
            npl += o.npl;
            overdue90 += o.overdue90;
            overdueLoans += o.overdueLoans;
            nplLoans += o.nplLoans;
            subsidy = subsidy.add(o.subsidy);
        }
    }

    private record Key(String countyCode, String bankCode) {
    }

    private final HouseholdSubsidy subsidy;
    private final long[] sharedHouseholds;
    private final Map<Key, Cell> cells = new HashMap<>();
    /** Per county: loans, then cents, per bucket. */
    private final Map<String, long[]> ageing = new HashMap<>();
    /** Per county: distinct households among its outstanding loans (complete after {@link #finish}). */
    private final Map<String, long[]> households = new HashMap<>();
    private long provinceHouseholds;
    /** Outstanding loans of households that may have another: settled in {@link #finish}. */
    private List<Loan> householdLoans = new ArrayList<>();

    /** @param sharedHouseholds sorted fingerprints of the households with more than one outstanding loan */
    public LoanSums(MonitorRules rules, long[] sharedHouseholds) {
        this.subsidy = new HouseholdSubsidy(rules);
        this.sharedHouseholds = sharedHouseholds;
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
            cell.overdueLoans++;
            long[] buckets = ageing.computeIfAbsent(loan.countyCode(), c -> new long[BUCKETS * 2]);
            int b = AgeingState.of(loan.overdueDays()).bucket();
            buckets[b]++;
            buckets[BUCKETS + b] += cents;
        }
        if (loan.classification().nonPerforming()) {
            cell.npl += cents;
            cell.nplLoans++;
        }
        if (loan.overdueDays() > 90) {
            cell.overdue90 += cents;
        }
        if (LongList.contains(sharedHouseholds, Fingerprint.of(loan.householdId()))) {
            householdLoans.add(loan);
        } else {
            // The household's only outstanding loan: its own cap, one household of its county.
            if (loan.regime() == Regime.ASSISTANCE) {
                cell.subsidy = cell.subsidy.add(subsidy.soleLoan(loan));
            }
            households.computeIfAbsent(loan.countyCode(), c -> new long[1])[0]++;
            provinceHouseholds++;
        }
    }

    /**
     * After {@link #merge}: the loans of shared households grouped by their real household id, each household's
     * subsidy cap shared out greedily (一(六), {@link HouseholdSubsidy}) into the loans' own cells, and each household
     * counted once in every county where it has an outstanding loan and once in the province.
     */
    public LoanSums finish() {
        Map<String, List<Loan>> byHousehold = new HashMap<>();
        householdLoans.forEach(l -> byHousehold.computeIfAbsent(l.householdId(), h -> new ArrayList<>()).add(l));
        householdLoans = new ArrayList<>();
        for (List<Loan> household : byHousehold.values()) {
            for (HouseholdSubsidy.Allocation a : subsidy.allocate(household)) {
                Cell cell = cells.get(new Key(a.loan().countyCode(), a.loan().bankCode()));
                cell.subsidy = cell.subsidy.add(a.subsidyYuan());
            }
            household.stream().map(Loan::countyCode).distinct()
                    .forEach(county -> households.computeIfAbsent(county, c -> new long[1])[0]++);
            provinceHouseholds++;
        }
        return this;
    }

    private static long cents(BigDecimal yuan) {
        return yuan.movePointRight(2).longValueExact();
    }

    /** Adds the sums of another instance into this one. */
    public LoanSums merge(LoanSums other) {
        other.cells.forEach((k, c) -> cells.computeIfAbsent(k, x -> new Cell()).add(c));
        other.households.forEach((county, n) -> households.computeIfAbsent(county, c -> new long[1])[0] += n[0]);
        provinceHouseholds += other.provinceHouseholds;
        householdLoans.addAll(other.householdLoans);
        other.ageing.forEach((county, buckets) -> {
            long[] mine = ageing.computeIfAbsent(county, c -> new long[BUCKETS * 2]);
            for (int i = 0; i < mine.length; i++) {
                mine[i] += buckets[i];
            }
        });
        return this;
    }

    /** The bank × county cells by county code, then bank code. */
    public List<RiskAssessment.Cell> cells() {
        List<RiskAssessment.Cell> list = new ArrayList<>();
        cells.entrySet().stream()
                .sorted(Map.Entry.comparingByKey((a, b) -> a.countyCode().equals(b.countyCode())
                        ? a.bankCode().compareTo(b.bankCode()) : a.countyCode().compareTo(b.countyCode())))
                .forEach(e -> {
                    Cell c = e.getValue();
                    list.add(new RiskAssessment.Cell(e.getKey().countyCode(), e.getKey().bankCode(),
                            new Figures(c.loans, yuan(c.balance), yuan(c.overdue), yuan(c.npl), yuan(c.overdue90),
                                    c.subsidy, c.overdueLoans, c.nplLoans)));
                });
        return list;
    }

    /** Distinct households among the outstanding loans of each county (SPEC 5.1 household_count), after finish. */
    public Map<String, Long> countyHouseholds() {
        Map<String, Long> counts = new TreeMap<>();
        households.forEach((county, n) -> counts.put(county, n[0]));
        return counts;
    }

    /** Distinct households among all outstanding loans, after finish. */
    public long provinceHouseholds() {
        return provinceHouseholds;
    }

    /** The non-empty ageing buckets of each county. */
    public List<AgeingRow> ageing() {
        List<AgeingRow> rows = new ArrayList<>();
        new TreeMap<>(ageing).forEach((county, buckets) -> {
            for (int b = 0; b < BUCKETS; b++) {
                if (buckets[b] > 0) {
                    rows.add(new AgeingRow(county, AgeingState.BUCKETS.get(b), buckets[b], yuan(buckets[BUCKETS + b])));
                }
            }
        });
        return rows;
    }

    private static BigDecimal yuan(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
