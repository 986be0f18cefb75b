package cn.microcredit.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.MonitorApplication;

/**
 * SPEC 5.4 end to end over the hand-checked dates of {@code src/test/resources/outlook} (figures worked out in its
 * README): regime split, migration with SETTLED and MISSING, projection with the province fallback and the 1/0
 * default, a cell exactly at its threshold after projection and one a cent over, vintage across a quarter boundary.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalyticsFunctionalTests {

    private static final Path DATA = Path.of("src/test/resources/outlook");

    @TempDir
    static Path work;

    private String db;
    private Path out;

    @BeforeAll
    void setUp() {
        db = "jdbc:h2:file:" + work.resolve("db/monitor").toAbsolutePath();
        out = work.resolve("out");
    }

    private void run(String date) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MonitorApplication.run(new String[] {"--input=" + DATA.resolve(date), "--output=" + out,
                "--db=" + db}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }

    private List<String> csv(String date, String file) throws IOException {
        byte[] bytes = Files.readAllBytes(out.resolve(date).resolve(file));
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
    }

    /** Of each data line, the columns named (by position from the header). */
    private List<String> columns(String date, String file, String... names) throws IOException {
        List<String> lines = csv(date, file);
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        int[] at = Arrays.stream(names).mapToInt(header::indexOf).toArray();
        return lines.stream().skip(1).map(l -> {
            String[] cells = l.split(",", -1);
            return String.join(",", Arrays.stream(at).mapToObj(i -> cells[i]).toList());
        }).toList();
    }

    @Test
    @Order(1)
    void withoutAComparisonDateTheProjectionIsEmptyAndThereIsNoMigration() throws IOException {
        run("2026-03-31");

        assertThat(csv("2026-03-31", "migration.csv")).containsExactly(
                "as_of,comparison_as_of,bank_code,dimension,from_state,to_state,loan_count,balance,rate_pct");
        assertThat(columns("2026-03-31", "bank_county_metrics.csv", "county_code", "bank_code",
                "projected_overdue_rate_pct", "projected_npl_rate_pct", "outlook")).containsExactly(
                "210123,B1,,,", "210123,B2,,,", "210124,B1,,,", "211224,B1,,,", "211224,B2,,,");
        assertThat(columns("2026-03-31", "county_metrics.csv", "county_code", "projected_overdue_rate_pct",
                "projected_npl_rate_pct", "outlook")).containsExactly("210123,,,", "210124,,,", "211224,,,");
        assertThat(Files.readString(out.resolve("2026-03-31/run_summary.json"))).contains("\"LIKELY_PAUSE\": 0",
                "\"projected_overdue_rate_pct\": null", "\"projected_npl_rate_pct\": null");
    }

    @Test
    @Order(2)
    void projectionAndOutlookPerCellAndCounty() throws IOException {
        run("2026-04-30");

        assertThat(columns("2026-04-30", "bank_county_metrics.csv", "county_code", "bank_code", "status",
                "projected_overdue_rate_pct", "projected_npl_rate_pct", "outlook")).containsExactly(
                // PAUSE today: never LIKELY_PAUSE, however high the projection (B1's SUBSTANDARD and 91-180 take the
                // province's shares, 1/2; B2's DOUBTFUL nobody had: 1).
                "210123,B1,PAUSE,10.05,22.11,",
                "210123,B2,PAUSE,7.14,14.29,",
                // 10,000.00 SPECIAL_MENTION × 0.4 / 100,000 = exactly T 4.00: within tolerance.
                "210124,B1,OK,0.00,4.00,",
                // 10,000.01 × 0.4 / 100,000 = 4.000004 %: above T, shown 4.00.
                "211224,B1,OK,0.00,4.00,LIKELY_PAUSE",
                "211224,B2,OK,0.00,0.00,");
        assertThat(columns("2026-04-30", "county_metrics.csv", "county_code", "status", "projected_overdue_rate_pct",
                "projected_npl_rate_pct", "outlook")).containsExactly(
                "210123,PAUSE,8.85,18.88,",
                "210124,OK,0.00,4.00,",
                "211224,OK,0.00,2.50,LIKELY_PAUSE");
        assertThat(Files.readString(out.resolve("2026-04-30/run_summary.json"))).contains("\"LIKELY_PAUSE\": 1",
                "\"projected_overdue_rate_pct\": 5.01", "\"projected_npl_rate_pct\": 12.02");
    }

    @Test
    @Order(3)
    void migrationFollowsEachLoanToSettledOrMissing() throws IOException {
        String h = "2026-04-30,2026-03-31,";
        assertThat(csv("2026-04-30", "migration.csv")).containsExactly(
                "as_of,comparison_as_of,bank_code,dimension,from_state,to_state,loan_count,balance,rate_pct",
                h + ",CLASSIFICATION,NORMAL,NORMAL,7,379999.99,76.00",
                h + ",CLASSIFICATION,NORMAL,SPECIAL_MENTION,2,20000.01,4.00",
                h + ",CLASSIFICATION,NORMAL,SETTLED,1,50000.00,10.00",
                h + ",CLASSIFICATION,NORMAL,MISSING,1,50000.00,10.00",
                h + ",CLASSIFICATION,SPECIAL_MENTION,SPECIAL_MENTION,1,60000.00,60.00",
                h + ",CLASSIFICATION,SPECIAL_MENTION,SUBSTANDARD,1,40000.00,40.00",
                h + ",CLASSIFICATION,SUBSTANDARD,DOUBTFUL,1,20000.00,50.00",
                h + ",CLASSIFICATION,SUBSTANDARD,SETTLED,1,20000.00,50.00",
                h + ",AGEING,CURRENT,CURRENT,10,460000.00,82.14",
                h + ",AGEING,CURRENT,SETTLED,1,50000.00,8.93",
                h + ",AGEING,CURRENT,MISSING,1,50000.00,8.93",
                h + ",AGEING,61-90,91-180,1,40000.00,100.00",
                h + ",AGEING,91-180,91-180,1,20000.00,50.00",
                h + ",AGEING,91-180,SETTLED,1,20000.00,50.00",
                h + "B1,CLASSIFICATION,NORMAL,NORMAL,3,279999.99,70.00",
                h + "B1,CLASSIFICATION,NORMAL,SPECIAL_MENTION,2,20000.01,5.00",
                h + "B1,CLASSIFICATION,NORMAL,SETTLED,1,50000.00,12.50",
                h + "B1,CLASSIFICATION,NORMAL,MISSING,1,50000.00,12.50",
                h + "B1,CLASSIFICATION,SPECIAL_MENTION,SPECIAL_MENTION,1,60000.00,60.00",
                h + "B1,CLASSIFICATION,SPECIAL_MENTION,SUBSTANDARD,1,40000.00,40.00",
                h + "B1,AGEING,CURRENT,CURRENT,6,360000.00,78.26",
                h + "B1,AGEING,CURRENT,SETTLED,1,50000.00,10.87",
                h + "B1,AGEING,CURRENT,MISSING,1,50000.00,10.87",
                h + "B1,AGEING,61-90,91-180,1,40000.00,100.00",
                h + "B2,CLASSIFICATION,NORMAL,NORMAL,4,100000.00,100.00",
                h + "B2,CLASSIFICATION,SUBSTANDARD,DOUBTFUL,1,20000.00,50.00",
                h + "B2,CLASSIFICATION,SUBSTANDARD,SETTLED,1,20000.00,50.00",
                h + "B2,AGEING,CURRENT,CURRENT,4,100000.00,100.00",
                h + "B2,AGEING,91-180,91-180,1,20000.00,50.00",
                h + "B2,AGEING,91-180,SETTLED,1,20000.00,50.00");
    }

    @Test
    @Order(4)
    void regimeSplitAtTheNoticeDate() throws IOException {
        assertThat(csv("2026-04-30", "regime_metrics.csv")).containsExactly(
                "as_of,county_code,regime,loan_count,balance,overdue_balance,npl_balance,overdue_rate_pct,npl_rate_pct",
                "2026-04-30,,LEGACY,9,488999.99,60000.00,60000.00,12.27,12.27",
                "2026-04-30,,ASSISTANCE,4,110000.01,0.00,0.00,0.00,0.00",
                "2026-04-30,210123,LEGACY,5,249000.00,60000.00,60000.00,24.10,24.10",
                "2026-04-30,210123,ASSISTANCE,2,90000.00,0.00,0.00,0.00,0.00",
                // X1 issued 2026-02-25 keeps the old terms; X2 issued 2026-02-26 is under the notice.
                "2026-04-30,210124,LEGACY,1,90000.00,0.00,0.00,0.00,0.00",
                "2026-04-30,210124,ASSISTANCE,1,10000.00,0.00,0.00,0.00,0.00",
                "2026-04-30,211224,LEGACY,3,149999.99,0.00,0.00,0.00,0.00",
                "2026-04-30,211224,ASSISTANCE,1,10000.01,0.00,0.00,0.00,0.00");
    }

    @Test
    @Order(5)
    void vintageCountsSettledLoansAndSplitsQuartersAtMarch31() throws IOException {
        assertThat(csv("2026-04-30", "vintage.csv")).containsExactly(
                "as_of,bank_code,issue_quarter,regime,loan_count,amount,balance,npl_balance,npl_to_amount_pct",
                "2026-04-30,,2024-Q3,LEGACY,1,30000.00,30000.00,0.00,0.00",
                "2026-04-30,,2025-Q1,LEGACY,1,20000.00,20000.00,20000.00,100.00",
                "2026-04-30,,2025-Q2,LEGACY,3,160000.00,139000.00,40000.00,25.00",
                "2026-04-30,,2025-Q3,LEGACY,3,200000.00,149999.99,0.00,0.00",
                "2026-04-30,,2025-Q4,LEGACY,2,60000.00,60000.00,0.00,0.00",
                "2026-04-30,,2026-Q1,LEGACY,1,90000.00,90000.00,0.00,0.00",
                "2026-04-30,,2026-Q1,ASSISTANCE,3,40000.00,30000.01,0.00,0.00",
                "2026-04-30,,2026-Q2,ASSISTANCE,1,80000.00,80000.00,0.00,0.00",
                "2026-04-30,B1,2025-Q2,LEGACY,2,140000.00,139000.00,40000.00,28.57",
                "2026-04-30,B1,2025-Q3,LEGACY,3,200000.00,149999.99,0.00,0.00",
                "2026-04-30,B1,2026-Q1,LEGACY,1,90000.00,90000.00,0.00,0.00",
                "2026-04-30,B1,2026-Q1,ASSISTANCE,2,30000.00,20000.01,0.00,0.00",
                "2026-04-30,B2,2024-Q3,LEGACY,1,30000.00,30000.00,0.00,0.00",
                "2026-04-30,B2,2025-Q1,LEGACY,1,20000.00,20000.00,20000.00,100.00",
                "2026-04-30,B2,2025-Q2,LEGACY,1,20000.00,0.00,0.00,0.00",
                "2026-04-30,B2,2025-Q4,LEGACY,2,60000.00,60000.00,0.00,0.00",
                "2026-04-30,B2,2026-Q1,ASSISTANCE,1,10000.00,10000.00,0.00,0.00",
                "2026-04-30,B2,2026-Q2,ASSISTANCE,1,80000.00,80000.00,0.00,0.00");
    }

    @Test
    @Order(6)
    void theFiguresAreInTheDatabaseAndARerunReplacesThem() throws Exception {
        run("2026-04-30");

        try (Connection c = DriverManager.getConnection(db, "sa", ""); Statement s = c.createStatement()) {
            assertThat(single(s, """
                    SELECT COUNT(*) FROM loan_migration m JOIN monitor_run r ON r.run_id = m.run_id
                    WHERE r.status = 'COMPLETED' AND r.as_of = DATE '2026-04-30'""")).isEqualTo("30");
            assertThat(single(s, "SELECT COUNT(DISTINCT run_id) FROM loan_migration")).isEqualTo("1");
            assertThat(single(s, """
                    SELECT o.outlook FROM cell_outlook o JOIN monitor_run r ON r.run_id = o.run_id
                    WHERE r.status = 'COMPLETED' AND o.level = 'COUNTY' AND o.county_code = '211224'""")).isEqualTo(
                    "LIKELY_PAUSE");
            // One run's rows per date: the re-run replaced the first run of 2026-04-30.
            assertThat(single(s, "SELECT COUNT(*) FROM vintage_metrics WHERE as_of = DATE '2026-04-30'"))
                    .isEqualTo("18");
            assertThat(single(s, "SELECT COUNT(*) FROM regime_metrics WHERE as_of = DATE '2026-04-30'"))
                    .isEqualTo("8");
            assertThat(single(s, "SELECT COUNT(DISTINCT run_id) FROM cell_outlook")).isEqualTo("1");
        }
    }

    @Test
    @Order(7)
    void onceTheComparisonDatesLoansArePurgedThereIsNothingToFollow() throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(MonitorApplication.run(new String[] {"--purge-before=2026-04-01", "--db=" + db}, quiet, quiet))
                .isZero();

        run("2026-04-30");

        assertThat(csv("2026-04-30", "migration.csv")).hasSize(1);
        assertThat(columns("2026-04-30", "county_metrics.csv", "county_code", "projected_overdue_rate_pct",
                "projected_npl_rate_pct", "outlook")).containsExactly("210123,,,", "210124,,,", "211224,,,");
        // What needs no comparison date stays.
        assertThat(csv("2026-04-30", "vintage.csv")).hasSize(19);
        assertThat(csv("2026-04-30", "regime_metrics.csv")).hasSize(9);
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
