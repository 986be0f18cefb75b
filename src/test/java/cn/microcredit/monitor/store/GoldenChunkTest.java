package cn.microcredit.monitor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.junit.jupiter.api.Test;

import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Guarantee;
import cn.microcredit.monitor.loan.Purpose;
import cn.microcredit.monitor.reference.RosterCategory;
import cn.microcredit.monitor.reference.RosterPeriod;

/**
 * Chunks written by every released format version decode, field by field, to what {@code store/golden/*.txt} says
 * they hold: forever, whatever becomes of the enums' order. Version 1 was written by the release of c072f04, version 2
 * by the releases up to the eighth session of issue 16 (3fcba8a), version 3 by this code. A payload that is not a
 * whole chunk of the expected kind in a known version is an error, never rows.
 */
class GoldenChunkTest {

    private static final String[] LOAN_CHUNKS = {"loans-v1.chunk", "loans-v2.chunk", "loans-v3.chunk"};
    private static final String[] ROSTER_CHUNKS = {"roster-v1.chunk", "roster-v2.chunk", "roster-v3.chunk"};

    private static List<StoredLoan> decodeLoans(byte[] payload) {
        List<StoredLoan> read = new ArrayList<>();
        LoanCodec.read(payload, 7, read::add);
        return read;
    }

    private static List<RosterPeriod> decodeRoster(byte[] payload) {
        List<RosterPeriod> read = new ArrayList<>();
        RosterCodec.read(payload, read::add);
        return read;
    }

    @Test
    void everyReleasedVersionOfTheLoanChunkDecodesToTheLoansOfTheText() {
        List<StoredLoan> expected = GoldenChunks.loans(7);
        assertThat(expected).hasSize(11);
        assertThat(expected).extracting(l -> l.loan().classification()).contains(Classification.values());
        assertThat(expected).extracting(l -> l.loan().purpose()).contains(Purpose.values());
        assertThat(expected).extracting(l -> l.loan().guarantee()).contains(Guarantee.values());
        assertThat(expected).extracting(l -> l.loan().largeNeed()).contains(true, false);
        assertThat(expected).extracting(l -> l.loan().overdueDays()).contains(0, 361, 3650);
        assertThat(expected).extracting(StoredLoan::line).contains(2147483648L, 9007199254740993L);

        for (String name : LOAN_CHUNKS) {
            List<StoredLoan> read = decodeLoans(GoldenChunks.bytes(name));
            // Records compare every field; BigDecimal's equals compares the scale too ("0.01" is not "0.010").
            assertThat(read).as(name).containsExactlyElementsOf(expected);
        }
        StoredLoan fourth = decodeLoans(GoldenChunks.bytes("loans-v1.chunk")).get(3);
        assertThat(fourth.line()).isEqualTo(2147483648L);
        assertThat(fourth.loan().borrowerName()).isEqualTo("赵𠀀");
        assertThat(fourth.loan().balance()).hasToString("0.01");
        assertThat(fourth.loan().annualRatePct()).hasToString("24.000000");
        assertThat(fourth.loan().classification()).isEqualTo(Classification.DOUBTFUL);
        assertThat(fourth.loan().purpose()).isEqualTo(Purpose.COMMERCE);
        assertThat(fourth.loan().guarantee()).isEqualTo(Guarantee.PLEDGE);
    }

    @Test
    void everyReleasedVersionGivesTheRatesAsTheWholeLoansHaveThem() {
        List<String> expected = GoldenChunks.loans(0).stream().map(l -> l.loan().bankCode() + "/" + l.loan().loanId()
                + "/" + l.loan().annualRatePct().unscaledValue()).toList();
        assertThat(expected.get(2)).isEqualTo("PSBC-LN/借据-0003/3123456");
        assertThat(expected.get(7)).isEqualTo("LNRCB/LN-0008/1");
        for (String name : LOAN_CHUNKS) {
            List<String> rates = new ArrayList<>();
            LoanCodec.readStates(GoldenChunks.bytes(name), (bank, id, cents, rate, days, c) -> rates.add(
                    bank + "/" + id + "/" + rate));
            assertThat(rates).as(name).isEqualTo(expected);
        }
    }

    @Test
    void everyReleasedVersionGivesTheMigrationStatesAsTheWholeLoansHaveThem() {
        List<String> expected = GoldenChunks.loans(0).stream().map(l -> l.loan().bankCode() + "/" + l.loan().loanId()
                + "/" + l.loan().balance().unscaledValue() + "/" + l.loan().overdueDays() + "/"
                + l.loan().classification()).toList();
        assertThat(expected).extracting(e -> e.substring(e.lastIndexOf('/') + 1))
                .contains("NORMAL", "SPECIAL_MENTION", "SUBSTANDARD", "DOUBTFUL", "LOSS");
        for (String name : LOAN_CHUNKS) {
            List<String> states = new ArrayList<>();
            LoanCodec.readStates(GoldenChunks.bytes(name), (bank, id, cents, rate, days, c) -> states.add(
                    bank + "/" + id + "/" + cents + "/" + days + "/" + c));
            assertThat(states).as(name).isEqualTo(expected);
        }
    }

