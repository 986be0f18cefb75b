package cn.microcredit.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.MonitorApplication;

/**
 * Issue 17, item 8: an as-of date far ahead of the clock, or one the ledgers contradict, is refused (exit 2 naming
 * {@code --as-of}) before it can pollute later comparisons; {@code --delete-date} removes a stored date.
 */
class AsOfSanityTests {

    private static final String E2E = "src/test/resources/e2e/2026-06-30";

    @TempDir
    Path work;

    private record Result(int code, String out) {
    }

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--output=" + work.resolve("out");
        all[args.length + 1] = "--db=jdbc:h2:file:" + work.resolve("db/m").toAbsolutePath();
        int code = MonitorApplication.run(all, print, print);
        return new Result(code, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anAsOfMoreThanAMonthAheadOfTheClockIsRefusedAndOneAMonthAheadIsNot() {
        LocalDate monthAhead = LocalDate.now().plusMonths(1);

        Result far = run("--input=" + E2E, "--as-of=" + monthAhead.plusDays(1));
        assertThat(far.code()).isEqualTo(2);
        assertThat(far.out()).contains("--as-of: 数据日期 " + monthAhead.plusDays(1) + " 晚于今天");
        assertThat(run("--input=" + E2E, "--as-of=2999-12-31").code()).isEqualTo(2);
        assertThat(work.resolve("db")).doesNotExist();

        // Exactly a month ahead passes this check (the e2e ledgers, all issued before it, agree).
        assertThat(run("--input=" + E2E, "--as-of=" + monthAhead).code()).isZero();
    }

    @Test
    void anAsOfTheLedgersContradictIsRefusedByTheRunAndByValidateOnlyAndNothingIsStored() throws IOException {
        // The e2e ledgers' rows were issued from 2025 to 2026: as of 1970 every one is after the date.
        Result r = run("--input=" + E2E, "--as-of=1970-01-01");
        assertThat(r.code()).as(r.out()).isEqualTo(2);
        assertThat(r.out()).contains("参数错误 (usage error): --as-of: 台账中 ", "的发放日期晚于数据日期 1970-01-01");
        assertThat(work.resolve("out/1970-01-01")).doesNotExist();
        Result history = run("--history");
        // Recorded as a failed run that stored nothing: no later run compares with it.
        assertThat(history.out()).containsPattern("1970-01-01 +1 FAILED .* 0 +0 +0 +0");

        Result v = run("--input=" + E2E, "--as-of=1970-01-01", "--validate-only");
        assertThat(v.code()).isEqualTo(2);
        assertThat(v.out()).contains("--as-of: 台账中 ");
    }

    @Test
    void oneRowInAHundredIssuedAfterTheAsOfIsItsRowsRejectAndTwoRefuseTheDate() throws IOException {
        Path in = work.resolve("in/2026-06-30");
        Files.createDirectories(in.resolve("ledgers"));
        Files.copy(Path.of(E2E, "banks.csv"), in.resolve("banks.csv"));
        StringBuilder rows = new StringBuilder("loan_id,bank_code,county_code,household_id,borrower_name,"
                + "borrower_id_number,issue_date,maturity_date,amount,balance,annual_rate,overdue_days,"
                + "classification\n");
        for (int i = 1; i <= 100; i++) {
            String issue = i == 1 ? "2026-07-01" : "2026-01-01";
            rows.append("A").append(i).append(",B1,210123,H").append(i).append(",张三,210123197102111010,")
                    .append(issue).append(",2027-12-01,1000,1000,3.85,0,NORMAL\n");
        }
        Files.writeString(in.resolve("ledgers/a.csv"), rows, StandardCharsets.UTF_8);

        Result one = run("--input=" + in);
        assertThat(one.code()).as(one.out()).isEqualTo(3);
        assertThat(Files.readString(work.resolve("out/2026-06-30/rejects.csv"))).contains("ledgers/a.csv,2,B1,A1,"
                + "OUT_OF_RANGE");

        Files.writeString(in.resolve("ledgers/a.csv"), rows.toString().replace("A2,B1,210123,H2,张三,"
                + "210123197102111010,2026-01-01", "A2,B1,210123,H2,张三,210123197102111010,2026-07-01"));
        Result two = run("--input=" + in);
        assertThat(two.code()).as(two.out()).isEqualTo(2);
        assertThat(two.out()).contains("台账中 2 / 100 行（2.0%，超过 1%）的发放日期晚于数据日期 2026-06-30");
    }

    /**
     * One bank's broken file (every row "issued" after the date: issue and maturity columns swapped, say) costs only
     * that bank its rows; the date stands while the contradicting files hold at most half of the rows read, and is
     * refused once they hold more (found by MutatedLedgerTests: a swapped-columns file stopped the whole night).
     */
    @Test
    void aBrokenFileOfOneBankRejectsItsOwnRowsButRefusesTheDateOnlyWhenItHoldsMostRows() throws IOException {
        Path in = work.resolve("in/2026-06-30");
        Files.createDirectories(in.resolve("ledgers"));
        Files.copy(Path.of(E2E, "banks.csv"), in.resolve("banks.csv"));
        Files.writeString(in.resolve("ledgers/good.csv"), ledger("G", 50, "2026-01-01"), StandardCharsets.UTF_8);
        Files.writeString(in.resolve("ledgers/broken.csv"), ledger("X", 50, "2027-12-01"), StandardCharsets.UTF_8);

        Result half = run("--input=" + in);
        assertThat(half.code()).as(half.out()).isEqualTo(3);
        assertThat(Files.readString(work.resolve("out/2026-06-30/rejects.csv")).lines()
                .filter(l -> l.startsWith("ledgers/broken.csv,")).filter(l -> l.contains(",OUT_OF_RANGE,"))).hasSize(50);
        Result validated = run("--input=" + in, "--validate-only");
        assertThat(validated.code()).as(validated.out()).isEqualTo(3);

        Files.writeString(in.resolve("ledgers/broken.csv"), ledger("X", 51, "2027-12-01"), StandardCharsets.UTF_8);
        Result most = run("--input=" + in);
        assertThat(most.code()).as(most.out()).isEqualTo(2);
        assertThat(most.out()).contains("台账中 51 / 101 行");
        assertThat(run("--input=" + in, "--validate-only").code()).isEqualTo(2);
    }

    private static String ledger(String prefix, int rows, String issue) {
        StringBuilder s = new StringBuilder("loan_id,bank_code,county_code,household_id,borrower_name,"
                + "borrower_id_number,issue_date,maturity_date,amount,balance,annual_rate,overdue_days,"
                + "classification\n");
        for (int i = 1; i <= rows; i++) {
            s.append(prefix).append(i).append(",B1,210123,H").append(prefix).append(i)
                    .append(",张三,210123197102111010,").append(issue).append(",2028-12-01,1000,1000,3.85,0,NORMAL\n");
        }
        return s.toString();
    }

    @Test
    void deleteDateRemovesAStoredDateUnderTheRunLock() {
        assertThat(run("--input=" + E2E).code()).isZero();
        assertThat(run("--history").out()).contains("2026-06-30");

        Result deleted = run("--delete-date=2026-06-30");

        assertThat(deleted.code()).isZero();
        assertThat(deleted.out()).contains("removed 1 stored run(s) of 2026-06-30");
        assertThat(run("--history").out()).contains("no stored runs");
        assertThat(work.resolve("out/2026-06-30/county_metrics.csv")).exists();
        assertThat(run("--delete-date=2026-06-30", "--input=" + E2E).code()).isEqualTo(2);
        assertThat(run("--delete-date=2026-13-01").code()).isEqualTo(2);
    }
}
