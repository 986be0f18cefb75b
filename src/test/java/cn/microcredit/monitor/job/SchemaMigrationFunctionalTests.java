package cn.microcredit.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.microcredit.monitor.MonitorApplication;

/**
 * Issue 16: a launch builds Flyway only when the schema is behind the migrations of this build, and otherwise leaves
 * the database to Flyway as before. Each launch is {@code --history} in a JVM of its own whose class loading is
 * logged, so whether Flyway was built is read from what the JVM loaded (Flyway's configuration, Jackson 2 for its
 * plugin register), not from a flag in the code. On the embedded H2 and on PostgreSQL (skipped, saying so, without a
 * server, as {@link PostgresFunctionalTests}); every case on a new database, brought to its state by Flyway itself or
 * by an edit of its history table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaMigrationFunctionalTests {

    private static final String SERVER = System.getProperty("monitor.test.postgres",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db");
    private static final Pattern VERSIONED = Pattern.compile("V(.+?)__.*\\.sql");
    /** Loaded for every Flyway instance (its configuration); by nothing else. */
    private static final String FLYWAY_CONFIGURATION = "org.flywaydb.core.api.configuration.ClassicConfiguration ";
    /** Flyway's plugin register; nothing else in the application uses Jackson 2. */
    private static final String JACKSON_2 = "com.fasterxml.jackson.";

    @TempDir
    static Path work;

    private final AtomicInteger launches = new AtomicInteger();
    private final List<String> postgresDatabases = new ArrayList<>();
    private String unreachable;

    private record Database(String vendor, String url, String user) {
    }

    private record Launch(int exitCode, String output, String classes) {

        boolean builtFlyway() {
            return classes.contains(FLYWAY_CONFIGURATION);
        }

        boolean loadedJackson2() {
            return classes.contains(JACKSON_2);
        }
    }

    @BeforeAll
    void askTheServer() {
        try (Connection c = admin()) {
            c.isValid(3);
        } catch (SQLException e) {
            unreachable = "PostgreSQL cases skipped: no server answers at " + SERVER + " (" + e.getMessage()
                    + "). Start one, or name one with -Dmonitor.test.postgres=JDBC-URL (README, section PostgreSQL).";
            System.err.println(unreachable);
        }
    }

    @AfterAll
    void dropDatabases() throws SQLException {
        if (postgresDatabases.isEmpty()) {
            return;
        }
        try (Connection c = admin(); Statement s = c.createStatement()) {
            for (String db : postgresDatabases) {
                s.execute("DROP DATABASE IF EXISTS " + db);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aFreshDatabaseIsMigrated(String vendor) throws Exception {
        Database db = newDatabase(vendor);

        Launch launch = history(db);

        assertThat(launch.exitCode()).as(launch.output()).isZero();
        assertThat(launch.builtFlyway()).isTrue();
        assertThat(appliedVersions(db)).isEqualTo(scripts(vendor));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aCurrentDatabaseIsNotMigratedAgainAndFlywayIsNotBuilt(String vendor) throws Exception {
        Database db = newDatabase(vendor);
        migrate(db, MigrationVersion.LATEST);
        List<String> before = historyRows(db);

        Launch launch = history(db);

        assertThat(launch.exitCode()).as(launch.output()).isZero();
        assertThat(launch.builtFlyway()).as("Flyway built").isFalse();
        assertThat(launch.loadedJackson2()).as("Jackson 2 loaded").isFalse();
        assertThat(historyRows(db)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aDatabaseOneMigrationBehindIsMigrated(String vendor) throws Exception {
        Database db = newDatabase(vendor);
        List<String> scripts = scripts(vendor);
        migrate(db, MigrationVersion.fromVersion(scripts.get(scripts.size() - 2)));
        assertThat(appliedVersions(db)).isEqualTo(scripts.subList(0, scripts.size() - 1));

        Launch launch = history(db);

        assertThat(launch.exitCode()).as(launch.output()).isZero();
        assertThat(launch.builtFlyway()).isTrue();
        assertThat(appliedVersions(db)).isEqualTo(scripts);
    }

    /**
     * The same top version with one migration fewer below it, as when a script is added below the top (a vendor
     * V7_0_2 after V8_0 was applied): Flyway decides, and out of order it refuses, as it always did.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aMigrationMissingBelowTheTopIsLeftToFlywayWhichReportsIt(String vendor) throws Exception {
        Database db = newDatabase(vendor);
        migrate(db, MigrationVersion.LATEST);
        List<String> scripts = scripts(vendor);
        String belowTop = scripts.get(scripts.size() - 2);
        edit(db, "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = ?", belowTop);

        Launch launch = history(db);

        assertThat(launch.exitCode()).isEqualTo(1);
        assertThat(launch.builtFlyway()).isTrue();
        assertThat(launch.output()).contains("resolved migration not applied to database: " + belowTop);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aMigrationEditedAfterItWasAppliedIsLeftToFlywayWhichReportsIt(String vendor) throws Exception {
        Database db = newDatabase(vendor);
        migrate(db, MigrationVersion.LATEST);
        String top = scripts(vendor).get(scripts(vendor).size() - 1);
        edit(db, "UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = ?", top);

        Launch launch = history(db);

        assertThat(launch.exitCode()).isEqualTo(1);
        assertThat(launch.builtFlyway()).isTrue();
        assertThat(launch.output()).contains("checksum mismatch for migration version " + top);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aFailedMigrationIsLeftToFlywayWhichReportsIt(String vendor) throws Exception {
        Database db = newDatabase(vendor);
        migrate(db, MigrationVersion.LATEST);
        String top = scripts(vendor).get(scripts(vendor).size() - 1);
        edit(db, "UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = ?", top);

        Launch launch = history(db);

        assertThat(launch.exitCode()).isEqualTo(1);
        assertThat(launch.builtFlyway()).isTrue();
        assertThat(launch.output()).contains("failed migration to version " + top);
    }

    /**
     * Boot's database initialization order with the migration in it: the JDBC templates, the job repository and Spring
     * Batch's schema script (H2) are created after {@code schemaMigration}, as they were after Boot's Flyway beans.
     */
    @Test
    void everyBeanThatNeedsTheSchemaIsCreatedAfterTheMigration() {
        Database db = new Database("h2", "jdbc:h2:file:" + work.resolve("h2-order/db"), "sa");
        try (ConfigurableApplicationContext context = new SpringApplication(MonitorApplication.class)
                .run("--spring.datasource.url=" + db.url())) {
            ConfigurableListableBeanFactory beans = context.getBeanFactory();
            List<String> needSchema = Stream.of(JdbcOperations.class, NamedParameterJdbcOperations.class,
                            JobRepository.class, DataSourceScriptDatabaseInitializer.class)
                    .flatMap(type -> Stream.of(beans.getBeanNamesForType(type))).toList();

            assertThat(needSchema).hasSizeGreaterThanOrEqualTo(4);
            for (String name : needSchema) {
                assertThat(beans.getBeanDefinition(name).getDependsOn()).as(name).contains("schemaMigration");
            }
        }
    }

    /** {@code --history} as cron would launch it, its class loading logged. */
    private Launch history(Database db) throws Exception {
        Path classes = work.resolve("classes-" + launches.incrementAndGet() + ".log");
        try (JobProcess job = JobProcess.start(List.of("-Xlog:class+load=info:file=" + classes),
                "--history", "--db=" + db.url())) {
            int exitCode = job.awaitExit(Duration.ofMinutes(2));
            return new Launch(exitCode, job.output(), Files.readString(classes));
        }
    }

    private Database newDatabase(String vendor) throws SQLException {
        if (vendor.equals("h2")) {
            return new Database(vendor, "jdbc:h2:file:" + work.resolve("h2-" + UUID.randomUUID() + "/db"), "sa");
        }
        assumeTrue(unreachable == null, unreachable);
        String name = "monitor_test_schema_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        postgresDatabases.add(name);
        return new Database(vendor, SERVER.replaceFirst("^(jdbc:postgresql://[^/?]*)/?[^?]*", "$1/" + name), null);
    }

    /** Flyway itself, as the application configures it, up to {@code target}. */
    private static void migrate(Database db, MigrationVersion target) {
        Flyway.configure().dataSource(dataSource(db))
                .locations("classpath:db/migration", "classpath:db/" + db.vendor())
                .target(target)
                .load()
                .migrate();
    }

    private static DataSource dataSource(Database db) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url());
        if (db.user() != null) {
            dataSource.setUsername(db.user());
            dataSource.setPassword("");
        }
        return dataSource;
    }

    private static void edit(Database db, String sql, String version) throws SQLException {
        try (Connection c = dataSource(db).getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, version);
            assertThat(s.executeUpdate()).as(sql + " " + version).isEqualTo(1);
        }
    }

    /** The versions of the history's versioned rows in the order applied, a failed one marked. */
    private static List<String> appliedVersions(Database db) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection c = dataSource(db).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT "version", "success" FROM "flyway_schema_history"
                     WHERE "version" IS NOT NULL ORDER BY "installed_rank\"""")) {
            while (rs.next()) {
                versions.add(rs.getString(1) + (rs.getBoolean(2) ? "" : " FAILED"));
            }
        }
        return versions;
    }

    /** Every row of the history, all columns, to show that a launch left it as it was. */
    private static List<String> historyRows(Database db) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource(db).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        assertThat(rows).isNotEmpty();
        return rows;
    }

    /** The versions of the source tree's scripts for this database, in Flyway's order, as its history writes them. */
    private static List<String> scripts(String vendor) throws IOException {
        List<MigrationVersion> versions = new ArrayList<>();
        for (String folder : List.of("migration", vendor)) {
            try (Stream<Path> files = Files.walk(MIGRATIONS.resolve(folder))) {
                files.map(f -> VERSIONED.matcher(f.getFileName().toString())).filter(Matcher::matches)
                        .forEach(m -> versions.add(MigrationVersion.fromVersion(m.group(1))));
            }
        }
        return versions.stream().sorted().map(MigrationVersion::getVersion).toList();
    }

    private static Connection admin() throws SQLException {
        Properties timeouts = new Properties();
        timeouts.setProperty("connectTimeout", "3");
        timeouts.setProperty("loginTimeout", "5");
        return DriverManager.getConnection(SERVER, timeouts);
    }
}
