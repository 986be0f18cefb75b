package cn.microcredit.monitor.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Regime;

/**
 * The central budget's interest subsidy for one year at today's balances (一(六), SPEC 5.1 {@code est_central_subsidy}).
 * 一(六) caps the subsidised amount per borrower household, not per loan ("贴息贷款额度原则上以5万元为上限", up to 10万元
 * for a large production need): a household's outstanding ASSISTANCE loans, taken in (issue_date, bank_code,
 * loan_id) order, are subsidised greedily up to its cap, 50,000 yuan, or 100,000 when any of those loans has
 * {@code large_need}; each loan's subsidy is its subsidised part × min(share × annual rate, ceiling) / 100 and counts
 * in that loan's own bank and county. LEGACY loans keep the old terms and are not estimated here. Exact decimals.
 */
public final class HouseholdSubsidy {

    private static final BigDecimal HUNDREDTH = new BigDecimal("0.01");

    /** The greedy order of 一(六): the earliest loan first; codes compared by code point, as everywhere else. */
    public static final Comparator<Loan> ORDER = Comparator.comparing(Loan::issueDate)
            .thenComparing(Loan::bankCode).thenComparing(Loan::loanId);

    /** One loan's share of its household's cap. */
    public record Allocation(Loan loan, BigDecimal subsidisedYuan, BigDecimal subsidyYuan) {
    }

    private final MonitorRules rules;

    public HouseholdSubsidy(MonitorRules rules) {
        this.rules = rules;
    }

    /** Subsidy points of a rate: share × rate, at most the ceiling (一(六): 70 %, 2.5 个百分点). */
    public BigDecimal points(BigDecimal annualRatePct) {
        return annualRatePct.multiply(rules.subsidyShare()).min(rules.subsidyMaxPp());
    }

    /**
     * The subsidy of a loan that is its household's only outstanding loan: the household's cap is its own; zero for
     * a LEGACY or settled loan.
     */
    public BigDecimal soleLoan(Loan loan) {
        if (loan.regime() != Regime.ASSISTANCE || !loan.outstanding()) {
            return BigDecimal.ZERO;
        }
        BigDecimal cap = loan.largeNeed() ? rules.subsidyLargeCapYuan() : rules.subsidyCapYuan();
        return loan.balance().min(cap).multiply(points(loan.annualRatePct())).multiply(HUNDREDTH);
    }

    /**
     * The loans of one household (any regime, any bank; settled and LEGACY ones are left out), each outstanding
     * ASSISTANCE loan with its subsidised part and subsidy, in the greedy order.
     */
    public List<Allocation> allocate(List<Loan> household) {
        List<Loan> assistance = household.stream()
                .filter(l -> l.regime() == Regime.ASSISTANCE && l.outstanding()).sorted(ORDER).toList();
        boolean large = assistance.stream().anyMatch(Loan::largeNeed);
        BigDecimal left = large ? rules.subsidyLargeCapYuan() : rules.subsidyCapYuan();
        List<Allocation> allocations = new ArrayList<>(assistance.size());
        for (Loan loan : assistance) {
            BigDecimal part = loan.balance().min(left);
            left = left.subtract(part);
            allocations.add(new Allocation(loan, part,
                    part.multiply(points(loan.annualRatePct())).multiply(HUNDREDTH)));
        }
        return allocations;
    }
}
