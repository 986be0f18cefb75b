package cn.microcredit.monitor.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.stereotype.Component;

/**
 * Brings the schema up to the migrations this jar carries, and leaves Flyway unbuilt when it already is there (issue
 * 16): building a Flyway instance loads some 370 classes of Flyway's and 560 of Jackson 2's (its plugin register), and
 * its migrate still reads and validates the history when nothing is pending, about 0.3 s of every launch on the
 * project's 2-core machine (docs/benchmarks.md, "Flyway only when the schema is behind"). Nothing else here uses
 * Jackson 2.
 *
 * <p>The schema is current when every row of Flyway's history table is a successful versioned SQL migration (or H2's
 * marker of the table's creation) and their versions and checksums are exactly those of the scripts of
 * {@code spring.flyway.locations} for this database ({@link MigrationScripts}): the same top version, the same count,
 * so that a script added below the top (a vendor {@code V7_0_2}) is applied too. Anything else (an empty database,
 * an older schema, a failed, edited or missing migration, a baseline, a history that cannot be read) runs Flyway as
 * Boot would have, which migrates or reports the problem as before.
 *
 * <p>Boot's own Flyway start-up is excluded ({@code application.properties}); of {@code spring.flyway.*} only
 * {@code locations} applies, with {@code {vendor}} replaced as Boot replaces it. Every bean that uses the database
 * comes after this one: {@link SchemaMigrationDetector} declares it a database initializer, so the JDBC templates, the
 * job repository and Spring Batch's schema script depend on it, as they depended on Boot's Flyway initializer.
 */
@Component
@Import(DatabaseInitializationDependencyConfigurer.class)
public class SchemaMigration implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigration.class);

    /** Flyway's default name, given to Flyway explicitly so that the check and Flyway read the same table. */
    private static final String HISTORY_TABLE = "flyway_schema_history";

    /** Quoted: Flyway creates the table and its columns in lower case, also on H2 (which folds unquoted names up). */
    private static final String HISTORY = """
            SELECT "version", "checksum", "type", "success" FROM "%s"
            """.formatted(HISTORY_TABLE);
    private static final String VENDOR = "{vendor}";

    private final DataSource dataSource;
    private final ResourceLoader resources;
    private final List<String> locations;

    public SchemaMigration(DataSource dataSource, ResourceLoader resources,
                           @Value("${spring.flyway.locations}") List<String> locations) {
        this.dataSource = dataSource;
        this.resources = resources;
        this.locations = locations;
    }

    @Override
    public void afterPropertiesSet() throws Exception {
        List<String> resolved;
        Optional<Map<MigrationVersion, Integer>> applied;
        try (Connection c = dataSource.getConnection()) {
            DatabaseDriver driver = DatabaseDriver.fromJdbcUrl(c.getMetaData().getURL());
            resolved = driver == DatabaseDriver.UNKNOWN ? locations
                    : locations.stream().map(l -> l.replace(VENDOR, driver.getId())).toList();
            applied = appliedMigrations(c);
        }
        Optional<MigrationScripts> scripts = MigrationScripts.find(
                ResourcePatternUtils.getResourcePatternResolver(resources), resolved);
        if (applied.isPresent() && scripts.isPresent() && applied.get().equals(scripts.get().checksums())) {
            log.debug("Schema current at version {} ({} migrations): Flyway not started", scripts.get().latest(),
                    applied.get().size());
            return;
        }
        log.debug("Schema not known to be current: Flyway migrates {}", resolved);
        Flyway.configure(resources.getClassLoader())
                .dataSource(dataSource)
                .locations(resolved.toArray(String[]::new))
                .table(HISTORY_TABLE)
                .loggers("slf4j")
                .load()
                .migrate();
    }

    /**
     * The successful versioned migrations of the history by version, with their checksums; empty when the history
     * holds any other row or cannot be read (no table yet).
     */
    private static Optional<Map<MigrationVersion, Integer>> appliedMigrations(Connection c) {
        Map<MigrationVersion, Integer> applied = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(HISTORY)) {
            while (rs.next()) {
                String version = rs.getString(1);
                int checksum = rs.getInt(2);
                boolean noChecksum = rs.wasNull();
                String type = rs.getString(3);
                boolean success = rs.getBoolean(4);
                if (version == null && "TABLE".equals(type) && success) {
                    continue;
                }
                if (version == null || noChecksum || !"SQL".equals(type) || !success
                        || applied.put(MigrationVersion.fromVersion(version), checksum) != null) {
                    return Optional.empty();
                }
            }
        } catch (SQLException | FlywayException e) {
            log.debug("Flyway's history not readable ({}): Flyway will tell", e.getMessage());
            return Optional.empty();
        }
        return Optional.of(applied);
    }
}
