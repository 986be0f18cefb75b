package cn.microcredit.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.microcredit.monitor.MonitorApplication;
import cn.microcredit.monitor.ops.StopOnSignal;
import cn.microcredit.monitor.report.CsvOut;
import cn.microcredit.monitor.report.LoanCsv;

/**
 * Table {@code loan_snapshot} on a real PostgreSQL server (issue 15): one partition per published date holding
 * exactly the loans the run summary counts as accepted; a rerun replaces the partition; a run killed or stopped after
 * loading its loans leaves the published partition as it was; {@code --purge-before} drops partitions; and
 * {@code --export-loans}, which reads the stored chunks, gives the same rows. The bundled sample data (two dates, with
 * rejected and duplicate rows, Chinese names, a GB18030 ledger) on one database, the tests in order. Skipped, saying
 * so, without a server (as {@link PostgresFunctionalTests}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoanSnapshotPostgresTests {

    private static final String SERVER = System.getProperty("monitor.test.postgres",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    private static final Path DATA = Path.of("sample-data");
    private static final String FIRST = "2026-09-30";
    private static final String SECOND = "2026-10-31";

    @TempDir
    static Path work;

    private String unreachable;
    private String db;
    private Path output;

    private record Result(int code, String out, String err) {
    }

    @BeforeAll
    void createDatabase() {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            db = "monitor_test_loans_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            s.execute("CREATE DATABASE " + db);
        } catch (SQLException e) {
            unreachable = "PostgreSQL tests skipped: no server answers at " + SERVER + " (" + e.getMessage()
                    + "). Start one, or name one with -Dmonitor.test.postgres=JDBC-URL (README, section PostgreSQL).";
            System.err.println(unreachable);
        }
        output = work.resolve("out");
    }

    @BeforeEach
    void serverAnswers() {
        assumeTrue(unreachable == null, unreachable);
    }

    @AfterAll
    void dropDatabase() throws SQLException {
        if (db != null) {
            try (Connection c = admin(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + db);
            }
        }
    }

    @Test
    @Order(1)
    void eachPublishedDateIsOnePartitionHoldingExactlyTheLoansItsRunAccepted() throws Exception {
        for (String date : List.of(FIRST, SECOND)) {
            assertThat(run("--input=" + DATA.resolve(date)).code()).as(date).isEqualTo(3);
        }

        assertThat(partitions()).containsExactly("loan_snapshot_2026_09_30 FOR VALUES IN ('2026-09-30')",
                "loan_snapshot_2026_10_31 FOR VALUES IN ('2026-10-31')");
        for (String date : List.of(FIRST, SECOND)) {
            long accepted = acceptedLedgerRows(date);
            assertThat(accepted).as(date).isGreaterThan(500);
            assertThat(query("SELECT COUNT(*) FROM loan_snapshot WHERE as_of = DATE '" + date + "'"))
                    .as(date).containsExactly(String.valueOf(accepted));
            // Each partition has the two indexes analysts need, adopted by the table's partitioned indexes.
            String partition = "loan_snapshot_" + date.replace('-', '_');
            assertThat(query("SELECT indexdef FROM pg_indexes WHERE tablename = '" + partition + "' ORDER BY 1"))
                    .containsExactly(
                            "CREATE INDEX " + partition + "_bank_loan ON public." + partition
                                    + " USING btree (bank_code, loan_id)",
                            "CREATE INDEX " + partition + "_household ON public." + partition
                                    + " USING btree (household_id)");
        }
        // A loan id appears once per bank and date: the duplicate of 2026-10-31 was rejected, not stored.
        assertThat(query("""
                SELECT COUNT(*) FROM (SELECT as_of, bank_code, loan_id FROM loan_snapshot
                                      GROUP BY 1, 2, 3 HAVING COUNT(*) > 1) d""")).containsExactly("0");
        assertThat(query("SELECT DISTINCT run_id FROM loan_snapshot ORDER BY 1")).containsExactly("1", "2");
        assertThat(stagingTables()).isEmpty();
    }

    @Test
    @Order(2)
    void theTableHoldsTheLedgerValuesByTheirSpecCodesAndTheRegimeOfTheIssueDate() throws Exception {
        assertThat(query("SELECT DISTINCT regime FROM loan_snapshot ORDER BY 1"))
                .containsExactly("ASSISTANCE", "LEGACY");
        // SPEC 4: LEGACY exactly when issued before 2026-02-26.
        assertThat(query("SELECT COUNT(*) FROM loan_snapshot"
                + " WHERE (issue_date < DATE '2026-02-26') <> (regime = 'LEGACY')"))
                .containsExactly("0");
        assertThat(query("SELECT DISTINCT classification FROM loan_snapshot ORDER BY 1"))
                .isSubsetOf("DOUBTFUL", "LOSS", "NORMAL", "SPECIAL_MENTION", "SUBSTANDARD").contains("NORMAL");
        // The GB18030 ledger's Chinese names arrive as they were written.
        assertThat(query("SELECT COUNT(*) FROM loan_snapshot"
                + " WHERE source_file LIKE '%PSBC-LN%' AND borrower_name ~ '^[一-龥]+$'"))
                .first().satisfies(n -> assertThat(Long.parseLong(n)).isGreaterThan(50));
    }

    @Test
    @Order(3)
    void theExportOfADateHasTheSameRowsAsItsPartition() throws Exception {
        Result export = run("--export-loans=" + SECOND, "--output=" + output);

        assertThat(export.code()).as(export.err()).isEqualTo(0);
        Path file = output.resolve(SECOND).resolve("loans_" + SECOND + ".csv");
        assertThat(export.out()).contains("wrote " + acceptedLedgerRows(SECOND) + " loans of " + SECOND);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        List<String> exported = exportedRows(file);
        List<String> table = tableRows(SECOND);
        assertThat(exported).hasSize(table.size()).hasSize((int) acceptedLedgerRows(SECOND));
        assertThat(exported).containsExactlyInAnyOrderElementsOf(table);
    }

    @Test
    @Order(4)
    void aRerunOfADateReplacesItsPartitionAndNeverDoublesIt() throws Exception {
        List<String> before = tableRows(SECOND);

        assertThat(run("--input=" + DATA.resolve(SECOND)).code()).isEqualTo(3);

        assertThat(tableRows(SECOND)).containsExactlyInAnyOrderElementsOf(before);
        assertThat(query("SELECT run_id, COUNT(*) FROM loan_snapshot GROUP BY run_id ORDER BY 1"))
                .containsExactly("1|" + acceptedLedgerRows(FIRST), "3|" + acceptedLedgerRows(SECOND));
        assertThat(partitions()).hasSize(2);
        assertThat(stagingTables()).isEmpty();
    }

    @Test
    @Order(5)
    void aRunKilledOrStoppedAfterLoadingItsLoansLeavesThePublishedPartitionAsItWas() throws Exception {
        List<String> published = query("SELECT run_id, COUNT(*) FROM loan_snapshot GROUP BY run_id ORDER BY 1");

        try (JobProcess job = JobProcess.start(args("--input=" + DATA.resolve(SECOND)))) {
            job.awaitOutput("loanTableStep completed", Duration.ofSeconds(120)).kill();
            assertThat(job.awaitExit(Duration.ofSeconds(15))).isEqualTo(128 + 9);
            assertThat(job.output()).doesNotContain("publishStep started");
        }
        // The killed run's loans are in a table of its own, which is no partition: nobody querying sees them.
        assertThat(stagingTables()).containsExactly("loan_snapshot_run_4");
        assertThat(query("SELECT run_id, COUNT(*) FROM loan_snapshot GROUP BY run_id ORDER BY 1"))
                .isEqualTo(published);

        try (JobProcess job = JobProcess.start(args("--input=" + DATA.resolve(SECOND)))) {
            job.awaitOutput("loanTableStep completed", Duration.ofSeconds(120)).terminate();
            assertThat(job.awaitExit(Duration.ofSeconds(StopOnSignal.WAIT_SECONDS + 15))).isEqualTo(1);
            assertThat(job.output()).contains("(the run was stopped on request; nothing published");
        }
        // The stopped run dropped its own table; the next run's load dropped the killed one's.
        assertThat(stagingTables()).isEmpty();
        assertThat(query("SELECT run_id, COUNT(*) FROM loan_snapshot GROUP BY run_id ORDER BY 1"))
                .isEqualTo(published);
        assertThat(partitions()).hasSize(2);
    }

    @Test
    @Order(6)
    void purgeBeforeDropsThePartitionsOfEarlierDatesAndTheExportThenSaysTheLoansWereRemoved() throws Exception {
        Result purge = run("--purge-before=" + SECOND);

        assertThat(purge.code()).as(purge.err()).isEqualTo(0);
        assertThat(purge.out()).contains("removed the loan_snapshot rows of 1 dates before " + SECOND);
        assertThat(partitions()).containsExactly("loan_snapshot_2026_10_31 FOR VALUES IN ('2026-10-31')");
        assertThat(query("SELECT COUNT(*) FROM loan_snapshot WHERE as_of = DATE '" + FIRST + "'"))
                .containsExactly("0");
        assertThat(query("SELECT COUNT(*) FROM loan_snapshot WHERE as_of = DATE '" + SECOND + "'"))
                .containsExactly(String.valueOf(acceptedLedgerRows(SECOND)));

        Result export = run("--export-loans=" + FIRST, "--output=" + output);
        assertThat(export.code()).isEqualTo(1);
        assertThat(export.err()).contains("--purge-before");
        assertThat(output.resolve(FIRST).resolve("loans_" + FIRST + ".csv")).doesNotExist();
    }

    @Test
    @Order(7)
    void turnedOffTheTableStillLosesTheLoansOfADateRunAgain() throws Exception {
        assertThat(run("--input=" + DATA.resolve(SECOND), "--monitor.store.loan-table=false").code()).isEqualTo(3);

        assertThat(partitions()).isEmpty();
        assertThat(query("SELECT COUNT(*) FROM loan_snapshot")).containsExactly("0");
        // The export reads the stored chunks, table or not.
        assertThat(run("--export-loans=" + SECOND, "--output=" + output).code()).isEqualTo(0);
    }

    @Test
    @Order(8)
    void aNulCharacterWhichPostgresqlTextCannotHoldIsTheReplacementCharacterInTheTableAndTheExportAlike()
            throws Exception {
        Path input = work.resolve("nul/2026-06-30");
        Files.createDirectories(input.resolve("ledgers"));
        Path e2e = Path.of("src/test/resources/e2e/2026-06-30");
        Files.copy(e2e.resolve("banks.csv"), input.resolve("banks.csv"));
        Files.writeString(input.resolve("ledgers/b1.csv"), Files.readString(e2e.resolve("ledgers/b1.csv"),
                StandardCharsets.UTF_8).replace("张三", "张\u0000三"), StandardCharsets.UTF_8);

        // 3: bank B2 of banks.csv sent no ledger here.
        assertThat(run("--input=" + input).code()).isEqualTo(3);

        assertThat(query("SELECT loan_id, borrower_name FROM loan_snapshot WHERE as_of = DATE '2026-06-30'"
                + " ORDER BY source_line")).containsExactly("L1|张\uFFFD三", "L2|李四", "L3|王五", "L4|赵六");
        assertThat(run("--export-loans=2026-06-30", "--output=" + output).code()).isEqualTo(0);
        assertThat(exportedRows(output.resolve("2026-06-30/loans_2026-06-30.csv")))
                .containsExactlyInAnyOrderElementsOf(tableRows("2026-06-30"))
                .anySatisfy(row -> assertThat(row).startsWith("L1|B1|210123|H1|张\uFFFD三|"));
    }

    private String[] args(String... extra) {
        List<String> args = new ArrayList<>(List.of(extra));
        args.add("--db=" + url());
        if (args.stream().anyMatch(a -> a.startsWith("--input="))) {
            args.add("--output=" + output);
        }
        return args.toArray(String[]::new);
    }

    private Result run(String... extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MonitorApplication.run(args(extra), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Σ rows_accepted of the date's ledger files in its published run_summary.json. */
    private long acceptedLedgerRows(String date) throws IOException {
        JsonNode summary = new ObjectMapper().readTree(output.resolve(date).resolve("run_summary.json").toFile());
        long accepted = 0;
        for (JsonNode f : summary.get("files")) {
            if (f.get("file").asText().startsWith("ledgers/")) {
                accepted += f.get("rows_accepted").asLong();
            }
        }
        return accepted;
    }

    /** The partition's rows as the export writes them (text guarded, rate as stored, Y/N), one string each. */
    private List<String> tableRows(String date) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + String.join(", ", LoanCsv.COLUMNS)
                     + " FROM loan_snapshot WHERE as_of = DATE '" + date + "'")) {
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (String column : LoanCsv.COLUMNS) {
                    Object value = rs.getObject(column);
                    cells.add(switch (column) {
                        case "annual_rate" -> rate((BigDecimal) value);
                        case "large_need" -> (Boolean) value ? "Y" : "N";
                        default -> value instanceof String text ? CsvOut.safeText(text) : value.toString();
                    });
                }
                rows.add(String.join("|", cells));
            }
        }
        return rows;
    }

    /** As the export writes a rate: trailing zeros of the stored 6 decimals dropped, at least 2 kept. */
    private static String rate(BigDecimal stored) {
        BigDecimal r = stored.stripTrailingZeros();
        return (r.scale() < 2 ? r.setScale(2) : r).toPlainString();
    }

    private static List<String> exportedRows(Path file) throws IOException {
        List<String> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVParser.builder().setReader(in).setFormat(CSVFormat.RFC4180.builder().setHeader()
                     .setSkipHeaderRecord(true).get()).get()) {
            assertThat(csv.getHeaderNames().get(0)).isEqualTo("\uFEFFloan_id");
            assertThat(csv.getHeaderNames().subList(1, LoanCsv.COLUMNS.size()))
                    .isEqualTo(LoanCsv.COLUMNS.subList(1, LoanCsv.COLUMNS.size()));
            for (CSVRecord r : csv) {
                rows.add(String.join("|", r.values()));
            }
        }
        return rows;
    }

    private List<String> partitions() throws SQLException {
        return query("""
                SELECT c.relname || ' ' || pg_get_expr(c.relpartbound, c.oid)
                FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = 'loan_snapshot'::regclass ORDER BY 1""");
    }

    private List<String> stagingTables() throws SQLException {
        return query("SELECT tablename FROM pg_tables WHERE tablename LIKE 'loan\\_snapshot\\_run\\_%' ORDER BY 1");
    }

    /** Each row's columns joined with '|'. */
    private List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement();
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

    private static Connection admin() throws SQLException {
        Properties timeouts = new Properties();
        timeouts.setProperty("connectTimeout", "3");
        timeouts.setProperty("loginTimeout", "5");
        return DriverManager.getConnection(SERVER, timeouts);
    }

    private String url() {
        return SERVER.replaceFirst("^(jdbc:postgresql://[^/?]*)/?[^?]*", "$1/" + db);
    }
}
