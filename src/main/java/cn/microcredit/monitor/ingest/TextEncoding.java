package cn.microcredit.monitor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the character set of an input file. A byte-order mark decides; else a strict UTF-8 decode of the whole file
 * that succeeds means UTF-8; else GB18030 (a superset of GBK, what banks' Excel exports use). UTF-8 is tried first
 * because Chinese UTF-8 text often decodes "successfully" as GB18030 into garbage, while GBK text of any length is
 * essentially never valid UTF-8.
 */
public final class TextEncoding {

    public static final Charset GB18030 = Charset.forName("GB18030");

    private TextEncoding() {
    }

    /** The detected charset and how many bytes of byte-order mark to skip. */
    public record Detected(Charset charset, int bomLength) {
    }

    public static Detected detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                return new Detected(StandardCharsets.UTF_8, 3);
            }
            if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
                return new Detected(StandardCharsets.UTF_16BE, 2);
            }
            if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
                return new Detected(StandardCharsets.UTF_16LE, 2);
            }
        }
        return new Detected(isStrictUtf8(file) ? StandardCharsets.UTF_8 : GB18030, 0);
    }

    /**
     * Whether the whole file is well-formed UTF-8: exactly what a strict decode
     * ({@link java.nio.charset.CodingErrorAction#REPORT}) accepts (no overlong forms, no surrogates, nothing above
     * U+10FFFF, no sequence cut off at the end), checked on the bytes without decoding them, since every ledger byte
     * passes here once more before it is read.
     */
    static boolean isStrictUtf8(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int carried = 0;
            int n;
            while ((n = in.read(buffer, carried, buffer.length - carried)) >= 0) {
                int end = carried + n;
                int checked = wellFormedUpTo(buffer, 0, end);
                if (checked < 0) {
                    return false;
                }
                // An unfinished sequence at the end of the buffer is checked again with the bytes that follow it.
                carried = end - checked;
                System.arraycopy(buffer, checked, buffer, 0, carried);
            }
            return carried == 0;
        }
    }

    /**
     * Checks {@code bytes[from, end)}: -1 if a sequence is malformed, else where a sequence starts that the buffer
     * cuts off ({@code end} if none). The ranges of the second byte are those of the Unicode standard's table 3-7.
     */
    static int wellFormedUpTo(byte[] bytes, int from, int end) {
        int i = from;
        while (i < end) {
            // ASCII, the most of any ledger, eight bytes at a time: no byte with its high bit set.
            if (i + 8 <= end && (bytes[i] | bytes[i + 1] | bytes[i + 2] | bytes[i + 3] | bytes[i + 4] | bytes[i + 5]
                    | bytes[i + 6] | bytes[i + 7]) >= 0) {
                i += 8;
                continue;
            }
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            b &= 0xFF;
            int length;
            int secondMin = 0x80;
            int secondMax = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
                if (b == 0xE0) {
                    secondMin = 0xA0;
                } else if (b == 0xED) {
                    secondMax = 0x9F;
                }
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
                if (b == 0xF0) {
                    secondMin = 0x90;
                } else if (b == 0xF4) {
                    secondMax = 0x8F;
                }
            } else {
                return -1;
            }
            for (int k = 1; k < length; k++) {
                if (i + k >= end) {
                    return i;
                }
                int c = bytes[i + k] & 0xFF;
                if (k == 1 ? c < secondMin || c > secondMax : c < 0x80 || c > 0xBF) {
                    return -1;
                }
            }
            i += length;
        }
        return end;
    }
}
