package cn.microcredit.monitor.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The versioned SQL migrations this jar carries for one database, found as Flyway finds them: every
 * {@code V<version>__<description>.sql} under the given {@code classpath:} locations, in every classpath root and
 * subfolder, each with the checksum Flyway records for it (CRC-32 of the lines' UTF-8 bytes, line breaks and a leading
 * byte order mark left out). Versions are Flyway's own {@link MigrationVersion}, so {@code 8_0} equals the history's
 * {@code 8.0} and {@code 7.0.1} sorts below {@code 8.0}.
 *
 * @param checksums each migration's checksum by version
 */
record MigrationScripts(Map<MigrationVersion, Integer> checksums) {

    private static final String CLASSPATH = "classpath:";
    private static final Pattern VERSIONED = Pattern.compile("V(.+?)__.*\\.sql");

    MigrationScripts {
        checksums = Collections.unmodifiableMap(checksums);
    }

    /**
     * The migrations under {@code locations} (placeholders such as {@code {vendor}} already replaced); empty when this
     * cannot be told the way Flyway would tell it: a location other than {@code classpath:}, a version Flyway cannot
     * read, or one version twice.
     */
    static Optional<MigrationScripts> find(ResourcePatternResolver resolver, List<String> locations)
            throws IOException {
        Map<MigrationVersion, Integer> checksums = new HashMap<>();
        for (String location : locations) {
            if (!location.startsWith(CLASSPATH)) {
                return Optional.empty();
            }
            String folder = location.substring(CLASSPATH.length()).replaceAll("^/+|/+$", "");
            for (Resource script : resolver.getResources("classpath*:" + folder + "/**/V*__*.sql")) {
                Matcher name = VERSIONED.matcher(script.getFilename());
                if (!name.matches()) {
                    continue;
                }
                MigrationVersion version;
                try {
                    version = MigrationVersion.fromVersion(name.group(1));
                } catch (FlywayException e) {
                    return Optional.empty();
                }
                if (checksums.put(version, checksum(script)) != null) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new MigrationScripts(checksums));
    }

    /** The highest version, by Flyway's ordering; {@link MigrationVersion#EMPTY} when there is none. */
    MigrationVersion latest() {
        return checksums.keySet().stream().max(MigrationVersion::compareTo).orElse(MigrationVersion.EMPTY);
    }

    private static int checksum(Resource script) throws IOException {
        CRC32 crc = new CRC32();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(script.getInputStream(), StandardCharsets.UTF_8))) {
            String line = in.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            for (; line != null; line = in.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return (int) crc.getValue();
    }
}
