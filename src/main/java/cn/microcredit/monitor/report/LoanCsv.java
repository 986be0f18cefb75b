package cn.microcredit.monitor.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.store.LoanSnapshotTable;
import cn.microcredit.monitor.store.StoredLoan;

/**
 * {@code --export-loans}: stored loans as a CSV with the ledger columns of SPEC 3.1, by their SPEC names and in SPEC
 * order, and the loan's {@code regime} (SPEC 4). Written like every output CSV ({@link CsvOut}: UTF-8 with BOM, formula
 * text guarded), and in the values a ledger would carry, so that the file reads back as a ledger: dates
 * {@code yyyy-MM-dd}, money with 2 decimals, the rate in percent as stored (at least 2 decimals, up to the 6 the store
 * keeps: {@code 3.45}, {@code 4.35125}), classification, purpose and guarantee by their codes, large_need
 * {@code Y}/{@code N}.
 * Not thread-safe.
 */
public final class LoanCsv implements Consumer<StoredLoan>, AutoCloseable {

    public static final List<String> COLUMNS = List.of("loan_id", "bank_code", "county_code", "household_id",
            "borrower_name", "borrower_id_number", "issue_date", "maturity_date", "amount", "balance", "annual_rate",
            "overdue_days", "classification", "renewal_count", "purpose_code", "guarantee", "large_need", "regime");

    private final CsvOut out;
    private long rows;

    public LoanCsv(Path file) throws IOException {
        this.out = new CsvOut(file, COLUMNS);
    }

    @Override
    public void accept(StoredLoan stored) {
        Loan l = stored.loan();
        // Text as table loan_snapshot holds it (a U+0000 as U+FFFD), so that the two have the same rows.
        out.row(text(l.loanId()), text(l.bankCode()), text(l.countyCode()), text(l.householdId()),
                text(l.borrowerName()), text(l.borrowerIdNumber()),
                l.issueDate(), l.maturityDate(), l.amount(), l.balance(), rate(l.annualRatePct()), l.overdueDays(),
                l.classification().name(), l.renewalCount(), l.purpose().name(), l.guarantee().name(),
                l.largeNeed() ? "Y" : "N", l.regime().name());
        rows++;
    }

    private static String text(String s) {
        return LoanSnapshotTable.text(s);
    }

    /** Rows written. */
    public long rows() {
        return rows;
    }

    /** A rate in percent without the store's trailing zeros, but never fewer than 2 decimals: 3.450000 → 3.45. */
    static String rate(BigDecimal ratePct) {
        BigDecimal r = ratePct.stripTrailingZeros();
        return (r.scale() < 2 ? r.setScale(2) : r).toPlainString();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
