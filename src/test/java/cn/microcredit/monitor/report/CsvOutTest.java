package cn.microcredit.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvOutTest {

    @TempDir
    Path dir;

    @Test
    void fileStartsWithUtf8ByteOrderMark() throws IOException {
        Path file = write(List.of("a"));

        byte[] bytes = Files.readAllBytes(file);
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    }

    @Test
    void headerThenRowsEachEndingInCrLf() throws IOException {
        Path file = write(List.of("as_of", "county_name", "balance", "status"),
                new Object[] {LocalDate.of(2026, 6, 30), "和平区", new BigDecimal("180000"), "PAUSE"},
                new Object[] {LocalDate.of(2026, 6, 30), "新民市", new BigDecimal("50000.5"), "OK"});

        assertThat(content(file)).isEqualTo("""
                as_of,county_name,balance,status\r
                2026-06-30,和平区,180000.00,PAUSE\r
                2026-06-30,新民市,50000.50,OK\r
                """);
    }

    @Test
    void textWithCommaQuoteOrNewlineIsQuoted() throws IOException {
        Path file = write(List.of("detail"),
                new Object[] {"金额 12,345.60"},
                new Object[] {"他说\"好\""},
                new Object[] {"第一行\n第二行"},
                new Object[] {"a\rb"});

        assertThat(content(file)).isEqualTo("detail\r\n"
                + "\"金额 12,345.60\"\r\n"
                + "\"他说\"\"好\"\"\"\r\n"
                + "\"第一行\n第二行\"\r\n"
                + "\"a\rb\"\r\n");
    }

    @Test
    void moneyIsRoundedHalfUpToTwoPlaces() {
        assertThat(CsvOut.format(new BigDecimal("2005.49979"))).isEqualTo("2005.50");
        assertThat(CsvOut.format(new BigDecimal("0.125"))).isEqualTo("0.13");
        assertThat(CsvOut.format(new BigDecimal("0.124999"))).isEqualTo("0.12");
        assertThat(CsvOut.format(new BigDecimal("-0.125"))).isEqualTo("-0.13");
        assertThat(CsvOut.format(new BigDecimal("1E+3"))).isEqualTo("1000.00");
        assertThat(CsvOut.format(new BigDecimal("4.7222222222222222"))).isEqualTo("4.72");
    }

    @Test
    void nullIsAnEmptyField() throws IOException {
        Path file = write(List.of("a", "b", "c"), new Object[] {"x", null, null});

        assertThat(content(file)).isEqualTo("a,b,c\r\nx,,\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+86 138", "-1.50", "@SUM(A1)", "\tcmd", "=1+1"})
    void textThatASpreadsheetWouldRunGetsALeadingApostrophe(String text) {
        assertThat(CsvOut.safeText(text)).isEqualTo("'" + text);
    }

    @Test
    void textStartingWithCarriageReturnIsGuardedAndQuoted() {
        assertThat(CsvOut.format("\r=1+1")).isEqualTo("\"'\r=1+1\"");
    }

    @Test
    void guardedTextWithACommaIsStillQuoted() {
        assertThat(CsvOut.format("=1,2")).isEqualTo("\"'=1,2\"");
        assertThat(CsvOut.format("=\"x\"")).isEqualTo("\"'=\"\"x\"\"\"");
    }

    @Test
    void harmlessTextIsLeftAlone() {
        assertThat(CsvOut.format("L2026-0001")).isEqualTo("L2026-0001");
        assertThat(CsvOut.format("张=三")).isEqualTo("张=三");
        assertThat(CsvOut.format("")).isEqualTo("");
    }

    @Test
    void computedNumbersAreNeverGuarded() {
        assertThat(CsvOut.format(new BigDecimal("-1.5"))).isEqualTo("-1.50");
        assertThat(CsvOut.format(-3L)).isEqualTo("-3");
        assertThat(CsvOut.format(-7)).isEqualTo("-7");
    }

    @Test
    void datesAndBooleansAreWrittenPlainly() {
        assertThat(CsvOut.format(LocalDate.of(2026, 6, 30))).isEqualTo("2026-06-30");
        assertThat(CsvOut.format(true)).isEqualTo("true");
        assertThat(CsvOut.format(false)).isEqualTo("false");
    }

    @Test
    void negativeNumberAndHostileTextInOneRow() throws IOException {
        Path file = write(List.of("loan_id", "npl_gap_pp"), new Object[] {"-L1", new BigDecimal("-1.5")});

        assertThat(content(file)).isEqualTo("loan_id,npl_gap_pp\r\n'-L1,-1.50\r\n");
    }

    private Path write(List<String> header, Object[]... rows) throws IOException {
        Path file = dir.resolve("out.csv");
        try (CsvOut out = new CsvOut(file, header)) {
            for (Object[] row : rows) {
                out.row(row);
            }
        }
        return file;
    }

    private static String content(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }
}
