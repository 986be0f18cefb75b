package cn.microcredit.monitor.keys;

/**
 * 64-bit fingerprints of text keys (household ids, bank code + loan id), so that millions of keys fit in primitive
 * arrays instead of strings. Equal keys always give equal fingerprints; distinct keys may collide, so every use either
 * checks the candidates it finds against the real keys or pairs the fingerprint with {@link #check} (96 bits in all).
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    /** FNV-1a over the UTF-16 code units, then MurmurHash3's finaliser to spread the bits. */
    public static long of(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** Fingerprint of two keys together, e.g. bank code and loan id. */
    public static long of(String a, String b) {
        return mix(of(a) * 31 + of(b));
    }

    /** A second, independent 32-bit hash to check a fingerprint match. */
    public static int check(String s) {
        return s.hashCode();
    }

    public static int check(String a, String b) {
        return a.hashCode() * 31 + b.hashCode();
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
