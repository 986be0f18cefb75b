package cn.microcredit.monitor.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's two promises: the default profile regenerates {@code sample-data/} byte for byte (tests and README
 * figures rest on it), and the realistic profile (the benchmark's data set) is deterministic and has six ledgers per
 * date, JZB's in UTF-8 with BOM and Chinese headers.
 */
class SampleDataGeneratorTests {

    private static final int[] DATES = {day("2026-09-30"), day("2026-10-31"), day("2026-11-30")};

    @TempDir
    Path work;

    @Test
    void theDefaultProfileRegeneratesTheSampleDataByteForByte() throws IOException {
        Path out = work.resolve("sample");
        new SampleDataGenerator(out, 600, 81L, DATES).run();

        Path sample = Path.of("sample-data");
        List<Path> expected = files(sample).stream().filter(p -> !p.toString().equals("README.md")).toList();
        assertThat(files(out)).containsExactlyInAnyOrderElementsOf(expected);
        for (Path file : expected) {
            assertThat(Files.mismatch(sample.resolve(file), out.resolve(file))).as(file.toString()).isEqualTo(-1L);
        }
    }

    @Test
    void theRealisticProfileIsDeterministicAndEveryBankSendsALedger() throws IOException {
        Path a = work.resolve("a");
        Path b = work.resolve("b");
        new SampleDataGenerator(a, 3_000, 81L, DATES, true).run();
        new SampleDataGenerator(b, 3_000, 81L, DATES, true).run();

        List<Path> files = files(a);
        assertThat(files(b)).containsExactlyInAnyOrderElementsOf(files);
        for (Path file : files) {
            assertThat(Files.mismatch(a.resolve(file), b.resolve(file))).as(file.toString()).isEqualTo(-1L);
        }
        try (Stream<Path> ledgers = Files.list(a.resolve("2026-11-30/ledgers"))) {
            assertThat(ledgers.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "LNRCB_20261130.csv", "PSBC-LN_20261130.csv", "ABC-LN_20261130.csv", "LSB_20261130.csv",
                    "CZ-VB_20261130.csv", "JZB_20261130.csv");
        }
        String jzb = Files.readString(a.resolve("2026-11-30/ledgers/JZB_20261130.csv"), StandardCharsets.UTF_8);
        assertThat(jzb).startsWith("\uFEFF序号,机构代码,借据号,");
        assertThat(jzb.lines().count()).isGreaterThan(50);
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    private static int day(String iso) {
        return (int) LocalDate.parse(iso).toEpochDay();
    }
}
