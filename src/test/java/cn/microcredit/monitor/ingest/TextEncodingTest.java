package cn.microcredit.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextEncodingTest {

    private static final String LEDGER = """
            借据号,机构代码,县区代码,户编号,借款人姓名
            JJ0001,B01,210102,H0001,张三
            JJ0002,B01,210102,H0002,李四
            """;

    @TempDir
    Path dir;

    @Test
    void chineseUtf8WithoutBomIsUtf8() throws IOException {
        Path file = write(LEDGER.getBytes(StandardCharsets.UTF_8));

        assertThat(TextEncoding.detect(file)).isEqualTo(new TextEncoding.Detected(StandardCharsets.UTF_8, 0));
    }

    @Test
    void utf8ByteOrderMarkIsSkippedWithItsThreeBytes() throws IOException {
        Path file = write(bom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, LEDGER, StandardCharsets.UTF_8));

        assertThat(TextEncoding.detect(file)).isEqualTo(new TextEncoding.Detected(StandardCharsets.UTF_8, 3));
    }

    @Test
    void gbkExportOfChineseTextIsReadAsGb18030() throws IOException {
        Path file = write(LEDGER.getBytes(Charset.forName("GBK")));

        assertThat(TextEncoding.detect(file)).isEqualTo(new TextEncoding.Detected(TextEncoding.GB18030, 0));
    }

    @Test
    void gb18030ChineseTextIsGb18030() throws IOException {
        Path file = write(LEDGER.getBytes(TextEncoding.GB18030));

        assertThat(TextEncoding.detect(file)).isEqualTo(new TextEncoding.Detected(TextEncoding.GB18030, 0));
    }

    @Test
    void utf16LittleEndianIsRecognisedByItsByteOrderMark() throws IOException {
        Path file = write(bom(new byte[] {(byte) 0xFF, (byte) 0xFE}, LEDGER, StandardCharsets.UTF_16LE));

        assertThat(TextEncoding.detect(file)).isEqualTo(new TextEncoding.Detected(StandardCharsets.UTF_16LE, 2));
    }

    @Test
    void utf16BigEndianIsRecognisedByItsByteOrderMark() throws IOException {
        Path file = write(bom(new byte[] {(byte) 0xFE, (byte) 0xFF}, LEDGER, StandardCharsets.UTF_16BE));

        assertThat(TextEncoding.detect(file)).isEqualTo(new TextEncoding.Detected(StandardCharsets.UTF_16BE, 2));
    }

    @Test
    void plainAsciiIsUtf8() throws IOException {
        Path file = write("loan_id,bank_code\nL1,B01\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(TextEncoding.detect(file)).isEqualTo(new TextEncoding.Detected(StandardCharsets.UTF_8, 0));
    }

    @Test
    void gbkCharacterSplitAcrossTheDecodersBufferIsStillGb18030() throws IOException {
        // Valid UTF-8 for the first 40 KB, then GBK: the whole file must be decoded, not just its start.
        byte[] ascii = "L0001,B01,210102\n".repeat(2_500).getBytes(StandardCharsets.US_ASCII);
        Path file = write(concat(ascii, "张三\n".getBytes(Charset.forName("GBK"))));

        assertThat(TextEncoding.detect(file).charset()).isEqualTo(TextEncoding.GB18030);
    }

    @Test
    void emptyFileIsUtf8() throws IOException {
        Path file = write(new byte[0]);

        assertThat(TextEncoding.detect(file)).isEqualTo(new TextEncoding.Detected(StandardCharsets.UTF_8, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"C080", "C1BF", "E08080", "E09FBF", "EDA080", "EDBFBF", "F08F8080", "F4908080", "F5808080",
            "FF", "80", "BF", "E4B8", "F09F98"})
    void bytesAStrictUtf8DecoderRejectsMakeTheFileGb18030(String hex) throws IOException {
        // Overlong forms, surrogates, code points above U+10FFFF, stray continuation bytes, sequences cut off at the
        // end.
        Path file = write(concat("L0001,张三,".getBytes(StandardCharsets.UTF_8), HexFormat.of().parseHex(hex)));

        assertThat(TextEncoding.detect(file).charset()).isEqualTo(TextEncoding.GB18030);
    }

    @ParameterizedTest
    @ValueSource(strings = {"C280", "DFBF", "E0A080", "ED9FBF", "EE8080", "EFBFBF", "F0908080", "F48FBFBF", "F09F9880"})
    void theEdgesOfWellFormedUtf8AreUtf8(String hex) throws IOException {
        Path file = write(concat("L0001,张三,".getBytes(StandardCharsets.UTF_8), HexFormat.of().parseHex(hex)));

        assertThat(TextEncoding.detect(file).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void aCharacterSplitByTheReadBufferIsStillUtf8(int bytesBeforeTheEdge) throws IOException {
        byte[] ascii = "a".repeat((1 << 16) - bytesBeforeTheEdge).getBytes(StandardCharsets.US_ASCII);
        Path file = write(concat(ascii, "\uD83D\uDE00张\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(TextEncoding.detect(file).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void aCharacterCutOffAtTheEndOfTheFileIsNotUtf8() throws IOException {
        byte[] ascii = "a".repeat((1 << 16) - 1).getBytes(StandardCharsets.US_ASCII);
        byte[] zhang = "张".getBytes(StandardCharsets.UTF_8);

        Path file = write(concat(ascii, java.util.Arrays.copyOf(zhang, 2)));

        assertThat(TextEncoding.detect(file).charset()).isEqualTo(TextEncoding.GB18030);
    }

    @Test
    void aUtf8FileWithOneStrayByteIsStillUtf8() throws IOException {
        // Issue 17, item 5: eight names (16 well-formed sequences) and one 0xFF: UTF-8, not GB18030 mojibake.
        byte[] names = "张三,李四,王五,赵六,孙七,周八,吴九,郑十,".getBytes(StandardCharsets.UTF_8);
        Path file = write(concat(names, new byte[] {(byte) 0xFF}));

        assertThat(TextEncoding.detect(file).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void fourWellFormedSequencesPerStrayByteAreTheBoundary() throws IOException {
        byte[] eight = "张三李四王五赵六".getBytes(StandardCharsets.UTF_8);
        byte[] stray = {(byte) 0xFF, ',', (byte) 0xFF};
        // 8 sequences, 2 stray bytes: exactly 4 per stray byte.
        assertThat(TextEncoding.detect(write(concat(eight, stray))).charset()).isEqualTo(StandardCharsets.UTF_8);
        // 8 sequences, 3 stray bytes: fewer.
        assertThat(TextEncoding.detect(write(concat(eight, concat(stray, new byte[] {(byte) 0xFF})))).charset())
                .isEqualTo(TextEncoding.GB18030);
        // 7 sequences and no stray byte but one cut off at the end: too few to say.
        byte[] seven = "张三李四王五赵".getBytes(StandardCharsets.UTF_8);
        assertThat(TextEncoding.detect(write(concat(seven, new byte[] {(byte) 0xE5}))).charset())
                .isEqualTo(TextEncoding.GB18030);
    }

    @Test
    void aLongGbkLedgerIsStillGb18030() throws IOException {
        String rows = "L0001,B01,210102,H1,张三丰,210102197001011234,2026-01-01,正常,种植,信用\n".repeat(500)
                + "L0002,B01,210102,H2,欧阳娜娜,210102197001011234,2026-01-01,关注,养殖,保证\n".repeat(500);
        Path file = write(rows.getBytes(Charset.forName("GBK")));

        assertThat(TextEncoding.detect(file).charset()).isEqualTo(TextEncoding.GB18030);
    }

    private Path write(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("ledger.csv"), bytes);
    }

    private static byte[] bom(byte[] mark, String text, Charset charset) {
        return concat(mark, text.getBytes(charset));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