    @Test
    void everyReleasedVersionOfTheRosterChunkDecodesToThePeriodsOfTheText() {
        List<RosterPeriod> expected = GoldenChunks.roster();
        assertThat(expected).extracting(RosterPeriod::category).contains(RosterCategory.values());
        assertThat(expected).extracting(RosterPeriod::removedDate).containsNull().contains(java.time.LocalDate.of(2026, 6, 30));
        for (String name : ROSTER_CHUNKS) {
            assertThat(decodeRoster(GoldenChunks.bytes(name))).as(name).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void theWritersWriteVersionThreeWithTheRowsOfVersionTwo() throws DataFormatException {
        ChunkOut loans = new ChunkOut();
        GoldenChunks.loans(0).forEach(l -> LoanCodec.write(loans, l.line(), l.loan()));
        ChunkOut roster = new ChunkOut();
        GoldenChunks.roster().forEach(p -> RosterCodec.write(roster, p));

        byte[] loansNow = loans.compress(ChunkKind.LOANS);
        byte[] rosterNow = roster.compress(ChunkKind.ROSTER);

        // The header byte for byte up to its checksum; the rows compared decompressed (another LZ4 may compress them
        // differently, and the checksum covers the compressed bytes).
        assertThat(Arrays.copyOf(loansNow, 14)).isEqualTo(Arrays.copyOf(GoldenChunks.bytes("loans-v3.chunk"), 14));
        assertThat(Arrays.copyOf(loansNow, 10)).containsExactly(0xB7, 'M', 'C', 'K', 3, 'L', 0, 0, 0, 11);
        assertThat(lz4(loansNow)).isEqualTo(lz4(GoldenChunks.bytes("loans-v3.chunk")));
        assertThat(Arrays.copyOf(rosterNow, 14)).isEqualTo(Arrays.copyOf(GoldenChunks.bytes("roster-v3.chunk"), 14));
        assertThat(lz4(rosterNow)).isEqualTo(lz4(GoldenChunks.bytes("roster-v3.chunk")));
        // Version 3 changed the compression only: its rows are version 2's, byte for byte.
        assertThat(lz4(loansNow))
                .isEqualTo(inflate(GoldenChunks.bytes("loans-v2.chunk"), 10, ChunkFormat.HEADER_BYTES));
        assertThat(lz4(rosterNow))
                .isEqualTo(inflate(GoldenChunks.bytes("roster-v2.chunk"), 10, ChunkFormat.HEADER_BYTES));
    }

    @Test
    void theTestOnlyVersionOneWriterWritesWhatTheReleaseOfC072f04Wrote() throws DataFormatException {
        byte[] loans = V1ChunkWriter.loans(GoldenChunks.loans(0));
        byte[] roster = V1ChunkWriter.roster(GoldenChunks.roster());

        assertThat(Arrays.copyOf(loans, 4)).isEqualTo(Arrays.copyOf(GoldenChunks.bytes("loans-v1.chunk"), 4));
        assertThat(inflate(loans, 0, 4)).isEqualTo(inflate(GoldenChunks.bytes("loans-v1.chunk"), 0, 4));
        assertThat(inflate(roster, 0, 4)).isEqualTo(inflate(GoldenChunks.bytes("roster-v1.chunk"), 0, 4));
    }

    @Test
    void aVersionThisBuildDoesNotKnowIsRefusedByName() {
        byte[] v4 = GoldenChunks.bytes("loans-v3.chunk");
        v4[4] = 4;
        byte[] v0 = GoldenChunks.bytes("loans-v3.chunk");
        v0[4] = 0;

        assertThatThrownBy(() -> decodeLoans(v4)).isInstanceOf(StoreException.class)
                .hasMessage("stored chunk of loans has format version 4, which this build cannot read (it reads "
                        + "versions 1 to 3): a newer release wrote it; run that release or a later one");
        assertThatThrownBy(() -> LoanCodec.readStates(v4, (b, l, c, r, d, k) -> { }))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("format version 4");
        assertThatThrownBy(() -> decodeLoans(v0)).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("stored chunk of loans has format version 0, which this build cannot read");
    }

    @Test
    void aFirstByteWithItsTopBitSetIsTheMagicOrNothing() {
        byte[] other = GoldenChunks.bytes("loans-v2.chunk");
        other[0] = (byte) 0x80;
        byte[] nearMagic = GoldenChunks.bytes("loans-v2.chunk");
        nearMagic[3] = 'X';

        assertThatThrownBy(() -> decodeLoans(other)).isInstanceOf(StoreException.class)
                .hasMessage("stored chunk of loans is in no known format: it begins 80 4D 43 4B");
        assertThatThrownBy(() -> decodeLoans(nearMagic)).isInstanceOf(StoreException.class)
                .hasMessage("stored chunk of loans is in no known format: it begins B7 4D 43 58");
    }

    @Test
    void aChunkOfOneKindHandedToTheReaderOfAnotherIsRefused() {
        assertThatThrownBy(() -> decodeLoans(GoldenChunks.bytes("roster-v2.chunk"))).isInstanceOf(StoreException.class)
                .hasMessage("stored chunk holds roster periods, not loans");
        assertThatThrownBy(() -> LoanCodec.readStates(GoldenChunks.bytes("roster-v2.chunk"),
                (b, l, c, r, d, k) -> { }))
                .isInstanceOf(StoreException.class).hasMessage("stored chunk holds roster periods, not loans");
        assertThatThrownBy(() -> decodeRoster(GoldenChunks.bytes("loans-v2.chunk"))).isInstanceOf(StoreException.class)
                .hasMessage("stored chunk holds loans, not roster periods");
        byte[] unknownKind = GoldenChunks.bytes("loans-v2.chunk");
        unknownKind[5] = 'Z';
        ChunkFormat.seal(unknownKind);
        assertThatThrownBy(() -> decodeLoans(unknownKind)).isInstanceOf(StoreException.class)
                .hasMessage("stored chunk holds rows of an unknown kind (code 5A), not loans");
    }

    @Test
    void aVersionTwoOrThreeChunkCutAnywhereIsAnError() {
        for (String name : new String[] {"loans-v2.chunk", "loans-v3.chunk"}) {
            byte[] whole = GoldenChunks.bytes(name);
            for (int length = 0; length < whole.length; length++) {
                byte[] cut = Arrays.copyOf(whole, length);
                assertThatThrownBy(() -> decodeLoans(cut)).as("%s cut to %d", name, length)
                        .isInstanceOf(StoreException.class);
            }
        }
        byte[] whole = GoldenChunks.bytes("loans-v2.chunk");
        assertThatThrownBy(() -> decodeLoans(Arrays.copyOf(whole, 10))).isInstanceOf(StoreException.class)
                .hasMessage("stored chunk of loans is truncated: 10 bytes, its header alone has 18");
        assertThatThrownBy(() -> decodeLoans(Arrays.copyOf(whole, 100))).isInstanceOf(StoreException.class)
                .hasMessage("stored chunk of loans is corrupt: it does not match its checksum (damaged or cut)");
        assertThatThrownBy(() -> decodeLoans(new byte[3])).isInstanceOf(StoreException.class)
                .hasMessage("stored chunk of loans is truncated: 3 bytes");
    }

    @Test
    void aVersionOneChunkCutIsAnErrorUnlessItLostOnlyTheDeflateStreamsEnd() {
        byte[] whole = GoldenChunks.bytes("loans-v1.chunk");
        List<StoredLoan> expected = GoldenChunks.loans(7);
        List<Integer> complete = new ArrayList<>();
        for (int length = 0; length < whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            try {
                assertThat(decodeLoans(cut)).as("cut to %d", length).isEqualTo(expected);
                complete.add(length);
            } catch (StoreException e) {
                // what a cut chunk must give
            }
        }
        // Version 1 has no checksum: the reader stops when it has the raw length, so the stream's last byte or two
        // (end-of-block code, padding) may be missing without any row being.
        assertThat(complete).allSatisfy(length -> assertThat(length).isGreaterThanOrEqualTo(whole.length - 2));
    }

    @Test
    void everySingleBitFlippedInAVersionTwoOrThreeChunkIsAnError() {
        for (String name : new String[] {"loans-v2.chunk", "loans-v3.chunk"}) {
            byte[] whole = GoldenChunks.bytes(name);
            for (int i = 0; i < whole.length; i++) {
                for (int bit = 0; bit < 8; bit++) {
                    byte[] flipped = whole.clone();
                    flipped[i] ^= (byte) (1 << bit);
                    assertThatThrownBy(() -> decodeLoans(flipped)).as("%s byte %d bit %d", name, i, bit)
                            .isInstanceOf(StoreException.class);
                }
            }
        }
    }

    @Test
    void aVersionThreeBlockThatDecompressesToOtherThanItsRawLengthIsAnError() {
        // Header and checksum intact, the block's own bytes wrong: what the safe decompressor and the length check catch.
        byte[] longer = GoldenChunks.bytes("loans-v3.chunk");
        longer[13]++;
        ChunkFormat.seal(longer);
        byte[] shorter = GoldenChunks.bytes("loans-v3.chunk");
        shorter[13]--;
        ChunkFormat.seal(shorter);
        byte[] garbage = GoldenChunks.bytes("loans-v3.chunk");
        for (int i = ChunkFormat.HEADER_BYTES; i < garbage.length; i++) {
            garbage[i] = (byte) 0xF0;
        }
        ChunkFormat.seal(garbage);

        assertThatThrownBy(() -> decodeLoans(longer)).isInstanceOf(StoreException.class)
                .hasMessage("stored chunk is truncated");
        assertThatThrownBy(() -> decodeLoans(shorter)).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("stored chunk is corrupt");
        assertThatThrownBy(() -> decodeLoans(garbage)).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("stored chunk is corrupt");
    }

    @Test
    void anEnumCodeNoReleaseWroteIsAnErrorNamingIt() {
        StoredLoan loan = GoldenChunks.loans(0).get(0);
        ChunkOut zero = new ChunkOut();
        V1ChunkWriter.writeLoan(zero, loan, 0, 1, 1);
        ChunkOut purpose = new ChunkOut();
        V1ChunkWriter.writeLoan(purpose, loan, 1, 12, 1);
        ChunkOut guarantee = new ChunkOut();
        V1ChunkWriter.writeLoan(guarantee, loan, 1, 1, 5);
        ChunkOut valid = new ChunkOut();
        V1ChunkWriter.writeLoan(valid, loan, 5, 11, 4);

        assertThatThrownBy(() -> decodeLoans(zero.compress(ChunkKind.LOANS))).isInstanceOf(StoreException.class)
                .hasMessage("stored chunk holds classification code 0, which no release has written");
        assertThatThrownBy(() -> decodeLoans(purpose.compress(ChunkKind.LOANS))).isInstanceOf(StoreException.class)
                .hasMessage("stored chunk holds purpose code 12, which no release has written");
        assertThatThrownBy(() -> decodeLoans(guarantee.compress(ChunkKind.LOANS))).isInstanceOf(StoreException.class)
                .hasMessage("stored chunk holds guarantee code 5, which no release has written");
        assertThat(decodeLoans(valid.compress(ChunkKind.LOANS))).singleElement().satisfies(l -> {
            assertThat(l.loan().classification()).isEqualTo(Classification.LOSS);
            assertThat(l.loan().purpose()).isEqualTo(Purpose.ENTERPRISE_USE);
            assertThat(l.loan().guarantee()).isEqualTo(Guarantee.PLEDGE);
        });
    }

    @Test
    void anOrdinalBeyondTheReleasedOrderInAVersionOneChunkIsAnError() {
        ChunkOut out = new ChunkOut();
        V1ChunkWriter.writeLoan(out, GoldenChunks.loans(0).get(0), 5, 0, 0);
        byte[] v1 = V1ChunkWriter.v1(out);

        assertThatThrownBy(() -> decodeLoans(v1)).isInstanceOf(StoreException.class)
                .hasMessage("stored chunk holds classification code 5, which no release has written");
    }

    @Test
    void aHeaderThatMiscountsItsRowsIsAnError() {
        byte[] chunk = GoldenChunks.bytes("loans-v2.chunk");
        chunk[9] = 12;
        ChunkFormat.seal(chunk);

        assertThatThrownBy(() -> decodeLoans(chunk)).isInstanceOf(StoreException.class)
                .hasMessage("stored chunk of loans gave 11 rows where its header says 12");
    }

    /** The raw rows of a version 3 payload, of the kind its header names. */
    private static byte[] lz4(byte[] payload) {
        return ChunkIn.of(payload, ChunkKind.ofCode(payload[5])).rawRows();
    }

    /** The raw rows of a payload whose raw length is the 4 bytes at {@code lengthAt} and the rows at {@code at}. */
    private static byte[] inflate(byte[] payload, int lengthAt, int at) throws DataFormatException {
        int length = (payload[lengthAt] & 0xFF) << 24 | (payload[lengthAt + 1] & 0xFF) << 16
                | (payload[lengthAt + 2] & 0xFF) << 8 | payload[lengthAt + 3] & 0xFF;
        byte[] raw = new byte[length];
        Inflater inflater = new Inflater(true);
        inflater.setInput(payload, at, payload.length - at);
        int n = 0;
        while (n < length) {
            n += inflater.inflate(raw, n, length - n);
        }
        inflater.end();
        return raw;
    }
}
