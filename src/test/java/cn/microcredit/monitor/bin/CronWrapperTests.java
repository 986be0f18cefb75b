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
        Files.writeString(fakeJava, """
                #!/usr/bin/env bash
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
        List<String> command = new java.util.ArrayList<>(List.of("bash", WRAPPER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("MICROCREDIT_JAVA", fakeJava.toString());
        pb.environment().put("MICROCREDIT_JAR", "/opt/monitor.jar");
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
}
