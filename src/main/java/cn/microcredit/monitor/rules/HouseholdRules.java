package cn.microcredit.monitor.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Regime;

/**
 * The household rules of SPEC 5.3, across all banks — what only a supervisor can see:
 * <ul>
 *   <li>{@code MULTIPLE_OUTSTANDING_LOANS} (一(一) 以户为单位): the household has more than one outstanding loan, on
 *       each of them;</li>
 *   <li>{@code HOUSEHOLD_OVER_LIMIT} (一(二)): two or more outstanding ASSISTANCE loans whose amounts sum over the
 *       household limit (100,000 yuan; exactly at it is within), on each of them.</li>
 * </ul>
 */
public final class HouseholdRules {

    private final BigDecimal householdLimitYuan;

    public HouseholdRules(BigDecimal householdLimitYuan) {
        this.householdLimitYuan = householdLimitYuan;
    }

    /** The breaches among these outstanding loans, grouped by their household id. */
    public List<LoanException> check(List<Loan> loans) {
        Map<String, List<Loan>> byHousehold = new LinkedHashMap<>();
        loans.forEach(l -> byHousehold.computeIfAbsent(l.householdId(), h -> new ArrayList<>()).add(l));
        List<LoanException> found = new ArrayList<>();
        for (List<Loan> household : byHousehold.values()) {
            if (household.size() < 2) {
                continue;
            }
            String banks = String.valueOf(household.stream().map(Loan::bankCode).distinct().count());
            household.forEach(l -> found.add(new LoanException(l, Rule.MULTIPLE_OUTSTANDING_LOANS,
                    CrossLoanDetails.multipleOutstanding(household.size(), banks))));
            List<Loan> assistance = household.stream().filter(l -> l.regime() == Regime.ASSISTANCE).toList();
            BigDecimal total = assistance.stream().map(Loan::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (assistance.size() >= 2 && total.compareTo(householdLimitYuan) > 0) {
                assistance.forEach(l -> found.add(new LoanException(l, Rule.HOUSEHOLD_OVER_LIMIT,
                        CrossLoanDetails.householdOverLimit(assistance.size(), total, householdLimitYuan))));
            }
        }
        return found;
    }
}
