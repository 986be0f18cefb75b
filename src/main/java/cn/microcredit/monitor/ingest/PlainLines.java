package cn.microcredit.monitor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
 * characters, a quote never closed, a line longer than {@link #MAX_LINE}, a read error) it stops, and Commons CSV reads
 * the file from that line on, with its handling of broken records: what is not plain is never guessed at here.
 *
 * <p>UTF-8 and GB18030 are split as bytes and each value decoded on its own, which spares decoding the whole file
 * into characters first: in both, commas, quotes and line ends are single bytes that never occur inside a multi-byte
 * character (GB18030's second and fourth bytes are never below 0x30), and neither carries state from one character to
 * the next. A value whose decoding has a replacement character in it makes its line not plain, so that whatever is
 * malformed is left to the decoder Commons CSV reads through. UTF-16 is split as decoded characters.
 */
abstract class PlainLines {

    /** A line longer than this is left to Commons CSV, which holds fields of any length. */
    static final int MAX_LINE = 1 << 20;

    /** {@link #read} read the whole file. */
    static final long WHOLE_FILE = -1;

    static final int NEED_MORE = -1;
    static final int NOT_PLAIN = -2;

    /** Units (characters or bytes) in the buffer, and where the current line starts. */
    int end;
    int start;
    boolean endOfInput;
    final List<String> fields = new ArrayList<>(32);

    /**
     * Reads records from the start of a file's text (after any byte-order mark), the first on physical line 1, and
     * hands those that are not blank on.
     *
     * @return {@link #WHOLE_FILE}, or how many lines precede the first line that is not plain
     */
    static long read(InputStream in, TextEncoding.Detected encoding, CsvRows.Handler handler) {
        Charset charset = encoding.charset();
        PlainLines lines = charset.equals(StandardCharsets.UTF_8) || charset.equals(TextEncoding.GB18030)
                ? new Bytes(in, charset) : new Chars(new java.io.InputStreamReader(in, charset));
        return lines.readAll(handler);
    }

    private long readAll(CsvRows.Handler handler) {
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
                    fill();
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
    abstract void fill() throws IOException;

    /**
     * Splits the line at {@link #start} into {@link #fields}: where the next line starts, {@link #NEED_MORE} when the
     * buffer ends before the line is known to end, or {@link #NOT_PLAIN}.
     */
    abstract int parseLine();

    /** The file as decoded characters. */
    private static final class Chars extends PlainLines {
        private final Reader reader;
        private char[] buffer = new char[1 << 16];

        Chars(Reader reader) {
            this.reader = reader;
        }

        @Override
        void fill() throws IOException {
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

        @Override
        int parseLine() {
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
                            unescaped = (unescaped == null ? new StringBuilder() : unescaped).append(b, from,
                                    p + 1 - from);
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
                if (b[p] == '\n') {
                    return p + 1;
                }
                if (p + 1 >= end) {
                    return endOfInput ? p + 1 : NEED_MORE;
                }
                return b[p + 1] == '\n' ? p + 2 : p + 1;
            }
        }
    }

    /** The file as bytes of UTF-8 or GB18030, each value decoded on its own. */
    private static final class Bytes extends PlainLines {
        private final InputStream in;
        private byte[] buffer = new byte[1 << 16];
        /** For GB18030; UTF-8 is decoded by {@code new String}, which has its own fast path. */
        private final CharsetDecoder decoder;
        private CharBuffer chars = CharBuffer.allocate(256);

        Bytes(InputStream in, Charset charset) {
            this.in = in;
            this.decoder = charset.equals(StandardCharsets.UTF_8) ? null : charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        }

        @Override
        void fill() throws IOException {
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            } else if (end == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            int n = in.read(buffer, end, buffer.length - end);
            if (n < 0) {
                endOfInput = true;
            } else {
                end += n;
            }
        }

        /**
         * The value of {@code b[from, to)}, or null when it may not be well-formed: decoding puts a replacement
         * character for anything malformed, so a value without one was well-formed (one with a genuine U+FFFD is left
         * to Commons CSV as well, which reads it the same). Latin-1 values answer at once.
         */
        private String value(byte[] b, int from, int to) {
            String value = decoder == null ? new String(b, from, to - from, StandardCharsets.UTF_8)
                    : decoded(b, from, to);
            return value != null && value.indexOf('\uFFFD') < 0 ? value : null;
        }

        /**
         * {@link #value}, told whether the bytes are all ASCII (as the scan for the field's end saw them): then they
         * are the characters, in UTF-8 and GB18030 alike, and taken as they are; most fields of a ledger are.
         */
        private String value(byte[] b, int from, int to, boolean ascii) {
            return ascii ? new String(b, from, to - from, StandardCharsets.ISO_8859_1) : value(b, from, to);
        }

        /**
         * GB18030: ASCII as it is (GB18030 is ASCII in its single bytes), the rest through the decoder; null if the
         * decoder did not finish.
         */
        private String decoded(byte[] b, int from, int to) {
            int i = from;
            while (i < to && b[i] >= 0) {
                i++;
            }
            if (i == to) {
                return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
            }
            if (chars.capacity() < 2 * (to - from)) {
                chars = CharBuffer.allocate(2 * (to - from));
            }
            chars.clear();
            decoder.reset();
            if (!decoder.decode(ByteBuffer.wrap(b, from, to - from), chars, true).isUnderflow()
                    || !decoder.flush(chars).isUnderflow()) {
                return null;
            }
            return new String(chars.array(), 0, chars.position());
        }

        @Override
        int parseLine() {
            byte[] b = buffer;
            int p = start;
            while (true) {
                if (p < end && b[p] == '"') {
                    StringBuilder unescaped = null;
                    int from = ++p;
                    int highBits = 0;
                    while (true) {
                        if (p >= end) {
                            return endOfInput ? NOT_PLAIN : NEED_MORE;
                        }
                        byte c = b[p];
                        if (c == '\n' || c == '\r') {
                            return NOT_PLAIN;
                        }
                        if (c != '"') {
                            highBits |= c;
                            p++;
                            continue;
                        }
                        if (p + 1 >= end && !endOfInput) {
                            return NEED_MORE;
                        }
                        boolean doubled = p + 1 < end && b[p + 1] == '"';
                        String part = value(b, from, doubled ? p + 1 : p, highBits >= 0);
                        highBits = 0;
                        if (part == null) {
                            return NOT_PLAIN;
                        }
                        if (doubled) {
                            unescaped = (unescaped == null ? new StringBuilder() : unescaped).append(part);
                            p += 2;
                            from = p;
                            continue;
                        }
                        fields.add(unescaped == null ? part : unescaped.append(part).toString());
                        p++;
                        break;
                    }
                    if (p >= end) {
                        return end;
                    }
                    byte after = b[p];
                    if (after == ',') {
                        p++;
                        continue;
                    }
                    if (after != '\n' && after != '\r') {
                        return NOT_PLAIN;
                    }
                } else {
                    int from = p;
                    int highBits = 0;
                    while (p < end) {
                        byte c = b[p];
                        if (c == ',' || c == '\n' || c == '\r') {
                            break;
                        }
                        highBits |= c;
                        p++;
                    }
                    if (p >= end && !endOfInput) {
                        return NEED_MORE;
                    }
                    String field = value(b, from, p, highBits >= 0);
                    if (field == null) {
                        return NOT_PLAIN;
                    }
                    fields.add(field);
                    if (p >= end) {
                        return end;
                    }
                    if (b[p] == ',') {
                        p++;
                        continue;
                    }
                }
                if (b[p] == '\n') {
                    return p + 1;
                }
                if (p + 1 >= end) {
                    return endOfInput ? p + 1 : NEED_MORE;
                }
                return b[p + 1] == '\n' ? p + 2 : p + 1;
            }
        }
    }
}
