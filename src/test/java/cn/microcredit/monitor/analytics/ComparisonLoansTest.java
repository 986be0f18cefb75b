package cn.microcredit.monitor.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.metrics.AgeingState;

class ComparisonLoansTest {

    @Test
    void everyFieldSurvivesThePackingAtItsLimits() {
        ComparisonLoans loans = new ComparisonLoans(4);
        ComparisonLoans.Batch batch = loans.batch();
        // The largest balance a ledger may carry: 1,000,000,000.00 yuan (SPEC 3.1 OUT_OF_RANGE above it), at the
        // highest rate, 24 %.
        batch.accept("B1", "L1", 100_000_000_000L, 24_000_000, 361, Classification.LOSS);
        batch.accept("B2", "L1", 1, 0, 0, Classification.NORMAL);
        batch.flush();
        loans.sort();

        int l1 = loans.find("B1", "L1");
        assertThat(loans.balanceCents(l1)).isEqualTo(100_000_000_000L);
        assertThat(loans.classification(l1)).isEqualTo(Classification.LOSS);
        assertThat(loans.ageing(l1)).isEqualTo(AgeingState.DAYS_OVER_360);
        assertThat(loans.banks().get(loans.bank(l1))).isEqualTo("B1");
        assertThat(loans.rateMillionths("B1", "L1")).isEqualTo(24_000_000);
        int b2 = loans.find("B2", "L1");
        assertThat(loans.banks().get(loans.bank(b2))).isEqualTo("B2");
        assertThat(loans.balanceCents(b2)).isEqualTo(1);
        assertThat(loans.rateMillionths("B2", "L1")).isZero();
        assertThat(loans.bankNumber("B9")).isEqualTo(-1);
    }

    /**
     * On the comparison date B1 had L1 outstanding at 3.85 %, L0 settled (balance 0) at 4.35 %; B2 only a settled
     * loan. Migration follows L1 alone; RATE_CHANGED compares the rates of both.
     */
    @Test
    void aSettledLoanHasItsRateButIsNotFollowedByMigration() {
        ComparisonLoans loans = new ComparisonLoans(4);
        ComparisonLoans.Batch batch = loans.batch();
        batch.accept("B1", "L1", 123_45, 3_850_000, 0, Classification.NORMAL);
        batch.accept("B1", "L0", 0, 4_350_000, 95, Classification.SUBSTANDARD);
        batch.accept("B2", "L7", 0, 5_000_000, 0, Classification.NORMAL);
        batch.flush();
        loans.sort();

        assertThat(loans.size()).isEqualTo(3);
        assertThat(loans.outstandingCount()).isEqualTo(1);
        assertThat(loans.find("B1", "L0")).as("settled then: not followed").isEqualTo(-1);
        assertThat(loans.rateMillionths("B1", "L0")).as("but its rate is compared").isEqualTo(4_350_000);
        assertThat(loans.find("B2", "L7")).isEqualTo(-1);
        assertThat(loans.rateMillionths("B2", "L7")).isEqualTo(5_000_000);
        assertThat(loans.bankNumber("B2")).as("no outstanding loan then").isEqualTo(-1);
        assertThat(loans.banks()).containsExactly("B1");
        int l1 = loans.find("B1", "L1");
        assertThat(loans.balanceCents(l1)).isEqualTo(123_45);
        assertThat(loans.rateMillionths("B1", "L1")).isEqualTo(3_850_000);
        assertThat(loans.rateMillionths("B1", "L9")).as("not accepted then").isEqualTo(-1);
        assertThat(loans.rateMillionths("B2", "L1")).as("another bank's L1").isEqualTo(-1);
        List<Integer> outstanding = IntStream.range(0, loans.size()).filter(loans::outstanding).boxed().toList();
        assertThat(outstanding).containsExactly(l1);
    }

    @Test
    void aBalanceOrRateBeyondThePackedRangeIsRefused() {
        ComparisonLoans.Batch batch = new ComparisonLoans(1).batch();
        assertThatThrownBy(() -> batch.accept("B1", "L1", 1L << 46, 0, 0, Classification.NORMAL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> batch.accept("B1", "L1", 1, 1L << 31, 0, Classification.NORMAL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> batch.accept("B1", "L1", 1, -1, 0, Classification.NORMAL))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomLoansFromTwoThreadsAreFoundWithWhatTheyHad() throws Exception {
        int n = 50_000;
        SplittableRandom random = new SplittableRandom(13);
        String[] banks = new String[n];
        long[] cents = new long[n];
        long[] rates = new long[n];
        int[] days = new int[n];
        Classification[] classes = new Classification[n];
        for (int i = 0; i < n; i++) {
            banks[i] = "BANK" + random.nextInt(300);
            cents[i] = random.nextInt(10) == 0 ? 0 : 1 + random.nextLong(100_000_000_000L);
            rates[i] = random.nextLong(24_000_001);
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
                    batch.accept(banks[i], "L" + i, cents[i], rates[i], days[i], classes[i]);
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
        int outstanding = 0;
        for (int i = 0; i < n; i++) {
            assertThat(loans.rateMillionths(banks[i], "L" + i)).isEqualTo(rates[i]);
            int at = loans.find(banks[i], "L" + i);
            if (cents[i] == 0) {
                assertThat(at).isEqualTo(-1);
                continue;
            }
            outstanding++;
            assertThat(at).isNotNegative();
            assertThat(loans.banks().get(loans.bank(at))).isEqualTo(banks[i]);
            assertThat(loans.balanceCents(at)).isEqualTo(cents[i]);
            assertThat(loans.ageing(at)).isEqualTo(AgeingState.of(days[i]));
            assertThat(loans.classification(at)).isEqualTo(classes[i]);
        }
        assertThat(loans.outstandingCount()).isEqualTo(outstanding).isBetween(n * 8 / 10, n * 95 / 100);
    }
}
