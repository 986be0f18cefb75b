package cn.microcredit.monitor.store;

import java.util.function.Consumer;

import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Guarantee;
import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Purpose;

/**
 * The stored form of accepted loans: every field of the ledger row, amounts at 2 decimals and the rate at 6 (as the
 * SPEC's columns hold them), {@value #CHUNK_ROWS} loans of one file to a chunk.
 */
final class LoanCodec {

    static final int CHUNK_ROWS = 4096;

    private static final Classification[] CLASSIFICATIONS = Classification.values();
    private static final Purpose[] PURPOSES = Purpose.values();
    private static final Guarantee[] GUARANTEES = Guarantee.values();

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
        out.writeInt(loan.classification().ordinal());
        out.writeInt(loan.renewalCount());
        out.writeInt(loan.purpose().ordinal());
        out.writeInt(loan.guarantee().ordinal());
        out.writeBoolean(loan.largeNeed());
        out.endRow();
    }

    static void read(byte[] payload, int fileSeq, Consumer<StoredLoan> consumer) {
        ChunkIn in = ChunkIn.of(payload);
        while (in.hasMore()) {
            long line = in.readLong();
            Loan loan = new Loan(in.readString(), in.readString(), in.readString(), in.readString(), in.readString(),
                    in.readString(), in.readDate(), in.readDate(), in.readDecimal(2), in.readDecimal(2),
                    in.readDecimal(6), in.readInt(), CLASSIFICATIONS[in.readInt()], in.readInt(),
                    PURPOSES[in.readInt()], GUARANTEES[in.readInt()], in.readBoolean());
            consumer.accept(new StoredLoan(fileSeq, line, loan));
        }
    }

    /**
     * What the previous date's rates need of each loan, its bank, id and rate (unscaled at 6 decimals); every other
     * field is passed over, in the order {@link #write} puts them.
     */
    static void readRates(byte[] payload, RunChunks.LoanRate consumer) {
        ChunkIn in = ChunkIn.of(payload);
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
            in.skipNumber(); // balance
            long rate = in.readLong();
            in.skipNumber(); // overdue days
            in.skipNumber(); // classification
            in.skipNumber(); // renewals
            in.skipNumber(); // purpose
            in.skipNumber(); // guarantee
            in.skipBoolean(); // large need
            consumer.accept(bankCode, loanId, rate);
        }
    }

    /**
     * What migration needs of each loan of the comparison date (SPEC 5.4): bank, id, balance (unscaled at 2
     * decimals), overdue days and classification; every other field is passed over, in the order {@link #write} puts
     * them.
     */
    static void readStates(byte[] payload, RunChunks.LoanState consumer) {
        ChunkIn in = ChunkIn.of(payload);
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
            in.skipNumber(); // rate
            int overdueDays = in.readInt();
            Classification classification = CLASSIFICATIONS[in.readInt()];
            in.skipNumber(); // renewals
            in.skipNumber(); // purpose
            in.skipNumber(); // guarantee
            in.skipBoolean(); // large need
            consumer.accept(bankCode, loanId, balanceCents, overdueDays, classification);
        }
    }
}
