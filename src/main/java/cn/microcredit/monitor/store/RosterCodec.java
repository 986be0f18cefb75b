package cn.microcredit.monitor.store;

import java.time.LocalDate;
import java.util.function.Consumer;

import cn.microcredit.monitor.reference.RosterCategory;
import cn.microcredit.monitor.reference.RosterPeriod;

/**
 * The stored form of the roster's periods (SPEC 3.3), {@value #CHUNK_ROWS} to a chunk, in the current format version;
 * read in every version ever released, which differ only in how the category is coded ({@link ChunkFormat}).
 */
final class RosterCodec {

    static final int CHUNK_ROWS = 8192;

    private RosterCodec() {
    }

    static void write(ChunkOut out, RosterPeriod p) {
        out.writeLong(p.line());
        out.writeString(p.householdId());
        out.writeString(p.countyCode());
        out.writeInt(StoredCodes.code(p.category()));
        out.writeDate(p.addedDate());
        out.writeBoolean(p.removedDate() != null);
        if (p.removedDate() != null) {
            out.writeDate(p.removedDate());
        }
        out.endRow();
    }

    static void read(byte[] payload, Consumer<RosterPeriod> consumer) {
        ChunkIn in = ChunkIn.of(payload, ChunkKind.ROSTER);
        CodeTable<RosterCategory> categories = in.version() == ChunkFormat.V1 ? V1Ordinals.ROSTER_CATEGORIES
                : StoredCodes.ROSTER_CATEGORIES;
        int rows = 0;
        while (in.hasMore()) {
            long line = in.readLong();
            String household = in.readString();
            String county = in.readString();
            RosterCategory category = categories.of(in.readInt());
            LocalDate added = in.readDate();
            LocalDate removed = in.readBoolean() ? in.readDate() : null;
            rows++;
            consumer.accept(new RosterPeriod(line, household, county, category, added, removed));
        }
        in.checkRows(rows);
    }
}
