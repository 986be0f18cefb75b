package cn.microcredit.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class DuplicateLoansTest {

    private static String name(int fileSeq) {
        return "ledgers/b" + fileSeq + ".csv";
    }

    @Test
    void theFirstOccurrenceInFileOrderStaysWhenTheLaterFileIsReadFirst() {
        DuplicateLoans duplicates = new DuplicateLoans();

        duplicates.seen("B1", "L1", "210181", 2, 2);
        duplicates.seen("B1", "L1", "210102", 1, 9);

        assertThat(duplicates.rejects(1, DuplicateLoansTest::name)).isEmpty();
        assertThat(duplicates.rejects(2, DuplicateLoansTest::name)).containsExactly(Reject.duplicate("ledgers/b2.csv",
                2, "B1", "L1", "210181", "ledgers/b1.csv 第9行"));
    }

    @Test
    void everyLaterOccurrenceNamesTheFirstWhateverTheOrderTheyWereMet() {
        DuplicateLoans duplicates = new DuplicateLoans();

        duplicates.seen("B1", "L1", "210102", 3, 5);
        duplicates.seen("B1", "L1", "210102", 2, 7);
        duplicates.seen("B1", "L1", "210102", 2, 4);
        duplicates.seen("B1", "L1", "210102", 1, 8);

        assertThat(duplicates.rejects(1, DuplicateLoansTest::name)).isEmpty();
        String firstAtFileOneLineEight = "借据号(loan_id) 与 ledgers/b1.csv 第8行 重复（同一机构同一日期借据号唯一，保留首次出现的一行）";
        assertThat(duplicates.rejects(2, DuplicateLoansTest::name)).extracting(Reject::line, Reject::detail)
                .containsExactly(tuple(4L, firstAtFileOneLineEight), tuple(7L, firstAtFileOneLineEight));
        assertThat(duplicates.rejects(3, DuplicateLoansTest::name)).extracting(Reject::line).containsExactly(5L);
    }

    @Test
    void theSameLoanIdAtTwoBanksIsNoDuplicate() {
        DuplicateLoans duplicates = new DuplicateLoans();

        duplicates.seen("B1", "L1", "210102", 1, 2);
        duplicates.seen("B2", "L1", "210102", 1, 3);

        assertThat(duplicates.rejects(1, DuplicateLoansTest::name)).isEmpty();
    }

    @Test
    void loanIdsWithTheSameHashCodeAreStillTwoLoans() {
        DuplicateLoans duplicates = new DuplicateLoans();
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());

        duplicates.seen("B1", "Aa", "210102", 1, 2);
        duplicates.seen("B1", "BB", "210102", 1, 3);
        duplicates.seen("B1", "BB", "210102", 1, 4);

        assertThat(duplicates.rejects(1, DuplicateLoansTest::name)).extracting(Reject::line, Reject::loanId)
                .containsExactly(tuple(4L, "BB"));
    }

    @Test
    void twoThreadsMeetingRowsInAnyOrderFindWhatOneThreadInFileOrderFinds() throws InterruptedException {
        List<long[]> rows = new ArrayList<>();
        Random random = new Random(11);
        for (int fileSeq = 1; fileSeq <= 4; fileSeq++) {
            for (int line = 2; line < 40_000; line++) {
                rows.add(new long[] {fileSeq, line, random.nextInt(150_000)});
            }
        }
        DuplicateLoans inOrder = new DuplicateLoans();
        rows.forEach(r -> inOrder.seen("B1", "L" + r[2], "210102", (int) r[0], r[1]));

        Collections.shuffle(rows, random);
        DuplicateLoans shuffled = new DuplicateLoans();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int half = rows.size() / 2;
        for (List<long[]> part : List.of(rows.subList(0, half), rows.subList(half, rows.size()))) {
            pool.submit(() -> part.forEach(r -> shuffled.seen("B1", "L" + r[2], "210102", (int) r[0], r[1])));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

        for (int fileSeq = 1; fileSeq <= 4; fileSeq++) {
            List<Reject> expected = inOrder.rejects(fileSeq, DuplicateLoansTest::name);
            assertThat(expected).isNotEmpty();
            assertThat(shuffled.rejects(fileSeq, DuplicateLoansTest::name)).isEqualTo(expected);
        }
    }

    @Test
    void filesHandingOverTheirLoansInBatchesOnTheirOwnThreadsFindTheSameDuplicates() throws InterruptedException {
        Random random = new Random(5);
        int[][] ids = new int[3][10_000];
        for (int[] file : ids) {
            for (int i = 0; i < file.length; i++) {
                file[i] = random.nextInt(15_000);
            }
        }
        DuplicateLoans oneByOne = new DuplicateLoans();
        for (int f = 0; f < ids.length; f++) {
            for (int i = 0; i < ids[f].length; i++) {
                oneByOne.seen("B1", "L" + ids[f][i], "210102", f + 1, i + 2);
            }
        }

        DuplicateLoans batched = new DuplicateLoans();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        for (int f = ids.length - 1; f >= 0; f--) {
            int fileSeq = f + 1;
            int[] file = ids[f];
            pool.submit(() -> {
                try (DuplicateLoans.File loans = batched.file(fileSeq)) {
                    for (int i = 0; i < file.length; i++) {
                        loans.seen("B1", "L" + file[i], "210102", i + 2);
                    }
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

        for (int fileSeq = 1; fileSeq <= ids.length; fileSeq++) {
            assertThat(batched.rejects(fileSeq, DuplicateLoansTest::name))
                    .isEqualTo(oneByOne.rejects(fileSeq, DuplicateLoansTest::name)).isNotEmpty();
        }
    }
}
