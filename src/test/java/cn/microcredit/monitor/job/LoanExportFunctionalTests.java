package cn.microcredit.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.MonitorApplication;

/**
 * {@code --export-loans} and table {@code loan_snapshot} on the embedded H2, with the hand-checked e2e fixture
 * (src/test/resources/e2e/README.md): 2026-06-30 accepts L1–L4 of b1.csv and L5–L8 of b2.csv (L6 settled; the second
 * L5, a bad date, an unknown county and an unknown bank rejected); 2026-07-31 accepts L1–L4, L9 and L5, L7, L8, L11
 * (b3.csv rejected whole).
 */
class LoanExportFunctionalTests {

    private static final Path E2E = Path.of("src/test/resources/e2e");
    private static final String HEADER = "loan_id,bank_code,county_code,household_id,borrower_name,"
            + "borrower_id_number,issue_date,maturity_date,amount,balance,annual_rate,overdue_days,classification,"
            + "renewal_count,purpose_code,guarantee,large_need,regime";
    /** 2026-06-30 as the ledgers give it, in file order, values as a ledger would carry them. */
    private static final List<String> JUNE = List.of(
            "L1,B1,210123,H1,张三,210123197102111010,2026-03-10,2028-03-10,100000.00,95500.00,3.85,0,NORMAL,0,"
                    + "PLANTING,CREDIT,N,ASSISTANCE",
            "L2,B1,210123,H2,李四,211224197203121026,2025-06-01,2027-06-01,5000.00,4500.00,4.35,100,SUBSTANDARD,0,"
                    + "BREEDING,CREDIT,N,LEGACY",
            "L3,B1,210124,H3,王五,210123197304131036,2026-04-01,2029-04-01,100000.00,95499.99,3.00,0,NORMAL,0,"
                    + "PLANTING,CREDIT,Y,ASSISTANCE",
            "L4,B1,210124,H4,赵六,211224197405141041,2024-01-15,2026-01-15,5000.00,4500.01,4.35,300,DOUBTFUL,0,"
                    + "BREEDING,CREDIT,N,LEGACY",
            "L5,B2,210123,H5,钱七,210123197506151051,2026-05-01,2027-05-01,50000.00,50000.00,4.35,0,NORMAL,0,"
                    + "OTHER_PRODUCTIVE,CREDIT,N,ASSISTANCE",
            "L6,B2,210123,H6,孙八,211224197607161067,2024-03-01,2026-03-01,30000.00,0.00,4.35,0,NORMAL,0,"
                    + "OTHER_PRODUCTIVE,CREDIT,N,LEGACY",
            "L7,B2,210123,H7,周九,210123197708171077,2025-09-01,2027-09-01,30000.00,30000.00,4.35,20,SPECIAL_MENTION,0,"
                    + "OTHER_PRODUCTIVE,CREDIT,N,LEGACY",
            "L8,B2,211224,H8,吴十,211224197809181082,2024-08-08,2027-08-08,20000.00,20000.00,3.95,0,NORMAL,0,"
                    + "OTHER_PRODUCTIVE,CREDIT,N,LEGACY");

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("db/monitor").toAbsolutePath();
    }

    private Result run(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("--db=" + db());
        all.add("--output=" + dir.resolve("out"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MonitorApplication.run(all.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path export(String date) {
        return dir.resolve("out").resolve(date).resolve("loans_" + date + ".csv");
    }

    @Test
    void theExportIsTheDatesAcceptedLoansInFileOrderWithTheLedgersValuesOwnerAndGroupOnly() throws Exception {
        assertThat(run("--input=" + E2E.resolve("2026-06-30")).code()).isEqualTo(0);

        Result result = run("--export-loans=2026-06-30");

        assertThat(result.code()).as(result.err()).isEqualTo(0);
        assertThat(result.out()).contains("wrote 8 loans of 2026-06-30 (run 1) to " + export("2026-06-30"));
        byte[] bytes = Files.readAllBytes(export("2026-06-30"));
        assertThat(Arrays.copyOf(bytes, 3)).as("UTF-8 byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))
                .isEqualTo(HEADER + "\r\n" + String.join("\r\n", JUNE) + "\r\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(export("2026-06-30"))))
                .isEqualTo("rw-r-----");
        // The published reports beside it are untouched, and no partial file is left.
        try (var files = Files.list(dir.resolve("out/2026-06-30"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") || n.endsWith(".part")))
                    .isEmpty();
        }
        assertThat(dir.resolve("out/2026-06-30/county_metrics.csv")).exists();
        // Off by default on H2: nothing in the table.
        assertThat(query("SELECT COUNT(*) FROM loan_snapshot")).containsExactly("0");
    }

    @Test
    void aDateNeverRunIsAFailureSayingSoAndABadDateAUsageError() {
        assertThat(run("--input=" + E2E.resolve("2026-06-30")).code()).isEqualTo(0);

        Result never = run("--export-loans=2026-05-31");
        assertThat(never.code()).isEqualTo(1);
        assertThat(never.err()).contains("2026-05-31").contains("no published run of that date");
        assertThat(dir.resolve("out/2026-05-31")).doesNotExist();

        Result bad = run("--export-loans=2026-02-30");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--export-loans").contains("'2026-02-30'");
    }

    @Test
    void turnedOnH2FillsTheTableOnPublishARerunReplacesTheDateAndPurgeRemovesIt() throws Exception {
        assertThat(run("--input=" + E2E.resolve("2026-06-30"), "--monitor.store.loan-table=true").code()).isEqualTo(0);
        assertThat(run("--input=" + E2E.resolve("2026-07-31"), "--monitor.store.loan-table=true").code()).isEqualTo(3);

        assertThat(query("SELECT as_of, run_id, COUNT(*) FROM loan_snapshot GROUP BY as_of, run_id ORDER BY 1"))
                .containsExactly("2026-06-30|1|8", "2026-07-31|2|9");
        assertThat(query("SELECT loan_id, source_file, source_line, balance, regime FROM loan_snapshot"
                + " WHERE as_of = DATE '2026-07-31' AND bank_code = 'B2' ORDER BY source_line"))
                .containsExactly("L5|ledgers/b2.csv|2|50000.00|ASSISTANCE", "L7|ledgers/b2.csv|3|30000.00|LEGACY",
                        "L8|ledgers/b2.csv|4|19800.00|LEGACY", "L11|ledgers/b2.csv|5|200.00|ASSISTANCE");
        // The table has the export's rows (the export reads the stored chunks).
        assertThat(run("--export-loans=2026-06-30").code()).isEqualTo(0);
        assertThat(query("SELECT loan_id, bank_code, county_code, household_id, borrower_name, borrower_id_number,"
                + " issue_date, maturity_date, amount, balance, annual_rate, overdue_days, classification,"
                + " renewal_count, purpose_code, guarantee, CASE WHEN large_need THEN 'Y' ELSE 'N' END, regime"
                + " FROM loan_snapshot"
                + " WHERE as_of = DATE '2026-06-30' ORDER BY source_file, source_line"))
                .containsExactlyElementsOf(JUNE.stream().map(l -> l.replace(',', '|')
                        .replace("|3.85|", "|3.850000|").replace("|4.35|", "|4.350000|")
                        .replace("|3.00|", "|3.000000|").replace("|3.95|", "|3.950000|")).toList());

        assertThat(run("--input=" + E2E.resolve("2026-07-31"), "--monitor.store.loan-table=true").code()).isEqualTo(3);
        assertThat(query("SELECT as_of, run_id, COUNT(*) FROM loan_snapshot GROUP BY as_of, run_id ORDER BY 1"))
                .containsExactly("2026-06-30|1|8", "2026-07-31|3|9");
        assertThat(query("SELECT COUNT(*) FROM loan_snapshot_stage")).containsExactly("0");

        Result purge = run("--purge-before=2026-07-31");
        assertThat(purge.out()).contains("removed the loan_snapshot rows of 1 dates before 2026-07-31");
        assertThat(query("SELECT as_of, COUNT(*) FROM loan_snapshot GROUP BY as_of")).containsExactly("2026-07-31|9");
        Result purged = run("--export-loans=2026-06-30");
        assertThat(purged.code()).isEqualTo(1);
        assertThat(purged.err()).contains("its 8 loans were removed by --purge-before");
    }

    @Test
    void offItStaysEmptyAndARerunWithItOffRemovesTheDatesEarlierRows() throws Exception {
        assertThat(run("--input=" + E2E.resolve("2026-06-30"), "--monitor.store.loan-table=true").code()).isEqualTo(0);
        assertThat(query("SELECT COUNT(*) FROM loan_snapshot")).containsExactly("8");

        assertThat(run("--input=" + E2E.resolve("2026-06-30")).code()).isEqualTo(0);

        // Those rows were the loans of a run no longer published.
        assertThat(query("SELECT COUNT(*) FROM loan_snapshot")).containsExactly("0");
        assertThat(query("SELECT COUNT(*) FROM loan_snapshot_stage")).containsExactly("0");
    }

    /** Each row's columns joined with '|', from the H2 file once the job has closed it. */
    private List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db(), "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    cells.add(rs.getString(i));
                }
                rows.add(String.join("|", cells));
            }
        }
        return rows;
    }
}
