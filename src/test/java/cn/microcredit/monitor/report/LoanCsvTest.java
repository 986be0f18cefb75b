package cn.microcredit.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Guarantee;
import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Purpose;
import cn.microcredit.monitor.store.StoredLoan;

class LoanCsvTest {

    @TempDir
    Path dir;

    private static Loan loan(String loanId, String name, LocalDate issued, String rate, boolean largeNeed) {
        return new Loan("LNRCB", loanId, "210123", "H210123-000001", name, "21010219800515123X", issued,
                issued.plusYears(2), new BigDecimal("50000.00"), new BigDecimal("12345.60"), new BigDecimal(rate), 91,
                Classification.SUBSTANDARD, 1, Purpose.BREEDING, Guarantee.GUARANTEE, largeNeed);
    }

    private String write(StoredLoan... loans) throws IOException {
        Path file = dir.resolve("loans.csv");
        try (LoanCsv csv = new LoanCsv(file)) {
            Arrays.stream(loans).forEach(csv);
            assertThat(csv.rows()).isEqualTo(loans.length);
        }
        byte[] bytes = Files.readAllBytes(file);
        assertThat(Arrays.copyOf(bytes, 3)).as("UTF-8 byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }

    @Test
    void theSpecLedgerColumnsInSpecOrderThenRegimeWithTheValuesALedgerWouldCarry() throws IOException {
        String csv = write(new StoredLoan(1, 2, loan("L-0001", "张三", LocalDate.of(2026, 3, 10), "3.450000", true)));

        assertThat(csv).isEqualTo("loan_id,bank_code,county_code,household_id,borrower_name,borrower_id_number,"
                + "issue_date,maturity_date,amount,balance,annual_rate,overdue_days,classification,renewal_count,"
                + "purpose_code,guarantee,large_need,regime\r\n"
                + "L-0001,LNRCB,210123,H210123-000001,张三,21010219800515123X,2026-03-10,2028-03-10,50000.00,12345.60,"
                + "3.45,91,SUBSTANDARD,1,BREEDING,GUARANTEE,Y,ASSISTANCE\r\n");
    }

    @Test
    void regimeTurnsOnTheNoticeDateAndLargeNeedIsYOrN() throws IOException {
        String csv = write(
                new StoredLoan(1, 2, loan("A", "甲", LocalDate.of(2026, 2, 25), "4.35", false)),
                new StoredLoan(1, 3, loan("B", "乙", LocalDate.of(2026, 2, 26), "4.35", true)));

        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).endsWith(",large_need,regime");
        assertThat(lines[1]).startsWith("A,").endsWith(",N,LEGACY");
        assertThat(lines[2]).startsWith("B,").endsWith(",Y,ASSISTANCE");
    }

    @Test
    void textThatWouldRunAsAFormulaIsGuardedAndTextWithACommaOrNewlineIsQuoted() throws IOException {
        String csv = write(new StoredLoan(1, 2, loan("=HYPERLINK(\"x\")", "王,五\n六", LocalDate.of(2026, 3, 10),
                "3.45", false)));

        assertThat(csv.split("\r\n")[1]).startsWith("\"'=HYPERLINK(\"\"x\"\")\",LNRCB,210123,H210123-000001,"
                + "\"王,五\n六\",");
    }

    @Test
    void theRateKeepsItsStoredDecimalsWithoutTrailingZerosButNeverFewerThanTwo() {
        assertThat(LoanCsv.rate(new BigDecimal("3.450000"))).isEqualTo("3.45");
        assertThat(LoanCsv.rate(new BigDecimal("4.351250"))).isEqualTo("4.35125");
        assertThat(LoanCsv.rate(new BigDecimal("0.000001"))).isEqualTo("0.000001");
        assertThat(LoanCsv.rate(new BigDecimal("4.000000"))).isEqualTo("4.00");
        assertThat(LoanCsv.rate(new BigDecimal("24.000000"))).isEqualTo("24.00");
        assertThat(LoanCsv.rate(new BigDecimal("0.000000"))).isEqualTo("0.00");
        assertThat(LoanCsv.rate(new BigDecimal("10"))).isEqualTo("10.00");
    }
}
