package cn.microcredit.monitor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
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

    private static boolean isStrictUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 15];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                bytes.put(buffer, 0, n);
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, false);
                if (result.isError()) {
                    return false;
                }
                chars.clear();
                bytes.compact();
            }
            bytes.flip();
            CoderResult result = decoder.decode(bytes, chars, true);
            if (result.isError() || bytes.hasRemaining()) {
                return false;
            }
            return !decoder.flush(chars).isError();
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
