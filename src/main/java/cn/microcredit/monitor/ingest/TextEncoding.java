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
        return new Detected(isStrictUtf8(file) || isUtf8WithStrayBytes(file) ? StandardCharsets.UTF_8 : GB18030, 0);
    }

    /** Well-formed multi-byte sequences per malformed byte above which a file is UTF-8 with stray bytes. */
    static final int UTF8_SEQUENCES_PER_STRAY_BYTE = 4;
    /** Fewer well-formed sequences than this decide nothing: a short GBK file may hold a few by chance. */
    static final int UTF8_MIN_SEQUENCES = 8;
    /** Sequences and stray bytes counted before deciding: a few thousand characters of text say enough. */
    private static final int SEQUENCES_TO_DECIDE = 1 << 14;

    /**
     * A file that is not strictly UTF-8 but is UTF-8 all the same, with a stray byte or a few (issue 17, item 5): one
     * 0xFF in a UTF-8 file used to make the whole file GB18030, every name mojibake, every row accepted. GBK text
     * forms a well-formed UTF-8 sequence only now and then (a lead byte C2-DF before a trail byte 80-BF: about one
     * character in eight), while UTF-8 Chinese is nothing but well-formed sequences; so a file with at least
     * {@value #UTF8_SEQUENCES_PER_STRAY_BYTE} well-formed multi-byte sequences per malformed byte (and at least
     * {@value #UTF8_MIN_SEQUENCES}) is read as UTF-8, and the rows whose bytes do not decode are rejected naming the
     * encoding ({@link CsvRows}).
     */
    static boolean isUtf8WithStrayBytes(Path file) throws IOException {
        long wellFormed = 0;
        long stray = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int carried = 0;
            int n;
            while (wellFormed + stray < SEQUENCES_TO_DECIDE
                    && (n = in.read(buffer, carried, buffer.length - carried)) >= 0) {
                int end = carried + n;
                int i = 0;
                while (i < end) {
                    if (buffer[i] >= 0) {
                        i++;
                        continue;
                    }
                    int length = sequenceLength(buffer[i] & 0xFF);
                    if (length > 0 && i + length > end) {
                        // Cut off by the buffer: checked again with the bytes that follow.
                        break;
                    }
                    if (length > 0 && wellFormedUpTo(buffer, i, i + length) == i + length) {
                        wellFormed++;
                        i += length;
                    } else {
                        stray++;
                        i++;
                    }
                }
                carried = end - i;
                System.arraycopy(buffer, i, buffer, 0, carried);
            }
            // A sequence cut off by the end of the file is one stray byte more.
            stray += carried > 0 ? 1 : 0;
        }
        return wellFormed >= UTF8_MIN_SEQUENCES && wellFormed >= UTF8_SEQUENCES_PER_STRAY_BYTE * stray;
    }

    private static int sequenceLength(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 3;
        }
        return lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
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
