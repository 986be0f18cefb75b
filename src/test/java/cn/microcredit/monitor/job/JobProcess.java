package cn.microcredit.monitor.job;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import cn.microcredit.monitor.MonitorApplication;

/**
 * The job as cron runs it: a JVM of its own (the test's classpath), whose console output can be watched and which can
 * be sent SIGTERM ({@link #terminate()}) or SIGKILL ({@link #kill()}).
 */
final class JobProcess implements AutoCloseable {

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private JobProcess(Process process) {
        this.process = process;
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.append(line).append('\n');
                }
            } catch (IOException e) {
                output.append("[reading the job's output failed: ").append(e).append("]\n");
            }
        }, "job-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    static JobProcess start(String... args) throws IOException {
        return start(List.of(), args);
    }

    /** With options for the JVM too, e.g. {@code -Xlog:class+load} or a {@code -Dlogging.level...}. */
    static JobProcess start(List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Short runs: the quick compiler starts the JVM in half the time.
                "-XX:TieredStopAtLevel=1", "-Xmx512m", "-Dfile.encoding=UTF-8"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MonitorApplication.class.getName()));
        command.addAll(List.of(args));
        return new JobProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Waits until the job has printed {@code text} (e.g. a step's "started" log line). */
    JobProcess awaitOutput(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (output.indexOf(text) < 0) {
            if (!process.isAlive()) {
                throw new AssertionError("the job ended (exit " + process.exitValue() + ") before printing '" + text
                        + "':\n" + output);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' within " + timeout + ":\n" + output);
            }
            Thread.sleep(10);
        }
        return this;
    }

    /** SIGTERM. (Through the handle: {@code Process.destroy()} would also close the pipe the output comes through.) */
    void terminate() {
        process.toHandle().destroy();
    }

    /** SIGKILL. */
    void kill() {
        process.toHandle().destroyForcibly();
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the job did not exit within " + timeout + ":\n" + output);
        }
        reader.join(5_000);
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    String output() {
        return output.toString();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
