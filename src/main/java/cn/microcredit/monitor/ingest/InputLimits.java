package cn.microcredit.monitor.ingest;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.List;

/**
 * What one input file may cost (issue 17, item 3): a bank's file must never take the heap the other banks' results
 * need. Over a limit the file is rejected whole ({@link RejectReason#TOO_LARGE}, the limit named) and the run goes on
 * with the other files (exit 3); {@code --validate-only} reads through the same readers.
 *
 * <p>Defaults, each overridable as a Java system property ({@code -Dmonitor.limits.file-bytes=...}):
 * <ul>
 *   <li>{@value #FILE_BYTES}: {@value #DEFAULT_FILE_BYTES} bytes (1 GiB; a million-row ledger is about 200 MB);</li>
 *   <li>{@value #ROW_CHARS}: {@value #DEFAULT_ROW_CHARS} characters in one row (a real row is a few hundred; a row
 *       of a broken export, a 1 GB line of commas, would otherwise be held whole);</li>
 *   <li>{@value #FIELD_CHARS}: {@value #DEFAULT_FIELD_CHARS} characters in one field (Excel's own cell limit);</li>
 *   <li>{@value #SHARED_STRINGS_BYTES}: {@value #DEFAULT_SHARED_STRINGS_BYTES} bytes (128 MiB) of an {@code .xlsx}
 *       file's shared-strings table, which POI holds in memory whole (a table that expands 71:1 stays under POI's
 *       zip-bomb ratio and still took 1.66 GB of heap).</li>
 * </ul>
 */
public final class InputLimits {

    static final String FILE_BYTES = "monitor.limits.file-bytes";
    static final String ROW_CHARS = "monitor.limits.row-chars";
    static final String FIELD_CHARS = "monitor.limits.field-chars";
    static final String SHARED_STRINGS_BYTES = "monitor.limits.shared-strings-bytes";
    static final long DEFAULT_FILE_BYTES = 1L << 30;
    static final long DEFAULT_ROW_CHARS = 1L << 20;
    static final long DEFAULT_FIELD_CHARS = 32_767;
    static final long DEFAULT_SHARED_STRINGS_BYTES = 128L << 20;
    /** What the buffers between the file and Commons CSV may have read ahead of the record being split. */
    private static final long READ_AHEAD = 1 << 17;

    private InputLimits() {
    }

    /** A limit was passed: the file is rejected whole with this message. */
    public static final class Exceeded extends IOException {
        Exceeded(String message) {
            super(message);
        }
    }

    static long fileBytes() {
        return Long.getLong(FILE_BYTES, DEFAULT_FILE_BYTES);
    }

    static long rowChars() {
        return Long.getLong(ROW_CHARS, DEFAULT_ROW_CHARS);
    }

    static long fieldChars() {
        return Long.getLong(FIELD_CHARS, DEFAULT_FIELD_CHARS);
    }

    static long sharedStringsBytes() {
        return Long.getLong(SHARED_STRINGS_BYTES, DEFAULT_SHARED_STRINGS_BYTES);
    }

    /** Refuses a file larger than the limit before anything of it is read. */
    public static void checkFileSize(long bytes) throws Exceeded {
        if (bytes > fileBytes()) {
            throw new Exceeded("文件 " + bytes + " 字节，超过上限 " + fileBytes() + " 字节 (" + FILE_BYTES
                    + ")；请拆分为多个文件报送");
        }
    }

    /**
     * The row limits as they are set now, read once for a file: a system property lookup (and its parsing) per row was
     * 4 % of reading a ledger.
     */
    public static Rows rows() {
        return new Rows(fieldChars(), rowChars());
    }

    /** The limits a file's rows are held to. */
    public record Rows(long fieldLimit, long rowLimit) {

        /** Refuses a row whose fields together, or any one of them, pass the limits; unchecked, for a row handler. */
        public void check(long line, List<String> values) {
            long total = 0;
            for (int i = 0; i < values.size(); i++) {
                int length = values.get(i).length();
                if (length > fieldLimit) {
                    throw new java.io.UncheckedIOException(new Exceeded("第" + line + "行第" + (i + 1) + "列 " + length
                            + " 个字符，超过单个字段上限 " + fieldLimit + " 个字符 (" + FIELD_CHARS + ")"));
                }
                total += length;
            }
            if (total > rowLimit) {
                throw new java.io.UncheckedIOException(new Exceeded("第" + line + "行 " + total + " 个字符，超过单行上限 "
                        + rowLimit + " 个字符 (" + ROW_CHARS + ")"));
            }
        }
    }

    /** Whether a failure, or any of its causes, is a passed limit; returns it, or null. */
    public static Exceeded exceeded(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Exceeded x) {
                return x;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /**
     * A reader for Commons CSV that refuses to hand on more than a row's limit (and the read-ahead of the buffers)
     * since the last record ended: Commons CSV holds a record whole while it splits it.
     */
    static final class RowBoundedReader extends FilterReader {
        private long read;
        private long recordStart;

        RowBoundedReader(Reader in) {
            super(in);
        }

        /** Called after each record, and after lines skipped before the records begin. */
        void recordEnded() {
            recordStart = read;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count(1);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws Exceeded {
            read += n;
            if (read - recordStart > rowChars() + READ_AHEAD) {
                throw new Exceeded("一行超过 " + rowChars() + " 个字符的上限 (" + ROW_CHARS + ")");
            }
        }
    }

    /** A stream that refuses to give more than {@code limit} bytes (an .xlsx part POI reads whole). */
    static InputStream bounded(InputStream in, long limit, String what) {
        return new java.io.FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(int n) throws Exceeded {
                read += n;
                if (read > limit) {
                    throw new Exceeded(what + " 解压后超过 " + limit + " 字节的上限 (" + SHARED_STRINGS_BYTES
                            + ")；请另存为 CSV 报送");
                }
            }
        };
    }
}
