package cn.microcredit.monitor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Guarantee;
import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Purpose;
import cn.microcredit.monitor.reference.RosterCategory;
import cn.microcredit.monitor.reference.RosterPeriod;

/** The stored form of loans and roster periods: what is written is what is read back, at the SPEC's scales. */
class LoanCodecTest {

    private static Loan loan(String id, String amount, String balance, String rate, int overdueDays) {
        return new Loan("LNRCB", id, "210102", "H-" + id, "张三丰", "21010219800515123X", LocalDate.of(2025, 3, 10),
                LocalDate.of(2028, 3, 9), new BigDecimal(amount), new BigDecimal(balance), new BigDecimal(rate),
                overdueDays, Classification.SUBSTANDARD, 1, Purpose.BREEDING, Guarantee.CREDIT, true);
    }

    private static byte[] encode(List<Loan> loans, long firstLine) {
        ChunkOut out = new ChunkOut();
        long line = firstLine;
        for (Loan l : loans) {
            LoanCodec.write(out, line++, l);
        }
        assertThat(out.rows()).isEqualTo(loans.size());
        return out.compress(ChunkKind.LOANS);
    }

    @Test
    void everyFieldComesBackAndAmountsAndRatesAtTheirColumnScales() {
        List<Loan> written = List.of(
                loan("A1", "50000", "40000.5", "4.35", 0),
                // Negative days and the largest values the ledger parser lets through.
                loan("A2", "1000000000.00", "999999999.99", "24.123456", 36500),
                // Text beyond the Basic Multilingual Plane and an empty optional name.
                new Loan("PSBC-LN", "𠀀-7", "211104", "户𠀁", "", "", LocalDate.of(1970, 1, 1),
                        LocalDate.of(2099, 12, 31), new BigDecimal("0.01"), BigDecimal.ZERO, new BigDecimal("0"), 0,
                        Classification.NORMAL, 0, Purpose.HOUSING, Guarantee.MORTGAGE, false));
        List<StoredLoan> read = new ArrayList<>();

        LoanCodec.read(encode(written, 2), 3, read::add);

        assertThat(read).extracting(StoredLoan::fileSeq).containsOnly(3);
        assertThat(read).extracting(StoredLoan::line).containsExactly(2L, 3L, 4L);
        Loan first = read.get(0).loan();
        assertThat(first.amount()).isEqualByComparingTo("50000").hasToString("50000.00");
        assertThat(first.balance()).hasToString("40000.50");
        assertThat(first.annualRatePct()).hasToString("4.350000");
        assertThat(first).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(written.get(0));
        assertThat(read.get(1).loan()).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(written.get(1));
        assertThat(read.get(2).loan()).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(written.get(2));
    }

    @Test
    void theComparisonDatesFieldsAreReadFromTheSameChunkAsTheWholeLoans() {
        List<Loan> written = new ArrayList<>();
        for (int i = 0; i < LoanCodec.CHUNK_ROWS; i++) {
            // Lengths and magnitudes varied, so that a field passed over by the wrong width would shift the rest.
            written.add(loan("L" + "x".repeat(i % 300) + i, String.valueOf(1 + i * 37L), String.valueOf(i * 13L),
                    (i % 7) + "." + (i % 1000), i % 2 == 0 ? i : -i));
        }
        byte[] chunk = encode(written, 1);
        List<String> states = new ArrayList<>();

        LoanCodec.readStates(chunk, (bank, loanId, cents, rate, days, c) -> states.add(bank + "/" + loanId + "/"
                + cents + "/" + rate + "/" + days + "/" + c));

        List<String> expected = written.stream().map(l -> l.bankCode() + "/" + l.loanId() + "/"
                + l.balance().setScale(2).unscaledValue() + "/" + l.annualRatePct().setScale(6).unscaledValue() + "/"
                + l.overdueDays() + "/" + l.classification()).toList();
        assertThat(states).isEqualTo(expected);
        assertThat(states.get(5)).isEqualTo("LNRCB/Lxxxxx5/6500/5500000/-5/SUBSTANDARD");
    }

    @Test
    void rosterPeriodsComeBackWithAndWithoutARemovalDate() {
        List<RosterPeriod> written = List.of(
                new RosterPeriod(2, "H1", "210102", RosterCategory.MONITORED, LocalDate.of(2021, 1, 1), null),
                new RosterPeriod(3, "H1", "210102", RosterCategory.FORMER_REGISTERED, LocalDate.of(2021, 1, 1),
                        LocalDate.of(2026, 6, 30)));
        ChunkOut out = new ChunkOut();
        written.forEach(p -> RosterCodec.write(out, p));
        List<RosterPeriod> read = new ArrayList<>();

        RosterCodec.read(out.compress(ChunkKind.ROSTER), read::add);

        assertThat(read).isEqualTo(written);
    }

    @Test
    void aCorruptOrCutChunkIsAStorageErrorNotWrongFigures() {
        byte[] chunk = encode(List.of(loan("A1", "50000", "40000", "4.35", 0)), 2);
        byte[] corrupt = chunk.clone();
        Arrays.fill(corrupt, ChunkFormat.HEADER_BYTES, corrupt.length, (byte) 0xFF);
        byte[] cut = Arrays.copyOf(chunk, chunk.length - 3);

        assertThatThrownBy(() -> LoanCodec.read(corrupt, 1, l -> { })).isInstanceOf(StoreException.class)
                .hasMessageContaining("corrupt");
        assertThatThrownBy(() -> LoanCodec.read(cut, 1, l -> { })).isInstanceOf(StoreException.class)
                .hasMessageContaining("damaged or cut");
    }
}
