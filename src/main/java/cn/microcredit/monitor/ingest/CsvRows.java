package cn.microcredit.monitor.ingest;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an RFC 4180 file record by record with the physical line on which each record begins. Blank lines (and rows
 * of empty fields only) are skipped. A record whose quote never closes would swallow the rest of the file: it is handed
 * on as malformed at its first line, and reading resumes on the next physical line, so one stray quote costs one row,
 * not a file.
 *
 * <p>Records are read by {@link PlainLines} as long as each is one plain line (what nearly every bank file is all
 * through), and by Commons CSV from the first line that is not: splitting the plain lines of a million-row file took
 * Commons CSV more time than everything else of the ingest together.
 */
public final class CsvRows {

    /** One record: its first physical line, its values, or why it could not be split. */
    public record Row(long line, List<String> values, String malformed) {
        public boolean isMalformed() {
            return malformed != null;
        }
    }

    /** Receives the rows of a file in order. */
    @FunctionalInterface
    public interface Handler {
        void row(Row row);
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .setTrim(false)
            .get();

    private CsvRows() {
    }

    /**
     * Each broken record makes the file be read again from its start up to the resume point; past this many, the file
     * is not a CSV with a few bad rows but a file of another format, and reading it row by row would take hours.
     */
    static final int MAX_BROKEN_RECORDS = 100;

    /** How many bytes of the file have been read so far (read ahead by the buffers; good for a percentage). */
    public static final class Progress {
        private volatile long bytes;

        public long bytes() {
            return bytes;
        }
    }

    public static void read(Path file, TextEncoding.Detected encoding, Handler handler) throws IOException {
        read(file, encoding, handler, new Progress());
    }

    public static void read(Path file, TextEncoding.Detected encoding, Handler handler, Progress progress)
            throws IOException {
        long plainLines;
        try (InputStream in = open(file, encoding, progress)) {
            plainLines = PlainLines.read(in, encoding, handler);
        }
        if (plainLines == PlainLines.WHOLE_FILE) {
            return;
        }
        // Commons CSV reads from the file's start all the same, handing on only what follows the plain lines: its
        // messages about a broken record name lines and positions counted from where it started reading.
        long resumeAfterLine = readFrom(file, encoding, 0, plainLines, handler, progress);
        int broken = 0;
        while (resumeAfterLine >= 0) {
            if (++broken > MAX_BROKEN_RECORDS) {
                throw new IOException("超过 " + MAX_BROKEN_RECORDS + " 行引号不配对，文件不是有效的 CSV（最后一处在第 "
                        + resumeAfterLine + " 行）");
            }
            resumeAfterLine = readFrom(file, encoding, resumeAfterLine, 0, handler, progress);
        }
    }

    /** The file's bytes after its byte-order mark, counted into {@code progress} from 0 as they are read. */
    private static InputStream open(Path file, TextEncoding.Detected encoding, Progress progress) throws IOException {
        InputStream in = new FilterInputStream(Files.newInputStream(file)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    progress.bytes += n;
                }
                return n;
            }
        };
        progress.bytes = 0;
        in.skipNBytes(encoding.bomLength());
        return in;
    }

    /**
     * Reads with Commons CSV from the line after {@code skipLines}, handing on the records that start after line
     * {@code handedOn} (already handed on by {@link PlainLines}); returns where to resume after a broken record, or -1
     * at the end.
     */
    private static long readFrom(Path file, TextEncoding.Detected encoding, long skipLines, long handedOn,
                                 Handler handler, Progress progress) throws IOException {
        try (InputStream in = open(file, encoding, progress)) {
            InputLimits.RowBoundedReader bounded = new InputLimits.RowBoundedReader(
                    new InputStreamReader(in, encoding.charset()));
            Reader reader = new BufferedReader(bounded, 1 << 16);
            skipPhysicalLines(reader, skipLines, bounded);
            try (CSVParser parser = CSVParser.builder().setFormat(FORMAT).setReader(reader).get()) {
                Iterator<CSVRecord> records = parser.iterator();
                long previousEnd = 0;
                while (true) {
                    long start = skipLines + previousEnd + 1;
                    CSVRecord record;
                    try {
                        if (!records.hasNext()) {
                            return -1;
                        }
                        record = records.next();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        if (InputLimits.exceeded(e) != null) {
                            throw InputLimits.exceeded(e);
                        }
                        handler.row(new Row(start, List.of(), "引号不配对（未闭合，或闭合引号后紧跟其他字符），该行无法解析: "
                                + rootMessage(e)));
                        return start;
                    }
                    previousEnd = parser.getCurrentLineNumber();
                    bounded.recordEnded();
                    String[] values = record.values();
                    if (start <= handedOn || isBlank(values)) {
                        continue;
                    }
                    handler.row(new Row(start, Arrays.asList(values), undecodable(values, encoding)));
                }
            }
        }
    }

    /**
     * Why a row cannot be used when bytes of it did not decode in the file's encoding (the decoder put U+FFFD in their
     * place), else null: a name read that way is garbled, and the bank must fix the file (issue 17, item 5). Only rows
     * read here can have them: {@link PlainLines} leaves every line with such bytes to this reader.
     */
    private static String undecodable(String[] values, TextEncoding.Detected encoding) {
        for (int i = 0; i < values.length; i++) {
            if (values[i].indexOf('\uFFFD') >= 0) {
                return "第" + (i + 1) + "列含有不能按 " + encoding.charset().name()
                        + (encoding.bomLength() > 0 ? "（文件以 BOM 标明）" : "")
                        + " 解码的字节（编码错误，显示为 �）：请确认文件的编码，以 UTF-8 或 GB18030 重新导出";
            }
        }
        return null;
    }

    /** A blank line, or a row of commas only as spreadsheets export empty rows: not a row. */
    static boolean isBlank(String[] values) {
        for (String v : values) {
            if (!v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Skips lines the way Commons CSV counts them: LF, CR LF and a lone CR each end one line. */
    private static void skipPhysicalLines(Reader reader, long lines, InputLimits.RowBoundedReader bounded)
            throws IOException {
        long skipped = 0;
        while (skipped < lines) {
            bounded.recordEnded();
            int c = reader.read();
            if (c < 0) {
                return;
            }
            if (c == '\n') {
                skipped++;
            } else if (c == '\r') {
                reader.mark(1);
                if (reader.read() != '\n') {
                    reader.reset();
                }
                skipped++;
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
