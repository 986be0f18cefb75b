package cn.microcredit.monitor.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

class QuickCompilationTest {

    @Test
    void onlyOnOneOrTwoCoresAndNotWhenFullIsAsked() {
        assertThat(QuickCompilation.wanted(1, null)).isTrue();
        assertThat(QuickCompilation.wanted(2, null)).isTrue();
        assertThat(QuickCompilation.wanted(2, "FULL")).isFalse();
        assertThat(QuickCompilation.wanted(2, "c1")).isTrue();
        assertThat(QuickCompilation.wanted(3, null)).isFalse();
        // FastStart's second JVM: C1 only by its command line already.
        assertThat(QuickCompilation.wanted(2, "c1-by-option")).isFalse();
    }

    /** In a JVM of its own: the directive stays for the rest of a JVM's life, and this one runs the other tests. */
    @Test
    void theJvmTakesTheDirectiveAndThenExcludesC2() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                Child.class.getName())).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(out).startsWith("added true");
        // The directive printed back, before the JVM's default one: every method, C2 excluded, C1 not concerned.
        assertThat(out).contains("Directive: (default)");
        String ours = out.substring(0, out.indexOf("Directive: (default)"));
        assertThat(ours).contains("matching: *.*")
                .containsPattern("c1 directives:\\s+inline: -\\s+Enable:false Exclude:false")
                .containsPattern("c2 directives:\\s+inline: -\\s+Enable:true Exclude:true");
    }

    /** Adds the directive and prints what the JVM then holds. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            System.out.println("added " + QuickCompilation.addDirective());
            System.out.println(ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesPrint",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()}));
        }
    }
}
