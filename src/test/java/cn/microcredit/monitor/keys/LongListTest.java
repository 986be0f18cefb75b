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
}
