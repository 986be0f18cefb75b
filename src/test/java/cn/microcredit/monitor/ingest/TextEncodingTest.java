package cn.microcredit.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
