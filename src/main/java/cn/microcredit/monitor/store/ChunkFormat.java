package cn.microcredit.monitor.store;

import java.util.Locale;
import java.util.zip.CRC32C;

/**
 * The header of a stored chunk's payload, and the versions of the format. A chunk outlives the code that wrote it: the
 * rules of a later night read the previous date's loans (RATE_CHANGED, LENDING_AFTER_PAUSE, migration), possibly
 * after an upgrade. So every payload says which format and kind it is, every reader reads every version ever released,
 * and a payload it cannot read is a {@link StoreException} naming why, never rows read the wrong way.
 *
 * <p><b>Version 1</b> (released up to commit c072f04): no header; the raw length (4 bytes, big-endian), then the rows
 * deflated (raw deflate, no zlib wrapper). Enums were written by {@code ordinal()}; {@link V1Ordinals} keeps the
 * order of that release, written out, so that reordering an enum cannot change what a version 1 chunk means.
 *
 * <p><b>Version 2</b> (released up to commit 3fcba8a), {@value #HEADER_BYTES} bytes of header, then the rows deflated
 * as in version 1:
 * <pre>
 *   0  magic       4 bytes  B7 4D 43 4B  (0xB7, then "MCK": microcredit chunk)
 *   4  version     1 byte   2
 *   5  kind        1 byte   {@link ChunkKind#code()}: 'L' loans, 'R' roster periods, 'H' shared households
 *   6  rows        4 bytes  big-endian: the rows in the chunk (the reader checks it counted as many)
 *  10  raw length  4 bytes  big-endian: the rows' length before deflating
 *  14  checksum    4 bytes  big-endian: CRC-32C of the whole payload but these 4 bytes (a damaged blob is an
 *                           error, not other figures; over the deflated bytes, a quarter of the raw rows' length)
 * </pre>
 * The rows are laid out as in version 1, field after field (see {@link LoanCodec#write}, {@link RosterCodec#write}),
 * except that enums are written by the explicit codes of {@link StoredCodes}, which never change.
 *
 * <p><b>Version 3</b> (written from the ninth session of issue 16 on): the header of version 2 with 3 as its version,
 * then the rows compressed as one LZ4 block (the block format of lz4-java, {@code net.jpountz.lz4}, no frame) instead
 * of deflated; the raw length in the header is the block's decompressed length, the checksum covers the compressed
 * bytes as in version 2. The rows themselves are laid out exactly as in version 2. Deflating was a fifth of the load
 * step's time at 1 M loans and inflating a tenth of the metrics step's; LZ4 does both several times faster, for
 * payloads about a quarter larger (docs/benchmarks.md).
 *
 * <p><b>Telling them apart.</b> A version 1 payload begins with the top byte of its raw length, which is a
 * non-negative Java {@code int} (an array index): that byte is 0x00 to 0x7F. The version 2 magic begins with 0xB7,
 * whose top bit is set, so no version 1 payload can ever be taken for version 2, or the reverse. Any other first
 * byte of 0x80 or more is not a chunk this or any earlier release wrote, and is refused.
 *
 * <p><b>A version 4</b> that adds a field (say a loan's disbursement channel) appends it at the end of each row,
 * writes 4 here as {@link #CURRENT}, and in the codec reads it only {@code if (in.version() >= 4)}, giving rows of
 * versions 1 to 3 the field's SPEC default; {@code LoanCodec.readStates} passes over it the same way. A new enum
 * constant needs no new version: it takes the next free code in {@link StoredCodes}. Chunks already stored are never
 * rewritten; a golden chunk of the new version joins {@code src/test/resources/store/golden/}.
 */
final class ChunkFormat {

    static final int V1 = 1;
    static final int V2 = 2;
    static final int V3 = 3;
    /** What every writer writes. */
    static final int CURRENT = V3;

    static final byte[] MAGIC = {(byte) 0xB7, 'M', 'C', 'K'};
    static final int HEADER_BYTES = 18;
    private static final int V1_HEADER_BYTES = 4;

    private ChunkFormat() {
    }

    /**
     * What a payload's header says.
     *
     * @param rows       the rows the chunk holds (version 2 on; version 1 does not say)
     * @param dataOffset where the compressed rows begin
     */
    record Header(int version, int rows, int rawLength, int dataOffset) {
    }

    /**
     * Writes the current version's header for these rows into {@code out}, all but its checksum ({@link #seal});
     * returns where the compressed rows go.
     */
    static int writeHeader(byte[] out, ChunkKind kind, int rows, int rawLength) {
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[4] = (byte) CURRENT;
        out[5] = kind.code();
        putInt(out, 6, rows);
        putInt(out, 10, rawLength);
        return HEADER_BYTES;
    }

    /** Puts the checksum into a payload whose header and compressed rows are complete. */
    static void seal(byte[] payload) {
        putInt(payload, 14, checksum(payload));
    }

    private static int checksum(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload, 0, 14);
        crc.update(payload, HEADER_BYTES, payload.length - HEADER_BYTES);
        return (int) crc.getValue();
    }

    /**
     * Reads a payload's header, refusing a payload that is not a chunk of the expected kind in a version this build
     * reads. A version 1 payload does not say its kind: it is taken to be what {@code run_chunk.kind} said.
     */
    static Header read(byte[] payload, ChunkKind expected) {
        if (payload.length < V1_HEADER_BYTES) {
            throw new StoreException("stored chunk of " + name(expected) + " is truncated: " + payload.length
                    + " bytes");
        }
        if ((payload[0] & 0x80) == 0) {
            return new Header(V1, 0, getInt(payload, 0), V1_HEADER_BYTES);
        }
        if (payload.length < HEADER_BYTES) {
            throw new StoreException("stored chunk of " + name(expected) + " is truncated: " + payload.length
                    + " bytes, its header alone has " + HEADER_BYTES);
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (payload[i] != MAGIC[i]) {
                throw new StoreException(String.format(Locale.ROOT,
                        "stored chunk of %s is in no known format: it begins %02X %02X %02X %02X", name(expected),
                        payload[0], payload[1], payload[2], payload[3]));
            }
        }
        int version = payload[4] & 0xFF;
        // Versions 2 on share this header; a version 4 that adds a field only raises CURRENT.
        if (version < V2 || version > CURRENT) {
            throw new StoreException("stored chunk of " + name(expected) + " has format version " + version
                    + ", which this build cannot read (it reads versions " + V1 + " to " + CURRENT + ")"
                    + (version > CURRENT ? ": a newer release wrote it; run that release or a later one" : ""));
        }
        if (checksum(payload) != getInt(payload, 14)) {
            throw new StoreException("stored chunk of " + name(expected) + " is corrupt: it does not match its "
                    + "checksum (damaged or cut)");
        }
        ChunkKind kind = ChunkKind.ofCode(payload[5]);
        if (kind != expected) {
            throw new StoreException("stored chunk holds " + (kind == null
                    ? String.format(Locale.ROOT, "rows of an unknown kind (code %02X)", payload[5])
                    : name(kind)) + ", not " + name(expected));
        }
        return new Header(version, getInt(payload, 6), getInt(payload, 10), HEADER_BYTES);
    }

    private static String name(ChunkKind kind) {
        return switch (kind) {
            case LOANS -> "loans";
            case ROSTER -> "roster periods";
            case SHARED_HOUSEHOLDS -> "shared households";
        };
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static int getInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
    }
}
