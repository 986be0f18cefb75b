package cn.microcredit.monitor.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar as README's first command runs it (Maven's integration-test phase, after {@code package}): a plain
 * {@code java -jar} runs the sample date in a second JVM; the first run of the jar prepares the extracted jar and the
 * class data sharing archive, the next maps the application's classes from it, and both publish the same reports.
 */
class FastStartIT {

    private static final Path JAR = Path.of("target", "microcredit-monitor.jar").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void thePlainJarRunsTheSampleInASecondJvmThatMapsTheArchiveFromTheSecondRunOn() throws Exception {
        assertThat(JAR).as("built by mvn package").isRegularFile();
        Path home = JAR.resolveSibling("fast-start");
        FastStart.deleteTree(home); // as after a new build

        Run first = run("first", "sample-data/2026-09-30");
        try (Stream<Path> stamps = Files.list(home)) {
            List<Path> folders = stamps.toList();
            assertThat(folders).hasSize(1);
            assertThat(folders.get(0).resolve(FastStart.ARCHIVE)).isRegularFile();
            assertThat(folders.get(0).resolve("microcredit-monitor.jar")).isRegularFile();
        }
        Run second = run("second", "sample-data/2026-10-31");

        for (Run r : List.of(first, second)) {
            // The sample's bank JZB sends no ledger: exit 3, as README says; the reports are published.
            assertThat(r.exitCode()).as(r.output()).isEqualTo(3);
            assertThat(r.output()).contains("exit code 3");
            assertThat(r.classLogs()).as("one log per JVM").hasSize(2);
        }
        assertThat(dir.resolve("out/2026-10-31/帮扶小额信贷风险监测_全省_2026-10-31.xlsx")).isRegularFile();
        // Of the two JVMs of the second run, the one that ran the job took the application's classes from the
        // archive; the first run wrote it.
        assertThat(second.classLogs()).anySatisfy(log -> assertThat(log).containsPattern(
                "cn\\.microcredit\\.monitor\\.job\\.RulesTasklet source: shared objects file"));
        assertThat(String.join("", first.classLogs())).doesNotContain("shared objects file (top)");
    }

    private record Run(int exitCode, String output, List<String> classLogs) {
    }

    private Run run(String name, String input) throws IOException, InterruptedException {
        Path logs = Files.createDirectories(dir.resolve("classes-" + name));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + logs.resolve("%p.log"), "-jar", JAR.toString(), "--input=" + input,
                "--db=jdbc:h2:file:" + dir.resolve("db/m"), "--output=" + dir.resolve("out"))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        try (Stream<Path> files = Files.list(logs)) {
            List<String> classLogs = files.map(f -> {
                try {
                    return Files.readString(f, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            return new Run(p.exitValue(), output, classLogs);
        }
    }
}
