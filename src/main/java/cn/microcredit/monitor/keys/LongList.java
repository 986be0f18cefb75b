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

    /** The values, sorted, in an array of their own. */
    public long[] sortedCopy() {
        long[] copy = Arrays.copyOf(values, size);
        Arrays.sort(copy);
        return copy;
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
