package cn.microcredit.monitor.rules;

import cn.microcredit.monitor.loan.Loan;

/**
 * The roster rules of SPEC 5.3, against the household roster of the agriculture department: {@code NOT_ON_ROSTER}
 * (一(一) 防止返贫致贫对象和脱贫人口; 四(一) 防止"搭便车") when no roster period of the loan's household covers its issue date,
 * and {@code ROSTER_COUNTY_MISMATCH} (三 信息协同) when periods cover it but every one of them names another county.
 * Off when the run has no usable roster.
 */
public final class RosterRules {

    private final RosterIndex roster;

    public RosterRules(RosterIndex roster) {
        this.roster = roster;
    }

    /**
     * The roster's finding on one loan, or null when a period of the loan's own county covers its issue date.
     *
     * @param householdKey the fingerprint of the loan's household id ({@code keys.Fingerprint.of})
     */
    public LoanRules.Finding check(long householdKey, Loan loan) {
        RosterIndex.Result r = roster.check(householdKey, loan.householdId(), loan.countyCode(), loan.issueDate());
        return switch (r.match()) {
            case NOT_ON_ROSTER -> new LoanRules.Finding(Rule.NOT_ON_ROSTER,
                    CrossLoanDetails.notOnRoster(loan.issueDate()));
            case OTHER_COUNTY -> new LoanRules.Finding(Rule.ROSTER_COUNTY_MISMATCH,
                    CrossLoanDetails.rosterCountyMismatch(r.rosterCounty(), loan.countyCode()));
            case ON_ROSTER -> null;
        };
    }
}
