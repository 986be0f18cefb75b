package cn.microcredit.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.MonitorApplication;

/** {@code --log-dir} writes a log file whose run lines carry the run id; {@code --outbox} delivers only after success. */
class LogAndOutboxTests {

    @TempDir
    Path work;

    private int run(String input) {
        return MonitorApplication.run(new String[] {"--input=" + input, "--output=" + work.resolve("out"),
                "--db=jdbc:h2:file:" + work.resolve("db/m").toAbsolutePath(), "--log-dir=" + work.resolve("logs"),
                "--outbox=" + work.resolve("outbox")}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void aRunLogsToTheFolderWithItsRunIdAndDeliversEachSubBureausWorkbook() throws IOException {
        assertThat(run("src/test/resources/e2e/2026-06-30")).isZero();

        List<String> log = Files.readAllLines(work.resolve("logs/microcredit-monitor.log"), StandardCharsets.UTF_8);
        assertThat(log).anyMatch(l -> l.contains("[run 1] LedgerLoadTasklet - ledgers/b2.csv"))
                .anyMatch(l -> l.contains("[run 1] PrepareTasklet"));
        assertThat(work.resolve("outbox/省局/帮扶小额信贷风险监测_全省_2026-06-30.xlsx")).isRegularFile();
        assertThat(work.resolve("outbox/沈阳直属金融监管支局/帮扶小额信贷风险监测_沈阳直属金融监管支局_2026-06-30.xlsx"))
                .isRegularFile();
        assertThat(work.resolve("outbox/铁岭金融监管分局/帮扶小额信贷风险监测_铁岭金融监管分局_2026-06-30.xlsx"))
                .isRegularFile();
        try (var folders = Files.list(work.resolve("outbox"))) {
            assertThat(folders).hasSize(3);
        }
    }

    @Test
    void aFailedRunDeliversNothing() throws IOException {
        Path input = Files.createDirectories(work.resolve("2026-06-30/ledgers"));
        Files.copy(Path.of("src/test/resources/e2e/2026-06-30/ledgers/b1.csv"), input.resolve("b1.csv"));

        assertThat(run(work.resolve("2026-06-30").toString())).isEqualTo(1);

        try (var folders = Files.list(work.resolve("outbox"))) {
            assertThat(folders).isEmpty();
        }
        assertThat(Files.readString(work.resolve("logs/microcredit-monitor.log")))
                .containsPattern("ERROR \\[run \\d+\\] MonitorRunner - run \\d+ for 2026-06-30 failed .*banks.csv");
    }
}
