package cn.microcredit.monitor.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second JVM of a plain {@code java -jar}: its command, when it is started at all, the archive it leaves, and the
 * two JVMs' lives tied together (exit code, SIGTERM, kill -9). That the real jar starts through it is
 * FastStartIT's, after the jar is built.
 */
class FastStartTest {

    @TempDir
    Path dir;

    private FastStart.Prepared prepared(boolean withArchive) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("monitor.jar-1-2-java17.0.15"));
        if (withArchive) {
            Files.writeString(folder.resolve(FastStart.ARCHIVE), "archive");
        }
        return new FastStart.Prepared(folder, folder.resolve("monitor.jar"), folder.resolve("classes.jsa.new-42"));
    }

    @Test
    void theSecondJvmInheritsTheOptionsAndMapsTheArchive() throws IOException {
        FastStart.Prepared prepared = prepared(true);

        List<String> command = FastStart.command("/jdk/bin/java", List.of("-Xmx512m", "-Dmonitor.load.threads=1",
                "-XX:SharedArchiveFile=/old.jsa", "-Xshare:off"), 2, prepared, true, 4711,
                new String[] {"--input=/data/2026-11-30", "--db=jdbc:h2:file:/db/m"});

        assertThat(command).containsExactly("/jdk/bin/java", "-Xmx512m", "-Dmonitor.load.threads=1",
                "-XX:TieredStopAtLevel=1", "-Dmonitor.compiler=c1-by-option",
                "-XX:SharedArchiveFile=" + prepared.folder().resolve("classes.jsa"), "-Xshare:auto", "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off", "-Dmonitor.fast-start.parent=4711", "-jar",
                prepared.folder().resolve("monitor.jar").toString(), "--input=/data/2026-11-30",
                "--db=jdbc:h2:file:/db/m");
    }

    @Test
    void withoutAnArchiveOnlyTheRunOfADateWritesOne() throws IOException {
        FastStart.Prepared prepared = prepared(false);

        List<String> run = FastStart.command("java", List.of(), 2, prepared, true, 1, new String[] {"--input=/d"});
        List<String> history = FastStart.command("java", List.of(), 2, prepared, false, 1, new String[] {"--history"});

        assertThat(run).contains("-XX:ArchiveClassesAtExit=" + prepared.newArchive())
                .noneMatch(o -> o.startsWith("-XX:SharedArchiveFile"));
        assertThat(history).noneMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit") || o.startsWith(
                "-XX:SharedArchiveFile")).contains("--history");
    }

    @Test
    void c2IsLeftAloneOnMoreCoresOrWhenTheCompilerIsChosen() throws IOException {
        FastStart.Prepared prepared = prepared(true);
        String[] args = {"--input=/d"};

        assertThat(FastStart.command("java", List.of(), 4, prepared, true, 1, args))
                .noneMatch(o -> o.startsWith("-XX:TieredStopAtLevel") || o.startsWith("-Dmonitor.compiler"));
        assertThat(FastStart.command("java", List.of("-Dmonitor.compiler=full"), 2, prepared, true, 1, args))
                .contains("-Dmonitor.compiler=full").noneMatch(o -> o.startsWith("-XX:TieredStopAtLevel"));
        assertThat(FastStart.command("java", List.of("-XX:TieredStopAtLevel=4"), 1, prepared, true, 1, args))
                .containsOnlyOnce("-XX:TieredStopAtLevel=4").noneMatch(o -> o.equals("-XX:TieredStopAtLevel=1"));
    }

    @Test
    void onlyAPlainJavaJarOfTheBootJarIsStartedAgain() throws IOException {
        Path boot = jar("boot.jar", "BOOT-INF/", "BOOT-INF/lib/", "BOOT-INF/lib/a.jar");
        Path plain = jar("plain.jar", "cn/", "cn/A.class");

        assertThat(FastStart.bootJar(boot.toString())).contains(boot.toAbsolutePath());
        assertThat(FastStart.bootJar(plain.toString())).isEmpty();
        assertThat(FastStart.bootJar(boot + java.io.File.pathSeparator + plain)).isEmpty();
        assertThat(FastStart.bootJar(dir.resolve("classes").toString())).isEmpty();
        assertThat(FastStart.bootJar(dir.resolve("missing.jar").toString())).isEmpty();
        assertThat(FastStart.bootJar(null)).isEmpty();

        assertThat(FastStart.watching("-agentlib:jdwp=transport=dt_socket")).isTrue();
        assertThat(FastStart.watching("-XX:StartFlightRecording=filename=x.jfr")).isTrue();
        assertThat(FastStart.watching("-javaagent:/x.jar")).isTrue();
        assertThat(FastStart.watching("-Xmx512m")).isFalse();
    }

    @Test
    void aJarThatCannotBeExtractedLeavesNothingBehind() throws IOException {
        Path notBoot = jar("monitor.jar", "BOOT-INF/", "BOOT-INF/lib/");

        assertThatThrownBy(() -> FastStart.prepare(notBoot)).isInstanceOf(IOException.class)
                .hasMessageContaining("extracting " + notBoot.toAbsolutePath());
        try (Stream<Path> left = Files.list(dir.resolve("fast-start"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void anExtractedJarIsReusedAndArchivesLeftByKilledRunsAreRemoved() throws Exception {
        Path jar = jar("monitor.jar", "BOOT-INF/", "BOOT-INF/lib/");
        Path folder = Files.createDirectories(dir.resolve("fast-start").resolve(FastStart.stamp(jar)));
        Files.writeString(folder.resolve("monitor.jar"), "extracted before");
        Process ended = new ProcessBuilder(java(), "-version").start();
        ended.waitFor();
        Path abandoned = Files.writeString(folder.resolve("classes.jsa.new-" + ended.pid()), "half");
        Path beingWritten = Files.writeString(folder.resolve("classes.jsa.new-" + ProcessHandle.current().pid()), "");

        FastStart.Prepared prepared = FastStart.prepare(jar);

        assertThat(prepared.jar()).isEqualTo(folder.resolve("monitor.jar")).hasContent("extracted before");
        assertThat(abandoned).doesNotExist();
        assertThat(beingWritten).exists();
        assertThat(FastStart.stamp(jar)).startsWith("monitor.jar-" + Files.size(jar) + "-")
                .endsWith("-java" + Runtime.version().feature() + "." + Runtime.version().interim() + "."
                        + Runtime.version().update());
    }

    @Test
    void theArchiveIsKeptOnlyFromARunThatPublished() throws IOException {
        for (int exitCode : new int[] {1, 2, 137}) {
            FastStart.Prepared prepared = prepared(false);
            Files.writeString(prepared.newArchive(), "new");
            prepared.keepArchive(exitCode);
            assertThat(prepared.archiveExists()).as("exit %d", exitCode).isFalse();
            assertThat(prepared.newArchive()).doesNotExist();
        }
        for (int exitCode : new int[] {0, 3}) {
            FastStart.Prepared prepared = prepared(false);
            Files.writeString(prepared.newArchive(), "new");
            prepared.keepArchive(exitCode);
            assertThat(prepared.archive()).as("exit %d", exitCode).hasContent("new");
            Files.delete(prepared.archive());
        }
        FastStart.Prepared existing = prepared(true);
        existing.keepArchive(0); // a run that mapped the archive wrote none
        assertThat(existing.archive()).hasContent("archive");
    }

    @Test
    void theFirstJvmExitsWithTheSecondsCode() throws Exception {
        try (Jvms jvms = Jvms.start("exit-3")) {
            assertThat(jvms.first.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(jvms.first.exitValue()).isEqualTo(3);
        }
    }

    @Test
    void aSigtermToTheFirstJvmStopsTheSecondAndExitsWithItsCode() throws Exception {
        try (Jvms jvms = Jvms.start("wait")) {
            ProcessHandle second = jvms.awaitSecond();

            jvms.first.toHandle().destroy();

            assertThat(jvms.first.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(jvms.first.exitValue()).as(jvms.output()).isEqualTo(7);
            assertThat(jvms.output()).contains("second: SIGTERM");
            assertThat(second.isAlive()).isFalse();
        }
    }

    @Test
    void whenTheFirstJvmIsKilledTheSecondHalts() throws Exception {
        try (Jvms jvms = Jvms.start("wait")) {
            ProcessHandle second = jvms.awaitSecond();

            jvms.first.toHandle().destroyForcibly();

            assertThat(second.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
            assertThat(jvms.output()).contains("was killed; stopping at once")
                    .doesNotContain("second: SIGTERM");
        }
    }

    private Path jar(String name, String... entries) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            for (String entry : entries) {
                j.putNextEntry(new JarEntry(entry));
                j.closeEntry();
            }
        }
        return jar;
    }

    /** A first JVM ({@link First}) waiting for its second ({@link Second}), both on the test's classpath. */
    private static final class Jvms implements AutoCloseable {
        final Process first;
        final StringBuffer output = new StringBuffer();
        final Thread reader;

        private Jvms(Process first) {
            this.first = first;
            reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(first.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        output.append(line).append('\n');
                    }
                } catch (IOException e) {
                    output.append(e).append('\n');
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        static Jvms start(String secondDoes) throws IOException {
            return new Jvms(new ProcessBuilder(java(), "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), First.class.getName(), secondDoes)
                    .redirectErrorStream(true).start());
        }

        /** The second JVM, once it is ready. */
        ProcessHandle awaitSecond() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                int at = output.indexOf("second ready ");
                if (at >= 0 && output.indexOf("\n", at) > 0) {
                    String pid = output.substring(at + "second ready ".length(), output.indexOf("\n", at));
                    return ProcessHandle.of(Long.parseLong(pid.trim())).orElseThrow();
                }
                Thread.sleep(20);
            }
            throw new AssertionError("the second JVM did not start:\n" + output);
        }

        String output() throws InterruptedException {
            reader.join(2_000);
            return output.toString();
        }

        @Override
        public void close() {
            first.descendants().forEach(ProcessHandle::destroyForcibly);
            first.destroyForcibly();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Starts {@link Second} as FastStart starts the job, and waits for it. */
    public static final class First {
        public static void main(String[] args) throws IOException {
            List<String> command = new ArrayList<>(List.of(java(), "-Xmx64m", "-XX:TieredStopAtLevel=1",
                    "-D" + FastStart.PARENT_PROPERTY + "=" + ProcessHandle.current().pid(), "-cp",
                    System.getProperty("java.class.path"), Second.class.getName(), args[0]));
            Process second = new ProcessBuilder(command).inheritIO().start();
            System.exit(FastStart.waitFor(second));
        }
    }

    /** The job's stand-in: exits 3 at once, or waits, and on SIGTERM stops with 7 (as StopOnSignal, with its code). */
    public static final class Second {
        public static void main(String[] args) throws InterruptedException {
            FastStart.watchFirstJvm();
            if (args[0].equals("exit-3")) {
                System.exit(3);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.println("second: SIGTERM");
                System.out.flush();
                Runtime.getRuntime().halt(7);
            }));
            System.out.println("second ready " + ProcessHandle.current().pid());
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(2));
        }
    }
}
