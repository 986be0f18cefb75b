package cn.microcredit.monitor.report.brief;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.microcredit.monitor.rules.Rule;

/**
 * Breaches counted and summed before any detail (SPEC 6 合规异常汇总): per rule, per rule × bank and per rule × county,
 * the number of (loan, rule) rows and the sum of those loans' balances. Fed one breach at a time while the detail is
 * streamed.
 */
public final class ExceptionTally {

    /** What a summary row counts: all of a rule, or a rule at one bank or in one county. */
    public enum By {
        RULE("合计"), BANK("机构"), COUNTY("县区");

        private final String label;

        By(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One summary row.
     *
     * @param code    bank or county code; "" for {@link By#RULE}
     * @param count   breach rows (a loan breaking two rules counts once under each)
     * @param balance Σ balance of those loans in yuan (a loan counts once per rule it breaks)
     */
    public record Line(Rule rule, By by, String code, long count, BigDecimal balance) {
    }

    private static final class Sum {
        long count;
        BigDecimal balance = BigDecimal.ZERO;
    }

    private final Map<Rule, Sum> byRule = new TreeMap<>();
    private final Map<Rule, Map<String, Sum>> byBank = new TreeMap<>();
    private final Map<Rule, Map<String, Sum>> byCounty = new TreeMap<>();

    public void add(Rule rule, String bankCode, String countyCode, BigDecimal balance) {
        BigDecimal b = balance == null ? BigDecimal.ZERO : balance;
        add(byRule.computeIfAbsent(rule, k -> new Sum()), b);
        add(byBank.computeIfAbsent(rule, k -> new TreeMap<>()).computeIfAbsent(bankCode, k -> new Sum()), b);
        add(byCounty.computeIfAbsent(rule, k -> new TreeMap<>()).computeIfAbsent(countyCode, k -> new Sum()), b);
    }

    private static void add(Sum s, BigDecimal balance) {
        s.count++;
        s.balance = s.balance.add(balance);
    }

    public boolean isEmpty() {
        return byRule.isEmpty();
    }

    /** Breach rows in all. */
    public long count() {
        return byRule.values().stream().mapToLong(s -> s.count).sum();
    }

    /** The rules with breaches, severity first, then most breaches first (the order of {@link #lines}). */
    public List<Rule> rules() {
        return byRule.keySet().stream()
                .sorted(Comparator.comparing(Rule::severity).thenComparing(r -> -byRule.get(r).count)
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    /** Breaches of one rule: {@code [count]} and the balance concerned, for the rule in all or for one bank. */
    public long count(Rule rule) {
        Sum s = byRule.get(rule);
        return s == null ? 0 : s.count;
    }

    public BigDecimal balance(Rule rule) {
        Sum s = byRule.get(rule);
        return s == null ? BigDecimal.ZERO : s.balance;
    }

    public long countAtBank(Rule rule, String bankCode) {
        Sum s = byBank.getOrDefault(rule, Map.of()).get(bankCode);
        return s == null ? 0 : s.count;
    }

    public long countInCounty(Rule rule, String countyCode) {
        Sum s = byCounty.getOrDefault(rule, Map.of()).get(countyCode);
        return s == null ? 0 : s.count;
    }

    /** One county's breaches: in all, by severity, and the balance concerned. */
    public record County(String code, long count, long high, long medium, long low, BigDecimal balance) {
    }

    /** Every county with a breach, most breaches first (then by code). */
    public List<County> counties() {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal> balances = new TreeMap<>();
        byCounty.forEach((rule, byCode) -> byCode.forEach((code, sum) -> {
            long[] c = counts.computeIfAbsent(code, k -> new long[4]);
            c[0] += sum.count;
            c[1 + rule.severity().ordinal()] += sum.count;
            balances.merge(code, sum.balance, BigDecimal::add);
        }));
        return counts.entrySet().stream()
                .map(e -> new County(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3],
                        balances.get(e.getKey())))
                .sorted(Comparator.comparing((County c) -> -c.count()).thenComparing(County::code))
                .toList();
    }

    /**
     * Every line: first the rules (severity first, then most breaches first), then rule × bank and rule × county in
     * the same rule order, most breaches first within a rule.
     */
    public List<Line> lines() {
        List<Rule> order = rules();
        List<Line> lines = new ArrayList<>();
        for (Rule rule : order) {
            Sum s = byRule.get(rule);
            lines.add(new Line(rule, By.RULE, "", s.count, s.balance));
        }
        for (By by : List.of(By.BANK, By.COUNTY)) {
            Map<Rule, Map<String, Sum>> map = by == By.BANK ? byBank : byCounty;
            for (Rule rule : order) {
                map.get(rule).entrySet().stream()
                        .sorted(Comparator.comparing((Map.Entry<String, Sum> e) -> -e.getValue().count)
                                .thenComparing(Map.Entry::getKey))
                        .forEach(e -> lines.add(new Line(rule, by, e.getKey(), e.getValue().count,
                                e.getValue().balance)));
            }
        }
        return lines;
    }
}
