package cn.microcredit.monitor.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.MonitorApplication;

/** {@code --validate-only} finds what the nightly run would reject, and stores and publishes nothing else. */
class InputValidationTests {

    @TempDir
    Path work;

    @Test
    void findsEveryRejectOfTheRunWithoutADatabase() throws IOException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        String db = work.resolve("db/never").toAbsolutePath().toString();

        int code = MonitorApplication.run(new String[] {"--input=src/test/resources/e2e/2026-06-30",
                "--output=" + work.resolve("out"), "--db=jdbc:h2:file:" + db, "--validate-only"},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), System.err);

        assertThat(code).isZero();
        Path dir = work.resolve("out/2026-06-30/validation");
        assertThat(Files.readString(dir.resolve("rejects.csv")).replace("\uFEFF", "").lines()).containsExactly(
                "file,line,bank_code,loan_id,reason,detail",
                "ledgers/b2.csv,7,B2,BAD1,BAD_DATE,发放日期(issue_date): '2026/13/1' 不是存在的日期",
                "ledgers/b2.csv,8,B2,BAD2,UNKNOWN_COUNTY,县区代码(county_code): '999999' 不在县区代码表中",
                "ledgers/b2.csv,9,B2,L5,DUPLICATE_LOAN,借据号(loan_id) 与 ledgers/b2.csv 第2行 重复（同一机构同一日期借据号唯一，保留首次出现的一行）",
                "ledgers/b2.csv,10,B9,BAD4,UNKNOWN_BANK,机构代码(bank_code): 'B9' 不在 banks.csv 中");
        assertThat(Files.readString(dir.resolve("run_summary.json"))).contains("\"mode\": \"validate-only\"",
                "\"rows_read\": 12", "\"rows_accepted\": 8", "\"rows_rejected\": 4", "\"exit_code\": 0");
        try (var files = Files.list(work.resolve("out/2026-06-30"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("validation");
        }
        assertThat(work.resolve("db")).doesNotExist();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("exit code 0");
    }

    @Test
    void aFileRejectedWholeGivesExitCodeThree() {
        int code = MonitorApplication.run(new String[] {"--input=src/test/resources/e2e/2026-07-31",
                "--output=" + work.resolve("out"), "--validate-only"},
                new PrintStream(new ByteArrayOutputStream()), System.err);

        assertThat(code).isEqualTo(3);
        assertThat(work.resolve("out/2026-07-31/validation/rejects.csv")).content(StandardCharsets.UTF_8)
                .contains("ledgers/b3.csv,1,,,MISSING_COLUMNS,表头缺少必需列: 贷款余额(balance)");
    }

    @Test
    void theFirstOfTwoDuplicateLoanIdsIsKeptByFileNameOrderWhileFilesAreReadInParallel() throws IOException {
        // Largest first: b.csv and c.csv are read at once, a.csv only after c.csv, long after b.csv met L1.
        Path in = work.resolve("in/2026-06-30");
        Files.createDirectories(in.resolve("ledgers"));
        Files.copy(Path.of("src/test/resources/e2e/2026-06-30/banks.csv"), in.resolve("banks.csv"));
        StringBuilder big = new StringBuilder(HEADER).append(row("L1")).append(row("L1"));
        for (int i = 0; i < 3_000; i++) {
            big.append(row("B" + i));
        }
        Files.writeString(in.resolve("ledgers/b.csv"), big.toString());
        StringBuilder medium = new StringBuilder(HEADER);
        for (int i = 0; i < 2_000; i++) {
            medium.append(row("C" + i));
        }
        Files.writeString(in.resolve("ledgers/c.csv"), medium.toString());
        Files.writeString(in.resolve("ledgers/a.csv"), HEADER + row("A1") + row("L1"));

        int code = MonitorApplication.run(new String[] {"--input=" + in, "--output=" + work.resolve("out"),
                "--validate-only"}, new PrintStream(new ByteArrayOutputStream()), System.err);

        assertThat(code).isEqualTo(3);
        Path dir = work.resolve("out/2026-06-30/validation");
        assertThat(Files.readString(dir.resolve("rejects.csv")).replace("\uFEFF", "").lines()).containsExactly(
                "file,line,bank_code,loan_id,reason,detail",
                "ledgers/b.csv,2,B1,L1,DUPLICATE_LOAN,借据号(loan_id) 与 ledgers/a.csv 第3行 重复（同一机构同一日期借据号唯一，保留首次出现的一行）",
                "ledgers/b.csv,3,B1,L1,DUPLICATE_LOAN,借据号(loan_id) 与 ledgers/a.csv 第3行 重复（同一机构同一日期借据号唯一，保留首次出现的一行）");
        assertThat(Files.readString(dir.resolve("run_summary.json"))).contains("\"rows_read\": 5004",
                "\"rows_accepted\": 5002", "\"rows_rejected\": 2", "\"banks_missing\": [\"B2\"]");
    }

    private static final String HEADER = "loan_id,bank_code,county_code,household_id,borrower_name,borrower_id_number,"
            + "issue_date,maturity_date,amount,balance,annual_rate,overdue_days,classification\n";

    private static String row(String loanId) {
        return loanId + ",B1,210102,H1,张三,210102198503151235,2026-03-15,2028-03-14,50000.00,45000.00,3.45,0,NORMAL\n";
    }
}
