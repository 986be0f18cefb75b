package cn.microcredit.monitor.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's COPY text format, UTF-8, built in a growing byte buffer that the loader hands to the driver's
 * {@code CopyIn} a piece at a time: fields separated by a tab, rows ended by a newline, NULL as {@code \N}, and in
 * text a backslash, tab, newline or carriage return written as its backslash escape (PostgreSQL documentation, COPY,
 * "Text Format"), so that a ledger's free text can never split a field or a row. Not thread-safe: one per thread.
 */
final class CopyText {

    private byte[] bytes;
    private int size;
    private boolean rowStarted;
    private long nulsReplaced;

    CopyText(int initialBytes) {
        bytes = new byte[Math.max(16, initialBytes)];
    }

    /**
     * A text field, or NULL. A U+0000 character, which PostgreSQL text cannot hold in any form, is written as U+FFFD
     * (the replacement character) and counted ({@link #nulsReplaced()}).
     */
    CopyText text(String s) {
        if (s == null) {
            return nul();
        }
        separate();
        room(s.length() * 3);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> escape('\\');
                    case '\t' -> escape('t');
                    case '\n' -> escape('n');
                    case '\r' -> escape('r');
                    case 0 -> {
                        bytes[size++] = (byte) 0xEF;
                        bytes[size++] = (byte) 0xBF;
                        bytes[size++] = (byte) 0xBD;
                        nulsReplaced++;
                    }
                    default -> bytes[size++] = (byte) c;
                }
            } else if (c < 0x800) {
                bytes[size++] = (byte) (0xC0 | c >> 6);
                bytes[size++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                bytes[size++] = (byte) (0xF0 | cp >> 18);
                bytes[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                // A lone surrogate has no UTF-8 form: '?' as Java's own encoder writes it (String.getBytes).
                bytes[size++] = '?';
            } else {
                bytes[size++] = (byte) (0xE0 | c >> 12);
                bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return this;
    }

    /** A decimal as written, e.g. {@code 12345.60}: never in exponent form. */
    CopyText number(BigDecimal d) {
        return d == null ? nul() : ascii(d.toPlainString());
    }

    CopyText integer(long n) {
        return ascii(Long.toString(n));
    }

    /** A date as {@code yyyy-MM-dd}, which COPY reads whatever the server's DateStyle. */
    CopyText date(LocalDate d) {
        return d == null ? nul() : ascii(d.toString());
    }

    CopyText bool(boolean b) {
        return ascii(b ? "t" : "f");
    }

    CopyText nul() {
        return ascii("\\N");
    }

    /** Ends the row. */
    CopyText endRow() {
        room(1);
        bytes[size++] = '\n';
        rowStarted = false;
        return this;
    }

    /** U+0000 characters written as U+FFFD so far. */
    long nulsReplaced() {
        return nulsReplaced;
    }

    int size() {
        return size;
    }

    /** The buffer itself (valid up to {@link #size()}), so that the driver can take it without a copy. */
    byte[] bytes() {
        return bytes;
    }

    /** Forgets what was written (after it was handed on). */
    void reset() {
        size = 0;
        rowStarted = false;
    }

    private CopyText ascii(String s) {
        separate();
        room(s.length());
        for (int i = 0; i < s.length(); i++) {
            bytes[size++] = (byte) s.charAt(i);
        }
        return this;
    }

    private void escape(char c) {
        room(1);
        bytes[size++] = '\\';
        bytes[size++] = (byte) c;
    }

    private void separate() {
        if (rowStarted) {
            room(1);
            bytes[size++] = '\t';
        }
        rowStarted = true;
    }

    /** Room for n more bytes (and one spare for an escape's second byte). */
    private void room(int n) {
        if (size + n + 1 > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n + 1));
        }
    }
}
