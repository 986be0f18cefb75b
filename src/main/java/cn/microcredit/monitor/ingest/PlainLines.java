package cn.microcredit.monitor.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fast path of {@link CsvRows}: reads the records that take one line each and that RFC 4180 splits only one way,
 * into exactly the values Commons CSV gives them, a few times faster. A field is either unquoted (everything up to the
 * next comma or line end, quotes inside it included, as Commons CSV reads it) or quoted on its line, doubled quotes
 * inside, with its closing quote right before a comma or the line's end. Lines end at LF, CR LF or a lone CR.
 *
 * <p>At the first line that is anything else (a line break inside quotes, a closing quote followed by other
 * characters, a quote never closed, a line longer than {@link #MAX_LINE}) it stops, and Commons CSV reads the file from
 * that line on, with its handling of broken records: what is not plain is never guessed at here.
 */
final class PlainLines {

    /** A line longer than this is left to Commons CSV, which holds fields of any length. */
    static final int MAX_LINE = 1 << 20;

    /** {@link #read} read the whole file. */
    static final long WHOLE_FILE = -1;

    private static final int NEED_MORE = -1;
    private static final int NOT_PLAIN = -2;

    private char[] buffer = new char[1 << 16];
    /** Characters in the buffer, and where the current line starts. */
    private int end;
    private int start;
    private boolean endOfInput;
    private final List<String> fields = new ArrayList<>(32);

    private PlainLines() {
    }

    /**
     * Reads records from the reader's start, the first on physical line 1, and hands those that are not blank on.
     *
     * @return {@link #WHOLE_FILE}, or how many lines precede the first line that is not plain
     */
    static long read(Reader reader, CsvRows.Handler handler) {
        return new PlainLines().readAll(reader, handler);
    }

    private long readAll(Reader reader, CsvRows.Handler handler) {
        long line = 1;
        while (true) {
            if (start == end && endOfInput) {
                return WHOLE_FILE;
            }
            fields.clear();
            int next = start == end ? NEED_MORE : parseLine();
            if (next == NEED_MORE) {
                if (end - start >= MAX_LINE) {
                    return line - 1;
                }
                try {
                    fill(reader);
                } catch (IOException e) {
                    // Left to Commons CSV too, so that a read error is reported as it always was.
                    return line - 1;
                }
                continue;
            }
            if (next == NOT_PLAIN) {
                return line - 1;
            }
            String[] values = fields.toArray(new String[0]);
            if (!CsvRows.isBlank(values)) {
                handler.row(new CsvRows.Row(line, Arrays.asList(values), null));
            }
            line++;
            start = next;
        }
    }

    /** Keeps the current line, moved to the buffer's start (the buffer doubled if it is all line), and reads more. */
    private void fill(Reader reader) throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        } else if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n = reader.read(buffer, end, buffer.length - end);
        if (n < 0) {
            endOfInput = true;
        } else {
            end += n;
        }
    }

    /**
     * Splits the line at {@link #start} into {@link #fields}: where the next line starts, {@link #NEED_MORE} when the
     * buffer ends before the line is known to end, or {@link #NOT_PLAIN}.
     */
    private int parseLine() {
        char[] b = buffer;
        int p = start;
        while (true) {
            if (p < end && b[p] == '"') {
                StringBuilder unescaped = null;
                int from = ++p;
                while (true) {
                    if (p >= end) {
                        return endOfInput ? NOT_PLAIN : NEED_MORE;
                    }
                    char c = b[p];
                    if (c == '\n' || c == '\r') {
                        return NOT_PLAIN;
                    }
                    if (c != '"') {
                        p++;
                        continue;
                    }
                    if (p + 1 >= end && !endOfInput) {
                        return NEED_MORE;
                    }
                    if (p + 1 < end && b[p + 1] == '"') {
                        unescaped = (unescaped == null ? new StringBuilder() : unescaped).append(b, from, p + 1 - from);
                        p += 2;
                        from = p;
                        continue;
                    }
                    fields.add(unescaped == null ? new String(b, from, p - from)
                            : unescaped.append(b, from, p - from).toString());
                    p++;
                    break;
                }
                if (p >= end) {
                    return end;
                }
                char after = b[p];
                if (after == ',') {
                    p++;
                    continue;
                }
                if (after != '\n' && after != '\r') {
                    return NOT_PLAIN;
                }
            } else {
                int from = p;
                while (p < end) {
                    char c = b[p];
                    if (c == ',' || c == '\n' || c == '\r') {
                        break;
                    }
                    p++;
                }
                if (p >= end) {
                    if (!endOfInput) {
                        return NEED_MORE;
                    }
                    fields.add(new String(b, from, p - from));
                    return end;
                }
                fields.add(new String(b, from, p - from));
                if (b[p] == ',') {
                    p++;
                    continue;
                }
            }
            return lineEnd(p);
        }
    }

    /** Where the next line starts after the line end (LF, CR LF or CR) at {@code p}, or {@link #NEED_MORE}. */
    private int lineEnd(int p) {
        if (buffer[p] == '\n') {
            return p + 1;
        }
        if (p + 1 >= end) {
            return endOfInput ? p + 1 : NEED_MORE;
        }
        return buffer[p + 1] == '\n' ? p + 2 : p + 1;
    }
}
