package cn.microcredit.monitor.keys;

import java.util.Arrays;

/**
 * Values looked up by a text key, held as three parallel primitive arrays sorted by key: 20 bytes an entry, where a
 * {@code HashMap<String, List<...>>} of the same entries takes ten times as much; an index made
 * {@link #withIntValues} carries a 32-bit value beside each 64-bit one (24 bytes an entry). Sorting adds a directory
 * of 4 to 8 bytes an entry (at most 16 MB). A key is its {@link Fingerprint} and its {@link Fingerprint#check}: two
 * distinct keys are taken as one only if both collide (96 bits).
 * A key may have several values. Build with {@link #add}, then {@link #sort} once, then look up.
 */
public final class KeyIndex {

    private long[] keys;
    private int[] checks;
    private long[] values;
    /** The 32-bit value beside each value, in an index made {@link #withIntValues}; else null. */
    private int[] intValues;
    private int size;
    private boolean sorted;
    /** After sorting: for each value of a key's top bits, the position of its first entry (one more at the end). */
    private int[] directory;
    private int directoryBits;

    public KeyIndex(int capacity) {
        capacity = Math.max(16, capacity);
        keys = new long[capacity];
        checks = new int[capacity];
        values = new long[capacity];
    }

    /** An index whose entries carry a 32-bit value beside the 64-bit one ({@link #intValue}). */
    public static KeyIndex withIntValues(int capacity) {
        KeyIndex index = new KeyIndex(capacity);
        index.intValues = new int[index.keys.length];
        return index;
    }

    public void add(long key, int check, long value) {
        if (intValues != null) {
            throw new IllegalStateException("this index takes an int value beside each value");
        }
        append(key, check, value);
    }

    /** Adds an entry to an index made {@link #withIntValues}. */
    public void add(long key, int check, long value, int intValue) {
        if (intValues == null) {
            throw new IllegalStateException("this index was not made withIntValues");
        }
        int at = append(key, check, value); // first: it may grow the arrays
        intValues[at] = intValue;
    }

    private int append(long key, int check, long value) {
        if (sorted) {
            throw new IllegalStateException("index already sorted");
        }
        if (size == keys.length) {
            int capacity = keys.length + (keys.length >> 1);
            keys = Arrays.copyOf(keys, capacity);
            checks = Arrays.copyOf(checks, capacity);
            values = Arrays.copyOf(values, capacity);
            if (intValues != null) {
                intValues = Arrays.copyOf(intValues, capacity);
            }
        }
        keys[size] = key;
        checks[size] = check;
        values[size] = value;
        return size++;
    }

    public int size() {
        return size;
    }

    /**
     * Sorts by key and check (values of one key keep no particular order). Fingerprints are spread evenly, so a
     * directory of about one slot per entry leaves a few entries to search: a lookup touches two places in memory
     * instead of the twenty-odd of a binary search over millions. The sort itself goes by the same slots: the entries
     * are counted per slot, their positions scattered into their slot's range of an order, each slot's few positions
     * ordered on their own (a key with many entries, a household with many periods, is one slot, sorted three-way),
     * then every array gathered in that order. Each step's loads are independent of one another, where swapping the
     * entries into their slots in place (an American flag sort, used before) had each swap wait for the one before:
     * 1.2 s against 0.2 s for 4 M entries (docs/benchmarks.md). It needs, for the time of the sort, 4 bytes an entry
     * for the order and one array's worth for the gathering.
     */
    public KeyIndex sort() {
        directoryBits = Math.max(1, Math.min(22, 64 - Long.numberOfLeadingZeros(size)));
        int slots = 1 << directoryBits;
        directory = new int[slots + 1];
        for (int i = 0; i < size; i++) {
            directory[slot(keys[i]) + 1]++;
        }
        for (int slot = 0; slot < slots; slot++) {
            directory[slot + 1] += directory[slot];
        }
        int[] order = orderBySlot();
        for (int slot = 0; slot < slots; slot++) {
            if (directory[slot + 1] - directory[slot] > 1) {
                sortSlot(order, directory[slot], directory[slot + 1] - 1);
            }
        }
        keys = gather(keys, order);
        checks = gather(checks, order);
        values = gather(values, order);
        if (intValues != null) {
            intValues = gather(intValues, order);
        }
        sorted = true;
        return this;
    }

    /** The entries' positions, those of each slot in the slot's range of the directory. */
    private int[] orderBySlot() {
        int[] next = Arrays.copyOf(directory, directory.length - 1);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[next[slot(keys[i])]++] = i;
        }
        return order;
    }

    /**
     * Orders the positions {@code order[lo..hi]} by the key and check of their entries: three-way quicksort, so that
     * many entries of one key (a household with many periods) cannot make it quadratic, then insertion sort.
     */
    private void sortSlot(int[] order, int lo, int hi) {
        while (hi - lo > 16) {
            int pivot = order[(lo + hi) >>> 1];
            long pivotKey = keys[pivot];
            int pivotCheck = checks[pivot];
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                int at = order[i];
                int c = compare(at, pivotKey, pivotCheck);
                if (c < 0) {
                    order[i++] = order[lt];
                    order[lt++] = at;
                } else if (c > 0) {
                    order[i] = order[gt];
                    order[gt--] = at;
                } else {
                    i++;
                }
            }
            // Recurse into the smaller side, loop on the larger: the stack stays logarithmic.
            if (lt - lo < hi - gt) {
                sortSlot(order, lo, lt - 1);
                lo = gt + 1;
            } else {
                sortSlot(order, gt + 1, hi);
                hi = lt - 1;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            int at = order[i];
            int j = i;
            for (; j > lo && compare(order[j - 1], keys[at], checks[at]) > 0; j--) {
                order[j] = order[j - 1];
            }
            order[j] = at;
        }
    }

    private long[] gather(long[] from, int[] order) {
        long[] to = new long[size];
        for (int i = 0; i < size; i++) {
            to[i] = from[order[i]];
        }
        return to;
    }

    private int[] gather(int[] from, int[] order) {
        int[] to = new int[size];
        for (int i = 0; i < size; i++) {
            to[i] = from[order[i]];
        }
        return to;
    }

    /** The directory slot of a key: its top bits, sign flipped so that slots follow the signed order of keys. */
    private int slot(long key) {
        return (int) ((key ^ Long.MIN_VALUE) >>> (64 - directoryBits));
    }

    /** Position of the first entry of the key, or -1; the key's entries follow it ({@link #matches}). */
    public int first(long key, int check) {
        if (!sorted) {
            throw new IllegalStateException("index not sorted");
        }
        int slot = slot(key);
        int lo = directory[slot];
        int end = directory[slot + 1];
        int hi = end - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compare(mid, key, check);
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return lo < end && keys[lo] == key && checks[lo] == check ? lo : -1;
    }

    /** Whether the entry at a position (possibly past the end) has this key. */
    public boolean matches(int position, long key, int check) {
        return position >= 0 && position < size && keys[position] == key && checks[position] == check;
    }

    public long value(int position) {
        return values[position];
    }

    /** The 32-bit value at a position, in an index made {@link #withIntValues}. */
    public int intValue(int position) {
        return intValues[position];
    }

    private int compare(int i, long key, int check) {
        int c = Long.compare(keys[i], key);
        return c != 0 ? c : Integer.compare(checks[i], check);
    }
}
