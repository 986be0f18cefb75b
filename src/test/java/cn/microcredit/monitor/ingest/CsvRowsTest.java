package cn.microcredit.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Reading resumes after a broken record: a mistake there loops forever, so every test has a deadline. */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CsvRowsTest {

    private static final TextEncoding.Detected UTF8 = new TextEncoding.Detected(StandardCharsets.UTF_8, 0);

    @TempDir
    Path dir;

    @Test
    void blankLinesAreSkippedButCountedInLineNumbers() throws IOException {
        List<CsvRows.Row> rows = read("a,b\n\nx,y\n\n   \nz,w\n\n");

        assertThat(rows).extracting(CsvRows.Row::line, CsvRows.Row::values).containsExactly(
                tuple(1L, List.of("a", "b")),
                tuple(3L, List.of("x", "y")),
                tuple(6L, List.of("z", "w")));
    }

    @Test
    void crLfEndsOneLine() throws IOException {
        List<CsvRows.Row> rows = read("a,b\r\nx,y\r\n\r\nz,w\r\n");

        assertThat(rows).extracting(CsvRows.Row::line, CsvRows.Row::values).containsExactly(
                tuple(1L, List.of("a", "b")),
                tuple(2L, List.of("x", "y")),
                tuple(4L, List.of("z", "w")));
    }

    @Test
    void loneCrEndsOneLine() throws IOException {
        List<CsvRows.Row> rows = read("a,b\rx,y\r\rz,w\r");

        assertThat(rows).extracting(CsvRows.Row::line, CsvRows.Row::values).containsExactly(
                tuple(1L, List.of("a", "b")),
                tuple(2L, List.of("x", "y")),
                tuple(4L, List.of("z", "w")));
    }

    @Test
    void lastLineWithoutLineEndIsRead() throws IOException {
        List<CsvRows.Row> rows = read("a,b\nx,y");

        assertThat(rows).extracting(CsvRows.Row::line, CsvRows.Row::values).containsExactly(
                tuple(1L, List.of("a", "b")),
                tuple(2L, List.of("x", "y")));
    }

    @Test
    void quotedNewlineBelongsToItsRecordAndMovesTheNextRecordsLine() throws IOException {
        List<CsvRows.Row> rows = read("a,b\n\"first\nsecond\nthird\",y\nz,w\n");

        assertThat(rows).extracting(CsvRows.Row::line, CsvRows.Row::values).containsExactly(
                tuple(1L, List.of("a", "b")),
                tuple(2L, List.of("first\nsecond\nthird", "y")),
                tuple(5L, List.of("z", "w")));
    }

    @Test
    void quotedCommasAndDoubledQuotesAreOneValue() throws IOException {
        List<CsvRows.Row> rows = read("a,b\n\"12,345.60\",\"他说\"\"好\"\"\"\n");

        assertThat(rows.get(1).values()).containsExactly("12,345.60", "他说\"好\"");
    }

    @Test
    void spacesAroundValuesAreKeptForTheCallerToTrim() throws IOException {
        List<CsvRows.Row> rows = read("a,b\n x , y \n");

        assertThat(rows.get(1).values()).containsExactly(" x ", " y ");
    }

    @Test
    void unclosedQuoteCostsOnlyItsOwnRow() throws IOException {
        List<CsvRows.Row> rows = read("a,b\n1,one\n2,\"two\n3,three\n\n5,five\n");

        assertThat(rows).extracting(CsvRows.Row::line, CsvRows.Row::isMalformed, CsvRows.Row::values).containsExactly(
                tuple(1L, false, List.of("a", "b")),
                tuple(2L, false, List.of("1", "one")),
                tuple(3L, true, List.of()),
                tuple(4L, false, List.of("3", "three")),
                tuple(6L, false, List.of("5", "five")));
        assertThat(rows.get(2).malformed()).startsWith("引号不配对");
    }

    @Test
    void rowOfEmptyFieldsIsSkippedLikeABlankLine() throws IOException {
        List<CsvRows.Row> rows = read("a,b\n,\n , \n1,one\n");

        assertThat(rows).extracting(CsvRows.Row::line).containsExactly(1L, 4L);
    }

    @Test
    void aFileOfBrokenQuotesIsGivenUpAfterAHundredRows() {
        StringBuilder text = new StringBuilder("a,b\n");
        for (int i = 0; i < CsvRows.MAX_BROKEN_RECORDS + 1; i++) {
            text.append(i).append(",\"x\"y\n");
        }

        assertThatThrownBy(() -> read(text.toString())).isInstanceOf(IOException.class)
                .hasMessageContaining("超过 100 行引号不配对");
    }

    @Test
    void unclosedQuoteAfterAMultiLineRecordIsReportedAtItsOwnLine() throws IOException {
        List<CsvRows.Row> rows = read("a,b\r\n\"x\r\ny\",1\r\n\r\n\"open,2\r\nz,3\r\n");

        assertThat(rows).extracting(CsvRows.Row::line, CsvRows.Row::isMalformed).containsExactly(
                tuple(1L, false),
                tuple(2L, false),
                tuple(5L, true),
                tuple(6L, false));
        assertThat(rows.get(3).values()).containsExactly("z", "3");
    }

    @Test
    void twoUnclosedQuotesEachCostOneRow() throws IOException {
        List<CsvRows.Row> rows = read("a,b\n\"one,1\n2,two\n\"three,3\n4,four\n");

        assertThat(rows).extracting(CsvRows.Row::line, CsvRows.Row::isMalformed).containsExactly(
                tuple(1L, false),
                tuple(2L, true),
                tuple(3L, false),
                tuple(4L, true),
                tuple(5L, false));
    }

    @Test
    void unclosedQuoteOnTheLastLineEndsTheFile() throws IOException {
        List<CsvRows.Row> rows = read("a,b\n1,one\n2,\"two");

        assertThat(rows).extracting(CsvRows.Row::line, CsvRows.Row::isMalformed).containsExactly(
                tuple(1L, false),
                tuple(2L, false),
                tuple(3L, true));
    }

    @Test
    void textAfterAClosingQuoteIsMalformedAndReadingGoesOn() throws IOException {
        List<CsvRows.Row> rows = read("a,b\n\"ab\"c,1\n2,two\n");

        assertThat(rows).extracting(CsvRows.Row::line, CsvRows.Row::isMalformed).containsExactly(
                tuple(1L, false),
                tuple(2L, true),
                tuple(3L, false));
    }

    @Test
    void byteOrderMarkIsNotPartOfTheFirstValue() throws IOException {
        Path file = Files.write(dir.resolve("bom.csv"),
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "借据号,机构代码\nL1,B01\n"
                        .getBytes(StandardCharsets.UTF_8)));

        List<CsvRows.Row> rows = read(file, new TextEncoding.Detected(StandardCharsets.UTF_8, 3));

        assertThat(rows.get(0).values()).containsExactly("借据号", "机构代码");
    }

    @Test
    void readingResumesAtTheRightLineInAFileWithByteOrderMark() throws IOException {
        Path file = Files.write(dir.resolve("bom.csv"), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "借据号,姓名\r\nL1,\"张三\r\nL2,李四\r\n".getBytes(StandardCharsets.UTF_8)));

        List<CsvRows.Row> rows = read(file, TextEncoding.detect(file));

        assertThat(rows).extracting(CsvRows.Row::line, CsvRows.Row::values).containsExactly(
                tuple(1L, List.of("借据号", "姓名")),
                tuple(2L, List.of()),
                tuple(3L, List.of("L2", "李四")));
    }

    @Test
    void readingResumesAtTheRightLineInAGbkFile() throws IOException {
        Path file = Files.write(dir.resolve("gbk.csv"),
                "借据号,姓名\nL1,\"张三\n\nL3,王五\n".getBytes(Charset.forName("GBK")));

        List<CsvRows.Row> rows = read(file, TextEncoding.detect(file));

        assertThat(rows).extracting(CsvRows.Row::line, CsvRows.Row::values).containsExactly(
                tuple(1L, List.of("借据号", "姓名")),
                tuple(2L, List.of()),
                tuple(4L, List.of("L3", "王五")));
    }

    @Test
    void gbkTextIsDecodedWithTheDetectedCharset() throws IOException {
        Path file = Files.write(dir.resolve("gbk.csv"), "借据号,借款人姓名\nL1,张三\n".getBytes(Charset.forName("GBK")));

        List<CsvRows.Row> rows = read(file, TextEncoding.detect(file));

        assertThat(rows).extracting(CsvRows.Row::values).containsExactly(
                List.of("借据号", "借款人姓名"), List.of("L1", "张三"));
    }

    @Test
    void aQuoteInsideAnUnquotedValueIsPartOfIt() throws IOException {
        List<CsvRows.Row> rows = read("a,b\n5'6\",x\"y\"\n");

        assertThat(rows.get(1).values()).containsExactly("5'6\"", "x\"y\"");
    }

    @Test
    void emptyQuotedValuesAndAQuotedLastValueWithoutLineEndAreRead() throws IOException {
        List<CsvRows.Row> rows = read("a,b,c\n\"\",\"\"\"\",\"end\"");

        assertThat(rows.get(1).values()).containsExactly("", "\"", "end");
    }

    @Test
    void aTrailingCommaMakesAnEmptyLastValue() throws IOException {
        assertThat(read("a,b\nx,\n").get(1).values()).containsExactly("x", "");
        assertThat(read("a,b\nx,").get(1).values()).containsExactly("x", "");
    }

    @Test
    void linesAfterARecordWithAQuotedLineBreakAreEachHandedOnOnce() throws IOException {
        List<CsvRows.Row> rows = read("a,b\n1,x\n2,\"y\nz\"\n3,w\n");

        assertThat(rows).extracting(CsvRows.Row::line, CsvRows.Row::values).containsExactly(
                tuple(1L, List.of("a", "b")),
                tuple(2L, List.of("1", "x")),
                tuple(3L, List.of("2", "y\nz")),
                tuple(5L, List.of("3", "w")));
    }

    @Test
    void aBrokenRecordAfterPlainLinesIsDescribedWithLineAndPositionFromTheFilesStart() throws IOException {
        // As when Commons CSV read every line: the message is the same whichever reader read the plain lines.
        List<CsvRows.Row> rows = read("a,b\n1,x\n2,\"y\"z\n3,w\n");

        assertThat(rows).extracting(CsvRows.Row::line, CsvRows.Row::isMalformed).containsExactly(
                tuple(1L, false), tuple(2L, false), tuple(3L, true), tuple(4L, false));
        assertThat(rows.get(2).malformed()).endsWith(
                "Invalid character between encapsulated token and delimiter at line: 3, position: 14");
    }

    @Test
    void lineEndsSplitByTheReadBufferAreStillOneLineEnd() throws IOException {
        // The first line fills the 64 K buffer up to its CR; the LF that completes CR LF comes with the next read.
        String first = "x".repeat((1 << 16) - 3) + ",1";
        List<CsvRows.Row> rows = read(first + "\r\n\"q\",2\r\n");

        assertThat(rows).extracting(CsvRows.Row::line, r -> r.values().get(1)).containsExactly(
                tuple(1L, "1"), tuple(2L, "2"));
    }

    @Test
    void aLineLongerThanAMillionCharactersIsReadWhole() throws IOException {
        String huge = "y".repeat(PlainLines.MAX_LINE + 10);
        List<CsvRows.Row> rows = read("a,b\n1,\"" + huge + "\"\n2,z\n");

        assertThat(rows).extracting(CsvRows.Row::line, r -> r.values().get(1).length()).containsExactly(
                tuple(1L, 1), tuple(2L, huge.length()), tuple(3L, 1));
    }

    @Test
    void malformedUtf8AfterAByteOrderMarkMakesItsRowsMalformedNamingTheEncoding() throws IOException {
        // A byte-order mark spares the file the UTF-8 check, so bytes that are not UTF-8 can reach the reader.
        byte[] text = concat("a,b\n".getBytes(StandardCharsets.UTF_8), new byte[] {'x', (byte) 0xFF, ',', (byte) 0xE4,
                (byte) 0xB8, '\n', 'z', ',', (byte) 0xC3});
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path file = Files.write(dir.resolve("bom.csv"), concat(bom, text));

        List<CsvRows.Row> rows = read(file, TextEncoding.detect(file));

        assertThat(rows).extracting(CsvRows.Row::line, CsvRows.Row::values).containsExactly(
                tuple(1L, List.of("a", "b")),
                tuple(2L, List.of("x\uFFFD", "\uFFFD")),
                tuple(3L, List.of("z", "\uFFFD")));
        // Issue 17, item 5: such a row is not used, and says why.
        assertThat(rows).extracting(CsvRows.Row::malformed).containsExactly(null,
                "第1列含有不能按 UTF-8（文件以 BOM 标明） 解码的字节（编码错误，显示为 �）：请确认文件的编码，以 UTF-8 或 GB18030 重新导出",
                "第2列含有不能按 UTF-8（文件以 BOM 标明） 解码的字节（编码错误，显示为 �）：请确认文件的编码，以 UTF-8 或 GB18030 重新导出");
    }

    @Test
    void aReplacementCharacterInTheFileIsReadAsItIs() throws IOException {
        List<CsvRows.Row> rows = read("a,b\n\uFFFD,x\n2,y\n");

        assertThat(rows).extracting(CsvRows.Row::values).containsExactly(
                List.of("a", "b"), List.of("\uFFFD", "x"), List.of("2", "y"));
    }

    @Test
    void malformedGb18030BytesBeforeADelimiterAreReadAsBefore() throws IOException {
        // A lone lead byte before a comma, a four-byte sequence cut short before a line end: whatever the decoder
        // makes of them, the comma and the line end stay where they were.
        byte[] zhang = "张三".getBytes(TextEncoding.GB18030);
        byte[] text = concat(concat("借据号,姓名\nL1,".getBytes(TextEncoding.GB18030), zhang),
                new byte[] {(byte) 0x81, ',', 'x', '\n', 'L', '2', ',', (byte) 0x81, '0', '\r', '\n', 'L', '3', ',',
                        '"', (byte) 0xFF, '"', '\n'});
        Path file = Files.write(dir.resolve("gbk.csv"), text);

        List<CsvRows.Row> rows = read(file, TextEncoding.detect(file));

        assertThat(TextEncoding.detect(file).charset()).isEqualTo(TextEncoding.GB18030);
        assertThat(rows).extracting(CsvRows.Row::line, CsvRows.Row::values).containsExactly(
                tuple(1L, List.of("借据号", "姓名")),
                tuple(2L, List.of("L1", "张三\uFFFD", "x")),
                tuple(3L, List.of("L2", "\uFFFD")),
                tuple(4L, List.of("L3", "\uFFFD")));
    }

    private List<CsvRows.Row> read(String content) throws IOException {
        return read(Files.writeString(dir.resolve("rows.csv"), content), UTF8);
    }

    private static List<CsvRows.Row> read(Path file, TextEncoding.Detected encoding) throws IOException {
        List<CsvRows.Row> rows = new ArrayList<>();
        CsvRows.read(file, encoding, rows::add);
        return rows;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
