package cn.microcredit.monitor.report;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * POI's streamed sheet writer with a writer that takes a character without a lock. POI writes a sheet's XML one
 * character at a time, and its {@code BufferedWriter} locks for each: that was the largest cost of writing the breach
 * sheets (docs/benchmarks.md). The file is the same, byte for byte.
 */
final class FastSheetDataWriter extends SheetDataWriter {

    FastSheetDataWriter() throws IOException {
        super();
    }

    @Override
    public Writer createWriter(File fd) throws IOException {
        return new Utf8Writer(decorateOutputStream(new FileOutputStream(fd)));
    }

    /**
     * UTF-8 without locks, for one thread. As {@code OutputStreamWriter}, an unpaired surrogate becomes {@code '?'}.
     */
    static final class Utf8Writer extends Writer {
        private final OutputStream out;
        private final byte[] bytes = new byte[1 << 16];
        private int size;
        /** A high surrogate waiting for its low half. */
        private char high;

        Utf8Writer(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int c) throws IOException {
            if (size > bytes.length - 4) {
                drain();
            }
            char ch = (char) c;
            if (high != 0) {
                char h = high;
                high = 0;
                if (Character.isLowSurrogate(ch)) {
                    int cp = Character.toCodePoint(h, ch);
                    bytes[size++] = (byte) (0xF0 | (cp >> 18));
                    bytes[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    bytes[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    bytes[size++] = (byte) (0x80 | (cp & 0x3F));
                    return;
                }
                bytes[size++] = '?';
                if (size > bytes.length - 4) {
                    drain();
                }
            }
            if (ch < 0x80) {
                bytes[size++] = (byte) ch;
            } else if (ch < 0x800) {
                bytes[size++] = (byte) (0xC0 | (ch >> 6));
                bytes[size++] = (byte) (0x80 | (ch & 0x3F));
            } else if (Character.isHighSurrogate(ch)) {
                high = ch;
            } else if (Character.isLowSurrogate(ch)) {
                bytes[size++] = '?';
            } else {
                bytes[size++] = (byte) (0xE0 | (ch >> 12));
                bytes[size++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
                bytes[size++] = (byte) (0x80 | (ch & 0x3F));
            }
        }

        @Override
        public void write(char[] chars, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                write(chars[i]);
            }
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                write(s.charAt(i));
            }
        }

        private void drain() throws IOException {
            out.write(bytes, 0, size);
            size = 0;
        }

        @Override
        public void flush() throws IOException {
            drain();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (high != 0) {
                high = 0;
                write('?');
            }
            flush();
            out.close();
        }
    }
}
