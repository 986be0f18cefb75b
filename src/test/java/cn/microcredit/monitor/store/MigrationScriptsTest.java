package cn.microcredit.monitor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * {@link MigrationScripts} finds what Flyway finds, with the checksums Flyway records: checked against Flyway's own
 * view of the same locations ({@code info()} on an empty in-memory database), for the application's migrations and
 * for the fixtures of {@code src/test/resources/store/migrations}.
 */
class MigrationScriptsTest {

    private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    @ParameterizedTest
    @ValueSource(strings = {"classpath:db/migration,classpath:db/h2", "classpath:db/migration,classpath:db/postgresql",
            "classpath:store/migrations/ordered"})
    void versionsAndChecksumsAreThoseFlywayResolves(String locations) throws IOException {
        List<String> list = List.of(locations.split(","));

        MigrationScripts scripts = MigrationScripts.find(resolver, list).orElseThrow();

        assertThat(scripts.checksums()).isNotEmpty().isEqualTo(flywaysView(list));
    }

    @Test
    void theLatestVersionIsByFlywaysOrderNotByText() throws IOException {
        MigrationScripts scripts = MigrationScripts.find(resolver, List.of("classpath:store/migrations/ordered"))
                .orElseThrow();

        assertThat(scripts.checksums().keySet()).containsExactlyInAnyOrder(MigrationVersion.fromVersion("7.0.1"),
                MigrationVersion.fromVersion("8.0"), MigrationVersion.fromVersion("10"));
        assertThat(scripts.latest()).isEqualTo(MigrationVersion.fromVersion("10"));
    }

    @Test
    void oneVersionTwiceCannotBeToldAndFlywayRefusesIt() throws IOException {
        List<String> twice = List.of("classpath:store/migrations/twice");

        assertThat(MigrationScripts.find(resolver, twice)).isEmpty();
        assertThatThrownBy(() -> flywaysView(twice)).hasMessageContaining("more than one migration with version 1");
    }

    @Test
    void aLocationOutsideTheClasspathCannotBeTold() throws IOException {
        assertThat(MigrationScripts.find(resolver,
                List.of("classpath:db/migration", "filesystem:src/main/resources/db/h2"))).isEmpty();
    }

    private static Map<MigrationVersion, Integer> flywaysView(List<String> locations) {
        Map<MigrationVersion, Integer> checksums = new HashMap<>();
        for (MigrationInfo m : Flyway.configure().dataSource("jdbc:h2:mem:", "sa", "")
                .locations(locations.toArray(String[]::new)).load().info().all()) {
            if (m.getVersion() != null) {
                checksums.put(m.getVersion(), m.getChecksum());
            }
        }
        return checksums;
    }
}
