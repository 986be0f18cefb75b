package cn.microcredit.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class DuplicateLoansTest {

    private static final String DETAIL = "借据号(loan_id) 与 %s 重复（同一机构同一日期借据号唯一，保留首次出现的一行）";

    private static String name(int fileSeq) {
        return "ledgers/b" + fileSeq + ".csv";
    }

    @Test
    void theFirstOccurrenceInFileOrderStaysWhenTheLaterFileIsReadFirst() {
        DuplicateLoans duplicates = new DuplicateLoans();

        try (DuplicateLoans.File second = duplicates.file(2)) {
            second.seen("B1", "L1", "210181", 2);
        }
        try (DuplicateLoans.File first = duplicates.file(1)) {
            first.seen("B1", "L1", "210102", 9);
        }

        assertThat(duplicates.rejects(1, DuplicateLoansTest::name)).isEmpty();
        assertThat(duplicates.rejects(2, DuplicateLoansTest::name)).containsExactly(Reject.duplicate("ledgers/b2.csv",
                2, "B1", "L1", "210181", "ledgers/b1.csv 第9行"));
    }

    @Test
    void everyLaterOccurrenceNamesTheFirst() {
        DuplicateLoans duplicates = new DuplicateLoans();

        try (DuplicateLoans.File third = duplicates.file(3)) {
            third.seen("B1", "L1", "210102", 5);
        }
        try (DuplicateLoans.File second = duplicates.file(2)) {
            second.seen("B1", "L1", "210102", 4);
            second.seen("B1", "L1", "210102", 7);
        }
        try (DuplicateLoans.File first = duplicates.file(1)) {
            first.seen("B1", "L1", "210102", 8);
        }

        String firstAtFileOneLineEight = DETAIL.formatted("ledgers/b1.csv 第8行");
        assertThat(duplicates.rejects(1, DuplicateLoansTest::name)).isEmpty();
        assertThat(duplicates.rejects(2, DuplicateLoansTest::name)).extracting(Reject::line, Reject::detail)
                .containsExactly(tuple(4L, firstAtFileOneLineEight), tuple(7L, firstAtFileOneLineEight));
        assertThat(duplicates.rejects(3, DuplicateLoansTest::name)).extracting(Reject::line).containsExactly(5L);
    }

    @Test
    void theSameLoanIdAtTwoBanksIsNoDuplicate() {
        DuplicateLoans duplicates = new DuplicateLoans();

        try (DuplicateLoans.File file = duplicates.file(1)) {
            file.seen("B1", "L1", "210102", 2);
            file.seen("B2", "L1", "210102", 3);
        }

        assertThat(duplicates.rejects(1, DuplicateLoansTest::name)).isEmpty();
    }

    @Test
    void loanIdsWithTheSameHashCodeAreStillTwoLoans() {
        DuplicateLoans duplicates = new DuplicateLoans();
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());

        try (DuplicateLoans.File file = duplicates.file(1)) {
            file.seen("B1", "Aa", "210102", 2);
            file.seen("B1", "BB", "210102", 3);
            file.seen("B1", "BB", "210181", 4);
        }

        assertThat(duplicates.rejects(1, DuplicateLoansTest::name)).containsExactly(Reject.duplicate("ledgers/b1.csv",
                4, "B1", "BB", "210181", "ledgers/b1.csv 第3行"));
    }

    @Test
    void thousandsOfDistinctIdsSharingOneHashCodeAreToldApart() {
        // "Aa" and "BB" hash alike, and so does every string of twelve of them: 4,096 distinct ids, one hash code.
        List<String> ids = new ArrayList<>(List.of(""));
        for (int i = 0; i < 12; i++) {
            List<String> longer = new ArrayList<>();
            ids.forEach(id -> longer.addAll(List.of(id + "Aa", id + "BB")));
            ids = longer;
        }
        DuplicateLoans duplicates = new DuplicateLoans();

        try (DuplicateLoans.File file = duplicates.file(1)) {
            long line = 2;
            for (String id : ids) {
                file.seen("B1", id, "210102", line++);
            }
            for (String id : ids.subList(0, 100)) {
                file.seen("B1", id, "210102", line++);
            }
        }

        assertThat(ids).extracting(String::hashCode).containsOnly(ids.get(0).hashCode());
        assertThat(duplicates.rejects(1, DuplicateLoansTest::name)).hasSize(100)
                .extracting(Reject::loanId).containsExactlyElementsOf(ids.subList(0, 100));
    }

    @Test
    void aLoanIdRepeatedAHundredThousandTimesIsOneLoanAndTheRestDuplicates() {
        DuplicateLoans duplicates = new DuplicateLoans();

        try (DuplicateLoans.File file = duplicates.file(1)) {
            for (int line = 2; line < 100_002; line++) {
                file.seen("B1", "L1", "210102", line);
            }
        }

        assertThat(duplicates.rejects(1, DuplicateLoansTest::name)).hasSize(99_999)
                .allMatch(r -> r.detail().equals(DETAIL.formatted("ledgers/b1.csv 第2行")));
    }

    @Test
    void filesReadOnTheirOwnThreadsInAnyOrderFindWhatReadingThemOneAfterAnotherFinds() throws InterruptedException {
        Random random = new Random(11);
        int[][] ids = new int[4][30_000];
        String[] banks = {"B1", "B2"};
        for (int[] file : ids) {
            for (int i = 0; i < file.length; i++) {
                file[i] = random.nextInt(100_000);
            }
        }
        // What the rule says, read one file after another: the first occurrence of a bank's loan id stays.
        Map<String, String> firstSeen = new HashMap<>();
        List<Reject> expected = new ArrayList<>();
        for (int f = 0; f < ids.length; f++) {
            for (int i = 0; i < ids[f].length; i++) {
                String bank = banks[ids[f][i] % 2];
                String first = firstSeen.putIfAbsent(bank + "/L" + ids[f][i], name(f + 1) + " 第" + (i + 2) + "行");
                if (first != null) {
                    expected.add(Reject.duplicate(name(f + 1), i + 2, bank, "L" + ids[f][i], "210102", first));
                }
            }
        }

        DuplicateLoans duplicates = new DuplicateLoans();
        List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3));
        Collections.shuffle(order, random);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int f : order) {
            DuplicateLoans.File loans = duplicates.file(f + 1);
            int[] file = ids[f];
            pool.submit(() -> {
                try (loans) {
                    for (int i = 0; i < file.length; i++) {
                        loans.seen(banks[file[i] % 2], "L" + file[i], "210102", i + 2);
                    }
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

        List<Reject> found = new ArrayList<>();
        for (int fileSeq = 1; fileSeq <= ids.length; fileSeq++) {
            found.addAll(duplicates.rejects(fileSeq, DuplicateLoansTest::name));
        }
        assertThat(found).hasSizeGreaterThan(10_000).isEqualTo(expected);
    }

    @Test
    void aFileNumberIsHandedOutOnce() {
        DuplicateLoans duplicates = new DuplicateLoans();
        duplicates.file(1);

        assertThatThrownBy(() -> duplicates.file(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void duplicatesAreNotToldWhileAFileIsStillBeingRead() {
        DuplicateLoans duplicates = new DuplicateLoans();
        duplicates.file(1).close();
        duplicates.file(2);

        assertThatThrownBy(() -> duplicates.rejects(1, DuplicateLoansTest::name))
                .isInstanceOf(IllegalStateException.class);
    }
}
