package cn.microcredit.monitor.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;

/**
 * Reads back the rows of a chunk written by {@link ChunkOut}, or by a release before it: the header says which format
 * version the rows are in ({@link ChunkFormat}), and the codecs read each version's fields accordingly.
 */
final class ChunkIn {

    /** Deflate expands at most about 1,032 to 1: a raw length beyond that is a damaged header, not a chunk. */
    private static final int MAX_DEFLATE_RATIO = 1032;
    /** LZ4 at most 255 to 1. */
    private static final int MAX_LZ4_RATIO = 255;
    /**
     * LZ4 through its native library where lz4-java can load the one it carries (it copies it to the temp folder),
     * else in Java: the same blocks either way. Thread-safe.
     */
    static final LZ4Factory LZ4 = LZ4Factory.fastestInstance();

    private final byte[] buf;
    private final int version;
    private final int rows;
    private final ChunkKind kind;
    private int pos;

    private ChunkIn(byte[] buf, int version, int rows, ChunkKind kind) {
        this.buf = buf;
        this.version = version;
        this.rows = rows;
        this.kind = kind;
    }

    /** The rows of a payload that must hold rows of {@code kind}; see {@link ChunkFormat#read} for what is refused. */
    static ChunkIn of(byte[] payload, ChunkKind kind) {
        ChunkFormat.Header header = ChunkFormat.read(payload, kind);
        int length = header.rawLength();
        int compressed = payload.length - header.dataOffset();
        boolean lz4 = header.version() >= ChunkFormat.V3;
        if (length < 0 || length > (long) compressed * (lz4 ? MAX_LZ4_RATIO : MAX_DEFLATE_RATIO) + 64) {
            throw new StoreException("stored chunk is corrupt: it claims " + Integer.toUnsignedString(length)
                    + " bytes of rows in a payload of " + payload.length);
        }
        byte[] raw = new byte[length];
        if (lz4) {
            decompress(payload, header.dataOffset(), compressed, raw);
        } else {
            inflate(payload, header.dataOffset(), compressed, raw);
        }
        return new ChunkIn(raw, header.version(), header.rows(), kind);
    }

    /** Version 3: one LZ4 block, which must give exactly the raw length the header says. */
    private static void decompress(byte[] payload, int offset, int compressed, byte[] raw) {
        int n;
        try {
            // The safe decompressor: it never reads or writes outside the arrays, whatever the bytes say.
            n = LZ4.safeDecompressor().decompress(payload, offset, compressed, raw, 0, raw.length);
        } catch (LZ4Exception e) {
            throw new StoreException("stored chunk is corrupt", e);
        }
        if (n != raw.length) {
            throw new StoreException("stored chunk is truncated");
        }
    }

    /** Versions 1 and 2: raw deflate. */
    private static void inflate(byte[] payload, int offset, int compressed, byte[] raw) {
        int length = raw.length;
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(payload, offset, compressed);
            int n = 0;
            while (n < length) {
                int got = inflater.inflate(raw, n, length - n);
                if (got == 0 && (inflater.finished() || inflater.needsInput())) {
                    throw new StoreException("stored chunk is truncated");
                }
                n += got;
            }
        } catch (DataFormatException e) {
            throw new StoreException("stored chunk is corrupt", e);
        } finally {
            inflater.end();
        }
    }

    /** The rows as they were written, decompressed: for the tests' writers of earlier format versions. */
    byte[] rawRows() {
        return buf.clone();
    }

    /** The format version the rows are in: {@link ChunkFormat#V1} or later. */
    int version() {
        return version;
    }

    /**
     * Called by a codec when it has read every row: a chunk that says how many rows it holds (version 2 on) must
     * have held exactly that many, else its rows were read with the wrong layout.
     */
    void checkRows(int read) {
        if (version >= ChunkFormat.V2 && read != rows) {
            throw new StoreException("stored chunk of " + kind.name().toLowerCase(Locale.ROOT)
                    + " gave " + read + " rows where its header says " + rows);
        }
    }

    boolean hasMore() {
        return pos < buf.length;
    }

    long readLong() {
        long z = 0;
        int shift = 0;
        byte b;
        do {
            b = buf[pos++];
            z |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while (b < 0);
        return (z >>> 1) ^ -(z & 1);
    }

    /** Passes over a number (any of the variable-length integers: ints, longs, dates, decimals). */
    void skipNumber() {
        while (buf[pos++] < 0) {
            // continuation bytes
        }
    }

    void skipString() {
        int length = readInt();
        pos += length;
    }

    void skipBoolean() {
        pos++;
    }

    int readInt() {
        return (int) readLong();
    }

    boolean readBoolean() {
        return buf[pos++] != 0;
    }

    String readString() {
        int length = readInt();
        String s = new String(buf, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return s;
    }

    LocalDate readDate() {
        return LocalDate.ofEpochDay(readLong());
    }

    BigDecimal readDecimal(int scale) {
        return BigDecimal.valueOf(readLong(), scale);
    }
}
