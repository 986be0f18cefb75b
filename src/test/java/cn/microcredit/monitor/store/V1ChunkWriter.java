package cn.microcredit.monitor.store;

import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

import cn.microcredit.monitor.reference.RosterPeriod;

/**
 * Test only: writes chunks as the release of c072f04 did (format version 1: no header, enums by their ordinal in that
 * release's order), to prove that stored data of that release is read the same by this one. The orders are written
 * out here on their own, not taken from {@link V1Ordinals}, so that a mistake there cannot hide in both.
 */
final class V1ChunkWriter {

    static final List<String> CLASSIFICATIONS = List.of("NORMAL", "SPECIAL_MENTION", "SUBSTANDARD", "DOUBTFUL", "LOSS");
    static final List<String> PURPOSES = List.of("PLANTING", "BREEDING", "PROCESSING", "COMMERCE", "SERVICE",
            "OTHER_PRODUCTIVE", "MARRIAGE", "HOUSING", "WEALTH", "HOUSEHOLD_GOODS", "ENTERPRISE_USE");
    static final List<String> GUARANTEES = List.of("CREDIT", "GUARANTEE", "MORTGAGE", "PLEDGE");
    static final List<String> CATEGORIES = List.of("MONITORED", "FORMER_REGISTERED");

    private V1ChunkWriter() {
    }

    static byte[] loans(List<StoredLoan> loans) {
        ChunkOut out = new ChunkOut();
        for (StoredLoan l : loans) {
            writeLoan(out, l, ordinal(CLASSIFICATIONS, l.loan().classification()),
                    ordinal(PURPOSES, l.loan().purpose()), ordinal(GUARANTEES, l.loan().guarantee()));
        }
        return v1(out);
    }

    static byte[] roster(List<RosterPeriod> periods) {
        ChunkOut out = new ChunkOut();
        for (RosterPeriod p : periods) {
            out.writeLong(p.line());
            out.writeString(p.householdId());
            out.writeString(p.countyCode());
            out.writeInt(ordinal(CATEGORIES, p.category()));
            out.writeDate(p.addedDate());
            out.writeBoolean(p.removedDate() != null);
            if (p.removedDate() != null) {
                out.writeDate(p.removedDate());
            }
            out.endRow();
        }
        return v1(out);
    }

    /** A loan row in the layout versions 1 and 2 share, with the enums' codes given. */
    static void writeLoan(ChunkOut out, StoredLoan stored, int classification, int purpose, int guarantee) {
        var loan = stored.loan();
        out.writeLong(stored.line());
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
        out.writeInt(classification);
        out.writeInt(loan.renewalCount());
        out.writeInt(purpose);
        out.writeInt(guarantee);
        out.writeBoolean(loan.largeNeed());
        out.endRow();
    }

    private static int ordinal(List<String> order, Enum<?> e) {
        int i = order.indexOf(e.name());
        if (i < 0) {
            throw new IllegalArgumentException(e + " did not exist in version 1");
        }
        return i;
    }

    /** Version 1 is the raw length, then the deflated rows, as in version 2 but without the rest of its header. */
    /** The rows written to {@code out} as a version 1 payload: their raw length, then the rows deflated. */
    static byte[] v1(ChunkOut out) {
        byte[] raw = out.rawRows();
        byte[] deflated = deflate(raw);
        byte[] v1 = new byte[4 + deflated.length];
        v1[0] = (byte) (raw.length >>> 24);
        v1[1] = (byte) (raw.length >>> 16);
        v1[2] = (byte) (raw.length >>> 8);
        v1[3] = (byte) raw.length;
        System.arraycopy(deflated, 0, v1, 4, deflated.length);
        return v1;
    }

    /** Raw deflate at zlib's fastest level, as versions 1 and 2 were written. */
    static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            deflater.setInput(raw);
            deflater.finish();
            byte[] out = new byte[raw.length / 2 + 64];
            int n = 0;
            while (!deflater.finished()) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                n += deflater.deflate(out, n, out.length - n);
            }
            return Arrays.copyOf(out, n);
        } finally {
            deflater.end();
        }
    }
}
