package cn.microcredit.monitor.store;

import java.util.function.Consumer;

import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Guarantee;
import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Purpose;

/**
 * The stored form of accepted loans: every field of the ledger row, amounts at 2 decimals and the rate at 6 (as the
 * SPEC's columns hold them), {@value #CHUNK_ROWS} loans of one file to a chunk. Written in the current format version,
 * read in every version ever released ({@link ChunkFormat}): versions 1 and 2 lay a row out alike and differ only in
 * how the enums are coded (ordinals of c072f04's order, {@link V1Ordinals}; explicit codes, {@link StoredCodes}).
 */
final class LoanCodec {

    static final int CHUNK_ROWS = 4096;

    private LoanCodec() {
    }

    static void write(ChunkOut out, long line, Loan loan) {
        out.writeLong(line);
        out.writeString(loan.bankCode());
        out.writeString(loan.loanId());
        out.writeString(loan.countyCode());
        out.writeString(loan.householdId());
        out.writeString(loan.borrowerName());
        out.writeString(loan.borrowerIdNumber());
        out.writeDate(loan.issueDate());
        out.writeDate(loan.maturityDate());
        out.writeDecimal(loan.amount(), 2);
        out.writeDecimal(loan.balance(), 2);
        out.writeDecimal(loan.annualRatePct(), 6);
        out.writeInt(loan.overdueDays());
        out.writeInt(StoredCodes.code(loan.classification()));
        out.writeInt(loan.renewalCount());
        out.writeInt(StoredCodes.code(loan.purpose()));
        out.writeInt(StoredCodes.code(loan.guarantee()));
        out.writeBoolean(loan.largeNeed());
        out.endRow();
    }

    static void read(byte[] payload, int fileSeq, Consumer<StoredLoan> consumer) {
        ChunkIn in = ChunkIn.of(payload, ChunkKind.LOANS);
        boolean v1 = in.version() == ChunkFormat.V1;
        CodeTable<Classification> classifications = v1 ? V1Ordinals.CLASSIFICATIONS : StoredCodes.CLASSIFICATIONS;
        CodeTable<Purpose> purposes = v1 ? V1Ordinals.PURPOSES : StoredCodes.PURPOSES;
        CodeTable<Guarantee> guarantees = v1 ? V1Ordinals.GUARANTEES : StoredCodes.GUARANTEES;
        int rows = 0;
        while (in.hasMore()) {
            long line = in.readLong();
            Loan loan = new Loan(in.readString(), in.readString(), in.readString(), in.readString(), in.readString(),
                    in.readString(), in.readDate(), in.readDate(), in.readDecimal(2), in.readDecimal(2),
                    in.readDecimal(6), in.readInt(), classifications.of(in.readInt()), in.readInt(),
                    purposes.of(in.readInt()), guarantees.of(in.readInt()), in.readBoolean());
            rows++;
            consumer.accept(new StoredLoan(fileSeq, line, loan));
        }
        in.checkRows(rows);
    }

    /**
     * What the comparison date's loans are needed for, migration (SPEC 5.4) and {@code RATE_CHANGED} (SPEC 5.3):
     * bank, id, balance (unscaled at 2 decimals), rate (unscaled at 6), overdue days and classification; every other
     * field is passed over, in the order {@link #write} puts them.
     */
    static void readStates(byte[] payload, RunChunks.LoanState consumer) {
        ChunkIn in = ChunkIn.of(payload, ChunkKind.LOANS);
        CodeTable<Classification> classifications = in.version() == ChunkFormat.V1
                ? V1Ordinals.CLASSIFICATIONS : StoredCodes.CLASSIFICATIONS;
        int rows = 0;
        while (in.hasMore()) {
            in.skipNumber(); // line
            String bankCode = in.readString();
            String loanId = in.readString();
            in.skipString(); // county
            in.skipString(); // household
            in.skipString(); // borrower's name
            in.skipString(); // borrower's ID number
            in.skipNumber(); // issue date
            in.skipNumber(); // maturity date
            in.skipNumber(); // amount
            long balanceCents = in.readLong();
            long rateMillionths = in.readLong();
            int overdueDays = in.readInt();
            Classification classification = classifications.of(in.readInt());
            in.skipNumber(); // renewals
            in.skipNumber(); // purpose
            in.skipNumber(); // guarantee
            in.skipBoolean(); // large need
            rows++;
            consumer.accept(bankCode, loanId, balanceCents, rateMillionths, overdueDays, classification);
        }
        in.checkRows(rows);
    }
}
