package cn.microcredit.monitor.job;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
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

/**
 * Issue 17, item 2: a well-formed but impossible date (a loan issued in 5026, a roster period added on 9999-01-01)
 * rejects its row {@code OUT_OF_RANGE}; the run goes on for everyone else, and {@code --validate-only} rejects exactly
 * the same rows.
 */
class ImplausibleDatesTests {

    private static final Path E2E = Path.of("src/test/resources/e2e/2026-06-30");
    private static final String HEADER = "loan_id,bank_code,county_code,household_id,borrower_name,"
            + "borrower_id_number,issue_date,maturity_date,amount,balance,annual_rate,overdue_days,classification\n";

    @TempDir
    Path work;

    private Path input() throws IOException {
        Path in = work.resolve("in/2026-06-30");
        Files.createDirectories(in.resolve("ledgers"));
        Files.copy(E2E.resolve("banks.csv"), in.resolve("banks.csv"), REPLACE_EXISTING);
        Files.copy(E2E.resolve("ledgers/b1.csv"), in.resolve("ledgers/b1.csv"), REPLACE_EXISTING);
        Files.copy(E2E.resolve("ledgers/b2.csv"), in.resolve("ledgers/b2.csv"), REPLACE_EXISTING);
        Files.writeString(in.resolve("ledgers/zz.csv"), HEADER
                // issued on the as-of date: the last plausible day
                + "D1,B2,210123,HD1,王五,210123197102111010,2026-06-30,2027-06-30,1000,1000,3.85,0,NORMAL\n"
                // issued the day after the as-of date
                + "D2,B2,210123,HD2,王五,210123197102111010,2026-07-01,2027-07-01,1000,1000,3.85,0,NORMAL\n"
                + "D3,B2,210123,HD3,王五,210123197102111010,5026-01-01,5027-01-01,1000,1000,3.85,0,NORMAL\n"
                // exactly 30 years before the as-of date, and one day more
                + "D4,B2,210123,HD4,王五,210123197102111010,1996-06-30,1997-06-30,1000,1000,3.85,0,NORMAL\n"
                + "D5,B2,210123,HD5,王五,210123197102111010,1996-06-29,1997-06-29,1000,1000,3.85,0,NORMAL\n"
                // matures exactly 30 years after issue, and one day more
                + "D6,B2,210123,HD6,王五,210123197102111010,2026-01-01,2056-01-01,1000,1000,3.85,0,NORMAL\n"
                + "D7,B2,210123,HD7,王五,210123197102111010,2026-01-01,2056-01-02,1000,1000,3.85,0,NORMAL\n"
                + "D8,B2,210123,HD8,王五,210123197102111010,2026-01-01,9999-12-31,1000,1000,3.85,0,NORMAL\n",
                StandardCharsets.UTF_8);
        // 200 plain rows beside them: the 2 rows issued after the as-of date are 0.9 % of the ledger rows, not enough
        // to refuse the date itself (AsOfCheck).
        StringBuilder fill = new StringBuilder(HEADER);
        for (int i = 1; i <= 200; i++) {
            fill.append("F").append(i).append(",B1,210123,HF").append(i)
                    .append(",王五,210123197102111010,2026-01-01,2027-01-01,1000,1000,3.85,0,NORMAL\n");
        }
        Files.writeString(in.resolve("ledgers/aa.csv"), fill, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("roster.csv"), "household_id,county_code,category,added_date,removed_date\n"
                + "H1,210123,MONITORED,2020-01-01,\n"
                + "H2,210123,MONITORED,9999-01-01,\n"
                + "H3,210123,MONITORED,2020-01-01,9999-12-31\n"
                + "H4,210123,MONITORED,1976-06-30,2076-06-30\n"
                + "H5,210123,MONITORED,1976-06-29,\n"
                + "H6,210123,MONITORED,2020-01-01,2076-07-01\n", StandardCharsets.UTF_8);
        return in;
    }

    private int run(Path in, String... more) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        String[] args = new String[3 + more.length];
        args[0] = "--input=" + in;
        args[1] = "--output=" + work.resolve("out");
        args[2] = "--db=jdbc:h2:file:" + work.resolve("db/m").toAbsolutePath();
        System.arraycopy(more, 0, args, 3, more.length);
        int code = MonitorApplication.run(args, print, print);
        System.out.print(out.toString(StandardCharsets.UTF_8));
        return code;
    }

    @Test
    void implausibleDatesAreRejectedRowByRowAndValidateOnlyAgreesWithTheRun() throws IOException {
        Path in = input();

        assertThat(run(in)).isZero();
        assertThat(run(in, "--validate-only")).isZero();

        String rejects = Files.readString(work.resolve("out/2026-06-30/rejects.csv"), StandardCharsets.UTF_8);
        assertThat(rejects.lines().filter(l -> l.startsWith("ledgers/zz.csv") || l.startsWith("roster.csv")))
                .containsExactly(
                        "roster.csv,3,,,OUT_OF_RANGE,户编号(household_id) 'H2': 纳入日期(added_date): 9999-01-01 不在 "
                                + "1976-06-30 至 2076-06-30 之间（数据日期前后 50 年），不是可信的日期；仍在册的退出日期请留空",
                        "roster.csv,4,,,OUT_OF_RANGE,户编号(household_id) 'H3': 退出日期(removed_date): 9999-12-31 不在 "
                                + "1976-06-30 至 2076-06-30 之间（数据日期前后 50 年），不是可信的日期；仍在册的退出日期请留空",
                        "roster.csv,6,,,OUT_OF_RANGE,户编号(household_id) 'H5': 纳入日期(added_date): 1976-06-29 不在 "
                                + "1976-06-30 至 2076-06-30 之间（数据日期前后 50 年），不是可信的日期；仍在册的退出日期请留空",
                        "roster.csv,7,,,OUT_OF_RANGE,户编号(household_id) 'H6': 退出日期(removed_date): 2076-07-01 不在 "
                                + "1976-06-30 至 2076-06-30 之间（数据日期前后 50 年），不是可信的日期；仍在册的退出日期请留空",
                        "ledgers/zz.csv,3,B2,D2,OUT_OF_RANGE,发放日期(issue_date): 2026-07-01 晚于数据日期 2026-06-30："
                                + "该日的台账不可能含有之后发放的贷款",
                        "ledgers/zz.csv,4,B2,D3,OUT_OF_RANGE,发放日期(issue_date): 5026-01-01 晚于数据日期 2026-06-30："
                                + "该日的台账不可能含有之后发放的贷款",
                        "ledgers/zz.csv,6,B2,D5,OUT_OF_RANGE,发放日期(issue_date): 1996-06-29 早于 1996-06-30（数据日期前 "
                                + "30 年），不是可信的发放日期",
                        "ledgers/zz.csv,8,B2,D7,OUT_OF_RANGE,到期日期(maturity_date): 2056-01-02 晚于发放日期后 30 年"
                                + "（2056-01-01），不是可信的到期日期",
                        "ledgers/zz.csv,9,B2,D8,OUT_OF_RANGE,到期日期(maturity_date): 9999-12-31 晚于发放日期后 30 年"
                                + "（2056-01-01），不是可信的到期日期");
        String validated = Files.readString(work.resolve("out/2026-06-30/validation/rejects.csv"),
                StandardCharsets.UTF_8);
        assertThat(validated.lines().toList()).isEqualTo(rejects.lines().toList());
        assertThat(Files.readString(work.resolve("out/2026-06-30/run_summary.json")))
                .contains("\"file\": \"ledgers/zz.csv\"", "\"rows_read\": 8", "\"rows_accepted\": 3");
    }
}
