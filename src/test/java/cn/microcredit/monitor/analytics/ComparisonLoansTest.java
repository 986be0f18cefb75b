package cn.microcredit.monitor.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.metrics.AgeingState;

class ComparisonLoansTest {

    @Test
    void everyFieldSurvivesThePackingAtItsLimits() {
        ComparisonLoans loans = new ComparisonLoans(4);
        ComparisonLoans.Batch batch = loans.batch();
        // The largest balance a ledger may carry: 1,000,000,000.00 yuan (SPEC 3.1 OUT_OF_RANGE above it).
        batch.accept("B1", "L1", 100_000_000_000L, 361, Classification.LOSS);
        batch.accept("B2", "L1", 1, 0, Classification.NORMAL);
        batch.accept("B1", "L0", 0, 0, Classification.NORMAL);
        batch.flush();
        loans.sort();

        assertThat(loans.size()).as("a loan settled on the comparison date is not followed").isEqualTo(2);
        int l1 = loans.find("B1", "L1");
        assertThat(loans.balanceCents(l1)).isEqualTo(100_000_000_000L);
        assertThat(loans.classification(l1)).isEqualTo(Classification.LOSS);
        assertThat(loans.ageing(l1)).isEqualTo(AgeingState.DAYS_OVER_360);
        assertThat(loans.banks().get(loans.bank(l1))).isEqualTo("B1");
        int b2 = loans.find("B2", "L1");
        assertThat(loans.banks().get(loans.bank(b2))).isEqualTo("B2");
        assertThat(loans.balanceCents(b2)).isEqualTo(1);
        assertThat(loans.find("B1", "L0")).isEqualTo(-1);
        assertThat(loans.bankNumber("B9")).isEqualTo(-1);
    }

    @Test
    void aBalanceBeyondThePackedRangeIsRefused() {
        ComparisonLoans.Batch batch = new ComparisonLoans(1).batch();
        assertThatThrownBy(() -> batch.accept("B1", "L1", 1L << 46, 0, Classification.NORMAL))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomLoansFromTwoThreadsAreFoundWithWhatTheyHad() throws Exception {
        int n = 50_000;
        SplittableRandom random = new SplittableRandom(13);
        String[] banks = new String[n];
        long[] cents = new long[n];
        int[] days = new int[n];
        Classification[] classes = new Classification[n];
        for (int i = 0; i < n; i++) {
            banks[i] = "BANK" + random.nextInt(300);
            cents[i] = 1 + random.nextLong(100_000_000_000L);
            days[i] = random.nextInt(3) == 0 ? random.nextInt(1000) : 0;
            classes[i] = Classification.values()[random.nextInt(5)];
        }
        ComparisonLoans loans = new ComparisonLoans(16);
        Thread[] threads = new Thread[2];
        for (int t = 0; t < threads.length; t++) {
            int first = t;
            threads[t] = new Thread(() -> {
                ComparisonLoans.Batch batch = loans.batch();
                for (int i = first; i < n; i += 2) {
                    batch.accept(banks[i], "L" + i, cents[i], days[i], classes[i]);
                }
                batch.flush();
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        loans.sort();

        assertThat(loans.size()).isEqualTo(n);
        for (int i = 0; i < n; i++) {
            int at = loans.find(banks[i], "L" + i);
            assertThat(at).isNotNegative();
            assertThat(loans.banks().get(loans.bank(at))).isEqualTo(banks[i]);
            assertThat(loans.balanceCents(at)).isEqualTo(cents[i]);
            assertThat(loans.ageing(at)).isEqualTo(AgeingState.of(days[i]));
            assertThat(loans.classification(at)).isEqualTo(classes[i]);
            assertThat(loans.found(at)).isFalse();
        }
        loans.markFound(loans.find(banks[7], "L7"));
        assertThat(loans.found(loans.find(banks[7], "L7"))).isTrue();
    }
}
