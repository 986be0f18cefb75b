package cn.microcredit.monitor.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

import net.jpountz.lz4.LZ4Compressor;

/**
 * Builds the payload of one stored chunk: rows written field by field in a compact binary form (variable-length
 * integers, UTF-8 text, decimals as scale and unscaled value), then compressed behind the header of the current
 * format version ({@link ChunkFormat}). Read back with {@link ChunkIn}.
 */
final class ChunkOut {

    private byte[] buf = new byte[64 * 1024];
    private int pos;
    private int rows;

    void endRow() {
        rows++;
    }

    int rows() {
        return rows;
    }

    void reset() {
        pos = 0;
        rows = 0;
    }

    void writeLong(long v) {
        ensure(10);
        long z = (v << 1) ^ (v >> 63);
        while ((z & ~0x7FL) != 0) {
            buf[pos++] = (byte) ((z & 0x7F) | 0x80);
            z >>>= 7;
        }
        buf[pos++] = (byte) z;
    }

    void writeInt(int v) {
        writeLong(v);
    }

    void writeBoolean(boolean v) {
        ensure(1);
        buf[pos++] = (byte) (v ? 1 : 0);
    }

    void writeString(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        writeInt(bytes.length);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    void writeDate(LocalDate d) {
        writeLong(d.toEpochDay());
    }

    /** A decimal at a fixed scale, as the database's DECIMAL(p, scale) column would hold it. */
    void writeDecimal(BigDecimal d, int scale) {
        BigDecimal scaled = d.setScale(scale, java.math.RoundingMode.HALF_UP);
        writeLong(scaled.unscaledValue().longValueExact());
    }

    /**
     * The compressed payload: the header of the current format version for this kind of rows, then the rows as one LZ4
     * block (version 3).
     */
    byte[] compress(ChunkKind kind) {
        LZ4Compressor lz4 = ChunkIn.LZ4.fastCompressor();
        byte[] out = new byte[ChunkFormat.HEADER_BYTES + lz4.maxCompressedLength(pos)];
        int n = ChunkFormat.writeHeader(out, kind, rows, pos);
        n += lz4.compress(buf, 0, pos, out, n, out.length - n);
        byte[] payload = Arrays.copyOf(out, n);
        ChunkFormat.seal(payload);
        return payload;
    }

    /** The rows as written, uncompressed: for the tests' writers of earlier format versions. */
    byte[] rawRows() {
        return Arrays.copyOf(buf, pos);
    }

    private void ensure(int more) {
        if (pos + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
        }
    }
}
