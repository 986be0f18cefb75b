package cn.microcredit.monitor.keys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LongListTest {

    @Test
    void repeatedValuesEachOnceSorted() {
        LongList list = new LongList(1);
        for (long v : new long[] {5, 3, 5, 9, 3, 3, -1, 7, -1, 5}) {
            list.add(v);
        }
        assertThat(list.repeated()).containsExactly(-1, 3, 5);
        assertThat(list.size()).isEqualTo(10);
        assertThat(LongList.contains(list.repeated(), 3)).isTrue();
        assertThat(LongList.contains(list.repeated(), 9)).isFalse();
    }

    @Test
    void noRepeats() {
        LongList list = new LongList();
        list.add(1);
        list.add(2);
        assertThat(list.repeated()).isEmpty();
        assertThat(new LongList().repeated()).isEmpty();
    }

    /**
     * Seeded and replayable: lists large enough for the bucket sort, of fingerprints spread over 64 bits, of values
     * bunched in a few buckets, of many repeats and of the extremes, sort as {@code Arrays.sort} does.
     */
    @Test
    void sortsAsArraysSortWhateverTheValues() {
        long seed = 20261130L;
        java.util.Random random = new java.util.Random(seed);
        for (int round = 0; round < 40; round++) {
            int size = round % 4 == 0 ? random.nextInt(5000) : 4096 + random.nextInt(60_000);
            int kind = round % 5;
            LongList list = new LongList();
            long[] expected = new long[size];
            for (int i = 0; i < size; i++) {
                long v = switch (kind) {
                    case 0 -> random.nextLong();                                    // fingerprints
                    case 1 -> random.nextInt(1000);                                 // bunched near zero
                    case 2 -> random.nextLong() >> 40;                              // bunched around zero, both signs
                    case 3 -> random.nextInt(50) * 0x0123456789ABCDEFL;             // a few values, many repeats
                    default -> random.nextBoolean() ? Long.MIN_VALUE + random.nextInt(3)
                            : Long.MAX_VALUE - random.nextInt(3);                   // the extremes
                };
                list.add(v);
                expected[i] = v;
            }
            java.util.Arrays.sort(expected);
            assertThat(list.sortedCopy()).as("seed %d round %d size %d kind %d", seed, round, size, kind)
                    .containsExactly(expected);
            long[] repeats = java.util.stream.LongStream.range(1, size)
                    .filter(i -> expected[(int) i] == expected[(int) i - 1]).map(i -> expected[(int) i])
                    .distinct().toArray();
            assertThat(list.repeated()).as("seed %d round %d", seed, round).containsExactly(repeats);
        }
    }
}
