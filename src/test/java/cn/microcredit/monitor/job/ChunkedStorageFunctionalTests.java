package cn.microcredit.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.MonitorApplication;

/**
 * Loans are stored in chunks of 4,096 and everything over them is computed from the chunks read back in parallel:
 * duplicates, households and rates must be found whichever chunk or file the rows sit in. A ledger of 5,000 loans
 * puts rows on both sides of the first chunk boundary.
 */
class ChunkedStorageFunctionalTests {

    private static final String HEADER = "loan_id,bank_code,county_code,household_id,borrower_name,borrower_id_number,"
            + "issue_date,maturity_date,amount,balance,annual_rate,overdue_days,classification,renewal_count,"
            + "purpose_code,guarantee,large_need";

    @TempDir
    Path work;

    private static String row(String loanId, String bank, String household, String rate) {
        return loanId + "," + bank + ",210123," + household + ",张三,210123197102111010,2026-03-10,2028-03-10,"
                + "20000,15000," + rate + ",0,NORMAL,0,PLANTING,CREDIT,N";
    }

    /** B1: L0..L4999, households H0..H4999; line 4502 repeats L10 (after the first chunk of 4,096). */
    private Path input(String date, String rateOfL4321) throws IOException {
        Path in = work.resolve("in").resolve(date);
        Files.createDirectories(in.resolve("ledgers"));
        Files.writeString(in.resolve("banks.csv"), "bank_code,bank_name,overall_npl_pct\nB1,甲,1.50\nB2,乙,2.00\n");
        List<String> a = new ArrayList<>(List.of(HEADER));
        for (int i = 0; i < 5000; i++) {
            a.add(row("L" + i, "B1", "H" + i, i == 4321 ? rateOfL4321 : "3.85"));
            if (i == 4499) {
                a.add(row("L10", "B1", "H10", "3.85"));
            }
        }
        Files.write(in.resolve("ledgers/a.csv"), a);
        Files.write(in.resolve("ledgers/b.csv"), List.of(HEADER,
                row("M1", "B2", "H4200", "3.85"),   // second outstanding loan of household H4200 (B1's L4200)
                row("L4999", "B1", "H4999", "3.85"), // duplicate of a.csv's last loan, another file
                row("M1", "B2", "H4200", "3.85")));  // duplicate within b.csv
        return in;
    }

    private int run(Path input, Path out, Path db) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        return MonitorApplication.run(new String[] {"--input=" + input, "--output=" + out,
                "--db=jdbc:h2:file:" + db.toAbsolutePath()}, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private static List<String> csv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.substring(1).lines().toList();
    }

    @Test
    void duplicatesHouseholdsAndRatesAcrossChunksAndFiles() throws IOException {
        Path out = work.resolve("out");
        Path db = work.resolve("db/monitor");

        assertThat(run(input("2026-06-30", "3.85"), out, db)).isZero();
        Path first = out.resolve("2026-06-30");

        assertThat(csv(first.resolve("rejects.csv"))).containsExactly("file,line,bank_code,loan_id,reason,detail",
                "ledgers/a.csv,4502,B1,L10,DUPLICATE_LOAN," + detailOf(first, "ledgers/a.csv,4502"),
                "ledgers/b.csv,3,B1,L4999,DUPLICATE_LOAN," + detailOf(first, "ledgers/b.csv,3"),
                "ledgers/b.csv,4,B2,M1,DUPLICATE_LOAN," + detailOf(first, "ledgers/b.csv,4"));
        assertThat(detailOf(first, "ledgers/a.csv,4502")).contains("ledgers/a.csv 第12行");
        assertThat(detailOf(first, "ledgers/b.csv,3")).contains("ledgers/a.csv 第5002行");
        assertThat(detailOf(first, "ledgers/b.csv,4")).contains("ledgers/b.csv 第2行");

        assertThat(csv(first.resolve("bank_metrics.csv"))).anySatisfy(l -> assertThat(l).contains(",B1,甲,5000,"
                + "75000000.00,")).anySatisfy(l -> assertThat(l).contains(",B2,乙,1,15000.00,"));
        assertThat(csv(first.resolve("exceptions.csv")).stream().filter(l -> l.contains("MULTIPLE_OUTSTANDING_LOANS")))
                .hasSize(2)
                .allSatisfy(l -> assertThat(l).contains(",H4200,"));

        // Next date: L4321 (in the second chunk) at another rate.
        assertThat(run(input("2026-07-31", "3.95"), out, db)).isZero();
        assertThat(csv(out.resolve("2026-07-31/exceptions.csv")).stream().filter(l -> l.contains("RATE_CHANGED")))
                .containsExactly("2026-07-31,B1,L4321,210123,H4321,RATE_CHANGED,HIGH,"
                        + "执行年利率由 3.85%（2026-06-30）变为 3.95%，合同期内利率应保持不变");
    }

    private static String detailOf(Path folder, String fileAndLine) throws IOException {
        return csv(folder.resolve("rejects.csv")).stream().filter(l -> l.startsWith(fileAndLine + ","))
                .map(l -> l.substring(l.indexOf("DUPLICATE_LOAN,") + "DUPLICATE_LOAN,".length()))
                .findFirst().orElse("");
    }
}
