package cn.microcredit.monitor.bin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/microcredit-monitor}, the cron wrapper, with a stand-in for java that records its arguments and exits
 * with a chosen code: it passes the date folder and options on, returns the job's exit code, and refuses to start
 * while another copy holds the lock.
 */
class CronWrapperTests {

    private static final Path WRAPPER = Path.of("bin/microcredit-monitor").toAbsolutePath();

    @TempDir
    Path work;

    private Path fakeJava;
    private Path lock;

    @BeforeEach
    void fakeJava() throws IOException {
        fakeJava = work.resolve("java");
        // Also plays the two preparation calls of class data sharing: extracting the jar, and the training run that
        // writes the archive at exit.
        Files.writeString(fakeJava, """
                #!/usr/bin/env bash
                prev=""
                for a in "$@"; do
                    if [ "$prev" = --destination ]; then mkdir -p "$a" && touch "$a/monitor.jar"; echo extracted >> "$0.calls"; exit 0; fi
                    case "$a" in -XX:ArchiveClassesAtExit=*) touch "${a#*=}"; echo trained >> "$0.calls"; exit 3 ;; esac
                    prev="$a"
                done
                echo "args: $*"
                echo "umask: $(umask)"
                exit "${FAKE_EXIT:-0}"
                """);
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwx------"));
        lock = work.resolve("monitor.lock");
    }

    private record Result(int code, String output) {
    }

    private Result run(int fakeExit, String... args) throws Exception {
        return runJar(fakeExit, "/opt/monitor.jar", null, args);
    }

    private Result runJar(int fakeExit, String jar, String cds, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", WRAPPER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("MICROCREDIT_JAVA", fakeJava.toString());
        pb.environment().put("MICROCREDIT_JAR", jar);
        if (cds != null) {
            pb.environment().put("MICROCREDIT_CDS", cds);
        }
        pb.environment().put("MICROCREDIT_LOCK", lock.toString());
        pb.environment().put("JAVA_OPTS", "-Xmx1g");
        pb.environment().put("FAKE_EXIT", Integer.toString(fakeExit));
        Process p = pb.start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void passesTheFolderAndOptionsOnAndReturnsTheJobsExitCode() throws Exception {
        Result r = run(3, "/data/2026-10-31", "--output=/srv/out", "--log-dir=/var/log/m");

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.output()).contains(
                "args: -Xmx1g -jar /opt/monitor.jar --input=/data/2026-10-31 --output=/srv/out --log-dir=/var/log/m",
                "umask: 0027");
    }

