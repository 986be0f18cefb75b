package cn.microcredit.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class FastSheetDataWriterTest {

    /** What OutputStreamWriter writes: UTF-8, an unpaired surrogate as '?'. */
    private static byte[] expected(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] written(String s, boolean byChar) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FastSheetDataWriter.Utf8Writer w = new FastSheetDataWriter.Utf8Writer(out)) {
            if (byChar) {
                for (int i = 0; i < s.length(); i++) {
                    w.write(s.charAt(i));
                }
            } else {
                w.write(s);
            }
        }
        return out.toByteArray();
    }

    @Test
    void writesWhatOutputStreamWriterWrites() throws IOException {
        for (String s : new String[] {"", "abc", "喀喇沁左翼蒙古族自治县", "é€", "\uD83D\uDE00 emoji", "lone \uD800 high",
                "lone \uDC00 low", "ends high \uD83D", "\uDC00\uD800", "<&>\"'"}) {
            assertThat(written(s, true)).as(s).isEqualTo(expected(s));
            assertThat(written(s, false)).as(s).isEqualTo(expected(s));
        }
    }

    @Test
    void randomTextAcrossTheBufferBoundaryIsTheSame() throws IOException {
        // Seeded, replayable: any failure names its seed.
        char[] alphabet = "aZ09 <&>中文县区é€\uD83D\uDE00\uD800\uDC00".toCharArray();
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(1 << 15, 1 << 18);
            for (int i = 0; i < length; i++) {
                sb.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String s = sb.toString();
            assertThat(written(s, true)).as("seed " + seed).isEqualTo(expected(s));
        }
    }

    @Test
    void aWorkbookReadsBackTheSame() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (FastZipWorkbook wb = new FastZipWorkbook(2)) {
            var sheet = wb.createSheet("合规异常明细");
            for (int r = 0; r < 10; r++) {
                var row = sheet.createRow(r);
                row.createCell(0).setCellValue("喀喇沁左翼蒙古族自治县 <" + r + "> & \uD83D\uDE00");
                row.createCell(1).setCellValue(r * 1.5);
            }
            wb.write(bytes);
        }
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            var sheet = read.getSheet("合规异常明细");
            assertThat(sheet.getLastRowNum()).isEqualTo(9);
            assertThat(sheet.getRow(7).getCell(0).getStringCellValue()).isEqualTo("喀喇沁左翼蒙古族自治县 <7> & \uD83D\uDE00");
            assertThat(sheet.getRow(7).getCell(1).getNumericCellValue()).isEqualTo(10.5);
        }
    }
}
