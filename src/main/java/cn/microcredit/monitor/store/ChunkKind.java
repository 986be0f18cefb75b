package cn.microcredit.monitor.store;

/**
 * What a stored chunk holds. Its code is written into every payload's header (format version 2 on), so that a chunk
 * of one kind can never be decoded as another: the rows of each kind have a layout of their own. The codes are the
 * letters of {@code run_chunk.kind}, and like every stored code they never change.
 */
enum ChunkKind {
    LOANS('L'),
    ROSTER('R'),
    SHARED_HOUSEHOLDS('H');

    private final byte code;

    ChunkKind(char code) {
        this.code = (byte) code;
    }

    byte code() {
        return code;
    }

    /** The kind of a stored code, or null for a code no release has written. */
    static ChunkKind ofCode(byte code) {
        for (ChunkKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        return null;
    }
}