    @Test
    void refusesToStartWhileAnotherCopyHoldsTheLock() throws Exception {
        Process holder = new ProcessBuilder("bash", "-c",
                "exec 9>>'" + lock + "'; flock 9; echo locked; sleep 15").start();
        try {
            assertThat(new String(holder.getInputStream().readNBytes(6), StandardCharsets.UTF_8)).isEqualTo("locked");

            Result r = run(0, "/data/2026-10-31");

            assertThat(r.code()).isEqualTo(1);
            assertThat(r.output()).contains("another run holds").doesNotContain("args:");
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void withoutADateFolderItPrintsUsage() throws Exception {
        Result r = run(0);

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.output()).contains("usage:");
    }

    @Test
    void preparesAClassDataSharingArchiveOncePerJarAndRunsWithIt() throws Exception {
        Path jar = Files.createDirectories(work.resolve("target")).resolve("monitor.jar");
        Files.writeString(jar, "a jar");
        Path cds = work.resolve("target/cds");

        Path calls = work.resolve("java.calls");

        Result first = runJar(0, jar.toString(), null, "/data/2026-10-31");
        assertThat(Files.readAllLines(calls)).containsExactly("extracted", "trained");
        assertThat(first.output()).contains("args: -Xmx1g -XX:SharedArchiveFile="
                + cds.resolve("microcredit-monitor.jsa") + " -Xlog:cds=off -Xlog:cds+dynamic=off -jar "
                + cds.resolve("app/monitor.jar") + " --input=/data/2026-10-31");

        Result second = runJar(0, jar.toString(), null, "/data/2026-10-31");
        assertThat(Files.readAllLines(calls)).hasSize(2);
        assertThat(second.output()).contains("-XX:SharedArchiveFile=");

        // A new jar: a new archive.
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        runJar(0, jar.toString(), null, "/data/2026-10-31");
        assertThat(Files.readAllLines(calls)).containsExactly("extracted", "trained", "extracted", "trained");
    }

    @Test
    void runsThePlainJarWhenToldOrWhenNoArchiveCanBeMade() throws Exception {
        Path jar = Files.createDirectories(work.resolve("target")).resolve("monitor.jar");
        Files.writeString(jar, "a jar");

        Result off = runJar(0, jar.toString(), "off", "/data/2026-10-31");
        assertThat(off.output()).doesNotContain("SharedArchiveFile").contains("-jar " + jar);
        assertThat(work.resolve("java.calls")).doesNotExist();

        Files.writeString(fakeJava, """
                #!/usr/bin/env bash
                case "$*" in *extract*) exit 1 ;; esac
                echo "args: $*"
                """);
        Result failed = runJar(0, jar.toString(), null, "/data/2026-10-31");
        assertThat(failed.output()).contains("no archive made; running without it", "args: -Xmx1g -jar " + jar);
    }

    @Test
    void aSigtermToTheWrapperReachesTheJob() throws Exception {
        // Issue 17, item 9: the wrapper used to return 143 while java went on and published.
        Path marker = work.resolve("term");
        Files.writeString(fakeJava, """
                #!/usr/bin/env bash
                trap 'echo got-term > "%s"; exit 143' TERM
                echo started
                while true; do sleep 0.05; done
                """.formatted(marker));
        ProcessBuilder pb = new ProcessBuilder("bash", WRAPPER.toString(), "/data/2026-10-31")
                .redirectErrorStream(true);
        pb.environment().put("MICROCREDIT_JAVA", fakeJava.toString());
        pb.environment().put("MICROCREDIT_JAR", "/opt/monitor.jar");
        pb.environment().put("MICROCREDIT_LOCK", lock.toString());
        Process p = pb.start();
        try {
            assertThat(new String(p.getInputStream().readNBytes(7), StandardCharsets.UTF_8)).isEqualTo("started");

            p.toHandle().destroy();

            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(143);
            assertThat(marker).hasContent("got-term");
            assertThat(p.toHandle().descendants().count()).isZero();
        } finally {
            p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Test
    void theDefaultLockIsInTheUsersRuntimeFolderOrBesideTheJarNeverInTmp() throws Exception {
        // Issue 17, item 10: /tmp/microcredit-monitor.lock could be created first by any local user.
        Path runtime = Files.createDirectories(work.resolve("runtime"));
        Path jar = Files.createDirectories(work.resolve("app")).resolve("monitor.jar");
        for (String xdg : new String[] {runtime.toString(), null}) {
            ProcessBuilder pb = new ProcessBuilder("bash", WRAPPER.toString(), "/data/2026-10-31")
                    .redirectErrorStream(true);
            pb.environment().put("MICROCREDIT_JAVA", fakeJava.toString());
            pb.environment().put("MICROCREDIT_JAR", jar.toString());
            pb.environment().put("MICROCREDIT_CDS", "off");
            pb.environment().remove("MICROCREDIT_LOCK");
            if (xdg == null) {
                pb.environment().remove("XDG_RUNTIME_DIR");
            } else {
                pb.environment().put("XDG_RUNTIME_DIR", xdg);
            }
            Process p = pb.start();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        }

        Path inRuntime = runtime.resolve("microcredit-monitor.lock");
        Path besideJar = work.resolve("app/.microcredit-monitor.lock");
        assertThat(inRuntime).exists();
        assertThat(besideJar).exists();
        // Created after umask 027: no access for others.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(besideJar))).isEqualTo("rw-r-----");
    }
}
