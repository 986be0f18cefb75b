package cn.microcredit.monitor.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Reads back the rows of a chunk written by {@link ChunkOut}. */
final class ChunkIn {

    private final byte[] buf;
    private int pos;

    private ChunkIn(byte[] buf) {
        this.buf = buf;
    }

    static ChunkIn of(byte[] payload) {
        int length = (payload[0] & 0xFF) << 24 | (payload[1] & 0xFF) << 16 | (payload[2] & 0xFF) << 8
                | payload[3] & 0xFF;
        byte[] raw = new byte[length];
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(payload, 4, payload.length - 4);
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
        return new ChunkIn(raw);
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
