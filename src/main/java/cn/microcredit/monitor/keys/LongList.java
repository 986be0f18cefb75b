package cn.microcredit.monitor.keys;

import java.util.Arrays;

/** A growable list of primitive longs: 8 bytes a value where a {@code List<Long>} takes about 24. */
public final class LongList {

    private long[] values;
    private int size;

    public LongList() {
        this(1024);
    }

    public LongList(int capacity) {
        values = new long[Math.max(16, capacity)];
    }

    public void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length + (values.length >> 1));
        }
        values[size++] = value;
    }

    public void addAll(LongList other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    public long get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return values[index];
    }

    public int size() {
        return size;
    }

    /** Values below which {@link #sortedCopy} sorts as {@code Arrays.sort} does. */
    private static final int SPREAD_SORT_MIN = 4096;
    /** At most 2^20 buckets: 4 MB of counts however many values. */
    private static final int MAX_BUCKET_BITS = 20;

    /**
     * The values, sorted, in an array of their own. The lists sorted here are fingerprints, spread evenly over the
     * 64 bits: they are scattered into buckets by their top bits (about one value a bucket), then each bucket is
     * sorted on its own, two passes over the values where a quicksort makes some twenty (1 M fingerprints: 15-28 ms
     * against 62 ms for {@code Arrays.sort}, with the quick compiler of a 2-core run). Values bunched together only
     * make larger buckets, each sorted by {@code Arrays.sort}: the result is the same whatever the values.
     */
    public long[] sortedCopy() {
        if (size < SPREAD_SORT_MIN) {
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
        int bits = Math.min(MAX_BUCKET_BITS, 64 - Long.numberOfLeadingZeros(size));
        int shift = 64 - bits;
        int[] next = new int[(1 << bits) + 1];
        for (int i = 0; i < size; i++) {
            next[bucket(values[i], shift) + 1]++;
        }
        for (int b = 1; b < next.length; b++) {
            next[b] += next[b - 1];
        }
        long[] sorted = new long[size];
        for (int i = 0; i < size; i++) {
            long v = values[i];
            sorted[next[bucket(v, shift)]++] = v;
        }
        // Each bucket now ends where the next begins: next[b] is the end of bucket b, and bucket 0 begins at 0.
        int from = 0;
        for (int b = 0; b < next.length - 1; b++) {
            int to = next[b];
            if (to - from > 16) {
                Arrays.sort(sorted, from, to);
            } else {
                for (int i = from + 1; i < to; i++) {
                    long v = sorted[i];
                    int j = i - 1;
                    for (; j >= from && sorted[j] > v; j--) {
                        sorted[j + 1] = sorted[j];
                    }
                    sorted[j + 1] = v;
                }
            }
            from = to;
        }
        return sorted;
    }

    /** The bucket of a value: its top bits, the sign flipped so that buckets follow the signed order. */
    private static int bucket(long v, int shift) {
        return (int) ((v ^ Long.MIN_VALUE) >>> shift);
    }

    /** The values that occur more than once, sorted, each once: what {@link #contains} then looks up. */
    public long[] repeated() {
        long[] sorted = sortedCopy();
        // Written in place: the n-th repeated value needs at least 2n values before it, so writes stay behind reads.
        int n = 0;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1] && (n == 0 || sorted[n - 1] != sorted[i])) {
                sorted[n++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, n);
    }

    /** Whether a sorted array holds the value. */
    public static boolean contains(long[] sorted, long value) {
        return Arrays.binarySearch(sorted, value) >= 0;
    }
}
