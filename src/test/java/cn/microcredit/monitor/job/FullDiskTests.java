package cn.microcredit.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.MonitorApplication;

/**
 * The output disk fills up while the reports are written. The disk is real: a tmpfs with 48 KB to spare, mounted over
 * the output folder inside a user and mount namespace of the test's own ({@code unshare -rm}: no root needed where the
 * kernel allows unprivileged user namespaces; skipped where it does not). The job runs in that namespace in a process
 * of its own; what it leaves on the tmpfs is copied out before the namespace goes away.
 */
class FullDiskTests {

    private static final Path E2E = Path.of("src/test/resources/e2e");

    @TempDir
    Path work;

    @Test
    void aFullDiskWhileWritingReportsFailsTheRunAndLeavesThePublishedResultsAsTheyWere() throws Exception {
        assumeTrue(tmpfsInANamespaceOfOurOwn(), "unshare -rm with a tmpfs mount is not allowed here");
        String db = "--db=jdbc:h2:file:" + work.resolve("db/m").toAbsolutePath();
        Path before = work.resolve("before");
        assertThat(MonitorApplication.run(new String[] {"--input=" + E2E.resolve("2026-06-30"), "--output=" + before,
                db}, quiet(), quiet())).isZero();
        Path out = Files.createDirectories(work.resolve("out"));
        Path after = Files.createDirectories(work.resolve("after"));

        String script = """
                set -e
                mount -t tmpfs -o size=4m tmpfs "$OUT"
                cp -a "$BEFORE/." "$OUT/"
                mount -o remount,size=$(( $(df -k --output=used "$OUT" | tail -1) + 48 ))k "$OUT"
                set +e
                "$JAVA" -XX:TieredStopAtLevel=1 -Xmx512m -cp "$CP" %s --input="$INPUT" --output="$OUT" "$DB"
                code=$?
                cp -a "$OUT/." "$AFTER/"
                exit $code
                """.formatted(MonitorApplication.class.getName());
        ProcessBuilder pb = new ProcessBuilder("unshare", "-rm", "sh", "-c", script).redirectErrorStream(true);
        pb.environment().put("OUT", out.toAbsolutePath().toString());
        pb.environment().put("BEFORE", before.toAbsolutePath().toString());
        pb.environment().put("AFTER", after.toAbsolutePath().toString());
        pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().put("CP", System.getProperty("java.class.path"));
        pb.environment().put("INPUT", E2E.resolve("2026-07-31").toAbsolutePath().toString());
        pb.environment().put("DB", db);
        Process job = pb.start();
        String console = new String(job.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(job.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(job.exitValue()).as(console).isEqualTo(1);
        assertThat(console).contains("失败 FAILED: 2026-07-31 未发布任何结果 (nothing published): 写报表失败 (writing the "
                + "reports to " + out.toAbsolutePath() + " failed): No space left on device");
        // No half-written staging folder, no 2026-07-31, and 2026-06-30 to the byte as it was.
        try (Stream<Path> left = Files.list(after)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("2026-06-30",
                    ".publish.lock");
        }
        List<Path> files = relativeFiles(before.resolve("2026-06-30"));
        assertThat(relativeFiles(after.resolve("2026-06-30"))).isEqualTo(files);
        for (Path f : files) {
            assertThat(Files.mismatch(before.resolve("2026-06-30").resolve(f), after.resolve("2026-06-30").resolve(f)))
                    .as(f.toString()).isEqualTo(-1L);
        }
        ByteArrayOutputStream history = new ByteArrayOutputStream();
        MonitorApplication.run(new String[] {"--history", db}, new PrintStream(history, true, StandardCharsets.UTF_8),
                quiet());
        assertThat(history.toString(StandardCharsets.UTF_8))
                .containsPattern("2026-07-31\\s+\\d+ FAILED ").containsPattern("2026-06-30\\s+\\d+ COMPLETED ");
    }

    private boolean tmpfsInANamespaceOfOurOwn() throws IOException, InterruptedException {
        Path probe = Files.createDirectories(work.resolve("probe"));
        try {
            Process p = new ProcessBuilder("unshare", "-rm", "sh", "-c",
                    "mount -t tmpfs -o size=64k tmpfs '" + probe + "'").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> relativeFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
