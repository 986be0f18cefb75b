package cn.microcredit.monitor.keys;

import static org.assertj.core.api.Assertions.assertThat;

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
