package cn.microcredit.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.MonitorApplication;

/**
 * The whole job on a real PostgreSQL server gives the same CSV files, to the byte, as on the embedded H2: the
 * hand-checked e2e dates and the sample data, each two dates in a row (so the history rules run), and a date whose
 * codes sort differently under a linguistic collation. Every data set gets a fresh database, created with ICU
 * {@code en-US} where the server offers it (as a server installed with a {@code en_US.UTF-8} or {@code zh_CN.UTF-8}
 * locale would sort), and dropped afterwards.
 *
 * <p>The server is {@code -Dmonitor.test.postgres=JDBC-URL} (default {@value #DEFAULT_SERVER}, the URL of a database
 * to connect to while creating the test databases; its user needs CREATEDB). Without a server there the tests are
 * skipped, with a message saying so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresFunctionalTests {

    private static final String DEFAULT_SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private static final String SERVER = System.getProperty("monitor.test.postgres", DEFAULT_SERVER);

    @TempDir
    static Path work;

    private final List<String> databases = new ArrayList<>();
    private boolean icu = true;
    private String unreachable;

    @BeforeAll
    void askTheServer() {
        try (Connection c = admin()) {
            c.isValid(3);
        } catch (SQLException e) {
            unreachable = "PostgreSQL tests skipped: no server answers at " + SERVER + " (" + e.getMessage()
                    + "). Start one, or name one with -Dmonitor.test.postgres=JDBC-URL (README, section PostgreSQL).";
            System.err.println(unreachable);
        }
    }

    @BeforeEach
    void serverAnswers() {
        assumeTrue(unreachable == null, unreachable);
    }

    @AfterAll
    void dropDatabases() throws SQLException {
        if (databases.isEmpty()) {
            return;
        }
        try (Connection c = admin(); Statement s = c.createStatement()) {
            for (String db : databases) {
                s.execute("DROP DATABASE IF EXISTS " + db);
            }
        }
    }

    @Test
    void handCheckedDatesGiveTheSameCsvFilesAsOnH2() throws Exception {
        compareWithH2("e2e", Path.of("src/test/resources/e2e"), "2026-06-30", "2026-07-31");
    }

    @Test
    void supervisoryAnalyticsGiveTheSameCsvFilesAsOnH2() throws Exception {
        compareWithH2("outlook", Path.of("src/test/resources/outlook"), "2026-03-31", "2026-04-30");
    }

    @Test
    void sampleDataGivesTheSameCsvFilesAsOnH2() throws Exception {
        compareWithH2("sample", Path.of("sample-data"), "2026-09-30", "2026-10-31", "2026-11-30");
    }

    @Test
    void codesSortInCodePointOrderWhateverTheServerCollation() throws Exception {
        String db = compareWithH2("collation", Path.of("src/test/resources/collation"), "2026-06-30");
        if (icu) {
            // Proof that the database itself would sort these codes otherwise: the equality above is the fix's doing.
            try (Connection c = DriverManager.getConnection(url(db)); Statement s = c.createStatement();
                 var rs = s.executeQuery("SELECT 'abc' < 'ABD'")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("en-US sorts abc before ABD").isTrue();
            }
        }
    }

    /** Runs the dates in order on a fresh H2 file and a fresh PostgreSQL database; returns the PostgreSQL database. */
    private String compareWithH2(String name, Path data, String... dates) throws Exception {
        String db = createDatabase(name);
        Path h2Out = work.resolve(name + "/h2-out");
        Path pgOut = work.resolve(name + "/pg-out");
        String h2 = "jdbc:h2:file:" + work.resolve(name + "/h2-db/monitor").toAbsolutePath();
        for (String date : dates) {
            int h2Code = run(data.resolve(date), h2Out, h2);
            int pgCode = run(data.resolve(date), pgOut, url(db));
            assertThat(pgCode).as(name + " " + date + ": exit code").isEqualTo(h2Code).isIn(0, 3);
            List<String> csvFiles = csvFiles(h2Out.resolve(date));
            assertThat(csvFiles).hasSize(9).contains("migration.csv", "regime_metrics.csv", "vintage.csv");
            assertThat(csvFiles(pgOut.resolve(date))).isEqualTo(csvFiles);
            for (String file : csvFiles) {
                Path expected = h2Out.resolve(date).resolve(file);
                Path actual = pgOut.resolve(date).resolve(file);
                // Lines first for a readable difference, then every byte.
                assertThat(Files.readAllLines(actual)).as(name + " " + date + " " + file)
                        .containsExactlyElementsOf(Files.readAllLines(expected));
                assertThat(Files.readAllBytes(actual)).as(file).isEqualTo(Files.readAllBytes(expected));
            }
            assertThat(withoutRunId(pgOut.resolve(date))).as(name + " " + date + " run_summary.json")
                    .isEqualTo(withoutRunId(h2Out.resolve(date)));
        }
        return db;
    }

    private static int run(Path input, Path output, String db) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MonitorApplication.run(new String[] {"--input=" + input, "--output=" + output, "--db=" + db},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(db + " " + input + ": " + err.toString(StandardCharsets.UTF_8)).isNotIn(1, 2);
        return code;
    }

    private String createDatabase(String name) throws SQLException {
        String db = "monitor_test_" + name + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            if (icu) {
                try {
                    s.execute("CREATE DATABASE " + db + " TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'");
                    databases.add(db);
                    return db;
                } catch (SQLException e) {
                    // Before PostgreSQL 15, or built without ICU: the server's own default collation.
                    System.err.println("PostgresFunctionalTests: no ICU collation (" + e.getMessage()
                            + "); using the server's default collation");
                    icu = false;
                }
            }
            s.execute("CREATE DATABASE " + db);
            databases.add(db);
            return db;
        }
    }

    private static Connection admin() throws SQLException {
        Properties timeouts = new Properties();
        timeouts.setProperty("connectTimeout", "3");
        timeouts.setProperty("loginTimeout", "5");
        return DriverManager.getConnection(SERVER, timeouts);
    }

    /** The server URL with another database in its path. */
    private static String url(String db) {
        return SERVER.replaceFirst("^(jdbc:postgresql://[^/?]*)/?[^?]*", "$1/" + db);
    }

    private static List<String> csvFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".csv")).sorted().toList();
        }
    }

    private static List<String> withoutRunId(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("run_summary.json")).stream()
                .filter(line -> !line.trim().startsWith("\"run_id\"")).toList();
    }
}
