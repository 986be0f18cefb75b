package cn.microcredit.monitor.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class KeyIndexTest {

    @Test
    void findsEveryValueOfEveryKeyAgainstAPlainMap() {
        Random random = new Random(42);
        KeyIndex index = new KeyIndex(16);
        Map<String, List<Long>> expected = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            String key = "H" + random.nextInt(20_000);
            long value = random.nextLong();
            index.add(Fingerprint.of(key), Fingerprint.check(key), value);
            expected.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        index.sort();
        expected.forEach((key, values) -> {
            List<Long> found = new ArrayList<>();
            long k = Fingerprint.of(key);
            int c = Fingerprint.check(key);
            for (int i = index.first(k, c); index.matches(i, k, c); i++) {
                found.add(index.value(i));
            }
            assertThat(found).containsExactlyInAnyOrderElementsOf(values);
        });
        assertThat(index.first(Fingerprint.of("absent"), Fingerprint.check("absent"))).isEqualTo(-1);
    }

    @Test
    void sortsEntriesIntoSignedKeyOrderWhateverTheirSpread() {
        Random random = new Random(7);
        KeyIndex index = new KeyIndex(16);
        int n = 300_000;
        for (int i = 0; i < n; i++) {
            // Evenly spread keys, keys crowded into a few slots, and the extremes.
            long key = switch (i % 3) {
                case 0 -> random.nextLong();
                case 1 -> random.nextInt(50) - 25L;
                default -> i % 2 == 0 ? Long.MIN_VALUE + random.nextInt(3) : Long.MAX_VALUE - random.nextInt(3);
            };
            index.add(key, 0, key);
        }
        index.sort();
        int firstOutOfOrder = -1;
        for (int i = 1; i < n && firstOutOfOrder < 0; i++) {
            if (index.value(i - 1) > index.value(i)) {
                firstOutOfOrder = i;
            }
        }
        assertThat(index.size()).isEqualTo(n);
        assertThat(firstOutOfOrder).isEqualTo(-1);
    }

    @Test
    void theIntValueTravelsWithItsEntryThroughTheSort() {
        Random random = new Random(11);
        KeyIndex index = KeyIndex.withIntValues(16);
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            String key = "B1/L" + i;
            index.add(Fingerprint.of(key), Fingerprint.check(key), i, -i);
        }
        index.sort();
        for (int i = 0; i < n; i += 1 + random.nextInt(7)) {
            String key = "B1/L" + i;
            int at = index.first(Fingerprint.of(key), Fingerprint.check(key));
            assertThat(index.value(at)).isEqualTo(i);
            assertThat(index.intValue(at)).isEqualTo(-i);
        }
    }

    @Test
    void anIndexTakesEntriesOfOneShapeOnly() {
        assertThatThrownBy(() -> new KeyIndex(1).add(1L, 1, 1L, 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> KeyIndex.withIntValues(1).add(1L, 1, 1L)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void entriesOfOneSlotSortByKeyThenCheck() {
        Random random = new Random(3);
        KeyIndex index = new KeyIndex(16);
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            long key = 1 + random.nextInt(3);
            int check = random.nextInt(1000) - 500;
            index.add(key, check, key * 10_000 + check);
        }
        index.sort();
        for (int i = 1; i < n; i++) {
            assertThat(index.value(i - 1)).isLessThanOrEqualTo(index.value(i));
        }
        assertThat(index.value(index.first(2, -500))).isEqualTo(20_000 - 500);
        assertThat(index.value(index.first(3, 499))).isEqualTo(30_000 + 499);
    }

    @Test
    void aKeyFoundOnlyWithItsCheckToo() {
        KeyIndex index = new KeyIndex(4);
        index.add(7L, 1, 100);
        index.add(7L, 2, 200);
        index.sort();
        assertThat(index.value(index.first(7L, 2))).isEqualTo(200);
        assertThat(index.first(7L, 3)).isEqualTo(-1);
    }

    @Test
    void extremeAndNegativeKeysAndTheEmptyIndex() {
        assertThat(new KeyIndex(1).sort().first(0, 0)).isEqualTo(-1);
        KeyIndex index = new KeyIndex(1);
        long[] keys = {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE};
        for (long k : keys) {
            index.add(k, 0, k);
        }
        index.sort();
        for (long k : keys) {
            assertThat(index.value(index.first(k, 0))).isEqualTo(k);
        }
    }

    @Test
    void manyEntriesOfOneKeySortInReasonableTime() {
        KeyIndex index = new KeyIndex(16);
        for (int i = 0; i < 200_000; i++) {
            index.add(5L, 5, i);
        }
        index.add(4L, 4, -1);
        index.sort();
        int first = index.first(5L, 5);
        int n = 0;
        for (int i = first; index.matches(i, 5L, 5); i++) {
            n++;
        }
        assertThat(n).isEqualTo(200_000);
        assertThat(index.value(index.first(4L, 4))).isEqualTo(-1);
    }
}
