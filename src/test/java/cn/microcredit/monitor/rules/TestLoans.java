package cn.microcredit.monitor.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Guarantee;
import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Purpose;
import cn.microcredit.monitor.metrics.MonitorRules;

/**
 * A baseline loan that breaks no rule of SPEC 5.3 on {@link #AS_OF}: an assistance loan of 50,000.00 元 issued
 * 2026-03-10 for two years, 40,000.00 元 outstanding, not overdue, normal, never renewed, for planting, unsecured, to
 * a borrower born 1980-05-15 (45 on the issue date) with a valid ID number. Each test changes what its rule looks at,
 * so any rule that fires was fired by that change.
 */
final class TestLoans {

    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    static final LocalDate ISSUE_DATE = LocalDate.of(2026, 3, 10);
    static final LocalDate BIRTH_DATE = LocalDate.of(1980, 5, 15);

    private static final LoanRules RULES = new LoanRules(MonitorRules.defaults());

    private TestLoans() {
    }

    static Builder loan() {
        return new Builder();
    }

    /** The rules the loan breaks on {@link #AS_OF}, in the order {@link LoanRules} reports them. */
    static List<Rule> rulesBrokenBy(Loan loan) {
        return RULES.check(loan, AS_OF).stream().map(LoanRules.Finding::rule).toList();
    }

    /** The detail of the one rule the loan breaks; fails when it breaks none or several. */
    static String onlyDetail(Loan loan) {
        List<LoanRules.Finding> findings = RULES.check(loan, AS_OF);
        if (findings.size() != 1) {
            throw new AssertionError("expected exactly one rule to fire, got " + findings);
        }
        return findings.get(0).detail();
    }

    /** A valid ID number of a Shenyang (和平区 210102) resident born on {@code birth}. */
    static String idNumberBornOn(LocalDate birth) {
        return withCheckCharacter("210102" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "123");
    }

    /**
     * Appends the GB 11643 check character to 17 digits, computed here from ISO 7064 MOD 11-2 itself rather than
     * from {@link IdNumber}'s weight table: the digit at position i (0 = leftmost) has weight 2^(17 − i) mod 11, and
     * the check value c makes (Σ digit × weight + c) ≡ 1 (mod 11), so c = (12 − Σ mod 11) mod 11, written X for 10.
     * {@code IdNumberTest} checks this against the standard's own example, 11010519491231002X.
     */
    static String withCheckCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ((1 << (17 - i)) % 11);
        }
        int check = (12 - sum % 11) % 11;
        return first17 + (check == 10 ? "X" : String.valueOf(check));
    }

    /** The same number with its check character replaced by the next one of 0–9, X: valid but for the check. */
    static String wrongCheckCharacter(String id) {
        String characters = "0123456789X";
        return id.substring(0, 17) + characters.charAt((characters.indexOf(id.charAt(17)) + 1) % characters.length());
    }

    /** The baseline loan, one field changed at a time. */
    static final class Builder {
        private String idNumber = idNumberBornOn(BIRTH_DATE);
        private LocalDate issueDate = ISSUE_DATE;
        private LocalDate maturityDate = ISSUE_DATE.plusYears(2);
        private BigDecimal amount = new BigDecimal("50000.00");
        private BigDecimal balance = new BigDecimal("40000.00");
        private int overdueDays = 0;
        private Classification classification = Classification.NORMAL;
        private int renewalCount = 0;
        private Purpose purpose = Purpose.PLANTING;
        private Guarantee guarantee = Guarantee.CREDIT;

        Builder idNumber(String value) {
            this.idNumber = value;
            return this;
        }

        Builder bornOn(LocalDate birth) {
            return idNumber(idNumberBornOn(birth));
        }

        Builder issuedOn(LocalDate value) {
            this.issueDate = value;
            return this;
        }

        Builder maturingOn(LocalDate value) {
            this.maturityDate = value;
            return this;
        }

        Builder amount(String yuan) {
            this.amount = new BigDecimal(yuan);
            return this;
        }

        Builder balance(String yuan) {
            this.balance = new BigDecimal(yuan);
            return this;
        }

        Builder overdue(int days, Classification value) {
            this.overdueDays = days;
            this.classification = value;
            return this;
        }

        Builder renewals(int count) {
            this.renewalCount = count;
            return this;
        }

        Builder purpose(Purpose value) {
            this.purpose = value;
            return this;
        }

        Builder guarantee(Guarantee value) {
            this.guarantee = value;
            return this;
        }

        Loan build() {
            return new Loan("B001", "L0001", "210102", "H0001", "张三", idNumber, issueDate, maturityDate, amount,
                    balance, new BigDecimal("3.45"), overdueDays, classification, renewalCount, purpose, guarantee,
                    false);
        }
    }
}
