package cn.microcredit.monitor.ops;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.management.ObjectName;

/**
 * Leaves the job's code to HotSpot's quick compiler (C1) on a machine of one or two cores, where the optimising one
 * (C2) costs more than it saves.
 * <p>
 * A run is tens of seconds of many different hot loops (CSV parsing, chunk coding, H2, the rules, the sheet XML). On two
 * cores C2 compiles them on one thread that was busy for most of a 1 M-loan run (31 s of its CPU in a 47 s run), taking
 * that core from the job's two threads, and recompiles the largest methods as their rarely taken branches turn up.
 * Measured on the 1 M realistic benchmark, three alternating runs each (docs/benchmarks.md): 25.5-31.3 s and 45-55 s of
 * CPU with C2; 21.2-25.3 s and 30-37 s without it (this class), against 20.2-22.9 s with {@code
 * -XX:TieredStopAtLevel=1}, which the cron wrapper passes and a plain {@code java -jar} cannot.
 * <p>
 * How: a compiler directive (JEP 165) that excludes every method from C2, added through the JVM's own
 * DiagnosticCommand MBean ({@code jcmd PID Compiler.directives_add} from inside); a method then hot enough for C2 is
 * compiled by C1 without profiling instead. It is added on a thread of its own, since starting JMX takes 0.2 s. Nothing
 * is done with more than two cores (C2 then has a core to itself; not measured here), on a JVM without that MBean, or
 * with {@code -Dmonitor.compiler=full}, nor in the JVM {@link FastStart} starts with the option itself. A failure is
 * never the run's: the job only runs slower.
 */
public final class QuickCompilation {

    /** System property: {@code full} keeps C2 whatever the cores. */
    public static final String PROPERTY = "monitor.compiler";
    /** Its value when the JVM was started with {@code -XX:TieredStopAtLevel=1} ({@link FastStart}): nothing to add. */
    static final String BY_OPTION = "c1-by-option";
    static final String DIRECTIVE = "[ { match: \"*.*\", c2: { Exclude: true } } ]";

    private QuickCompilation() {
    }

    /** Starts adding the directive where it pays, without waiting for it. */
    public static void startIfFewCores() {
        if (wanted(Runtime.getRuntime().availableProcessors(), System.getProperty(PROPERTY))) {
            Thread t = new Thread(QuickCompilation::addDirective, "quick-compilation");
            t.setDaemon(true);
            t.start();
        }
    }

    static boolean wanted(int cores, String setting) {
        return cores <= 2 && !"full".equalsIgnoreCase(setting) && !BY_OPTION.equals(setting);
    }

    /** Adds the directive; true if the JVM took it. */
    static boolean addDirective() {
        Path file = null;
        try {
            file = Files.createTempFile("microcredit-compiler-", ".json");
            Files.writeString(file, DIRECTIVE);
            Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
            return String.valueOf(answer).contains("1 compiler directives added");
        } catch (Exception | LinkageError e) {
            return false;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (Exception e) {
                    // A 60-byte temp file of our own; the JVM's temp folder is cleaned in time.
                }
            }
        }
    }
}
