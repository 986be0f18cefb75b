package cn.microcredit.monitor.store;

import java.time.LocalDate;
import java.util.function.Consumer;

import cn.microcredit.monitor.reference.RosterCategory;
import cn.microcredit.monitor.reference.RosterPeriod;

/** The stored form of the roster's periods (SPEC 3.3), {@value #CHUNK_ROWS} to a chunk. */
final class RosterCodec {

    static final int CHUNK_ROWS = 8192;

    private static final RosterCategory[] CATEGORIES = RosterCategory.values();

    private RosterCodec() {
    }

    static void write(ChunkOut out, RosterPeriod p) {
        out.writeLong(p.line());
        out.writeString(p.householdId());
        out.writeString(p.countyCode());
        out.writeInt(p.category().ordinal());
        out.writeDate(p.addedDate());
        out.writeBoolean(p.removedDate() != null);
        if (p.removedDate() != null) {
            out.writeDate(p.removedDate());
        }
        out.endRow();
    }

    static void read(byte[] payload, Consumer<RosterPeriod> consumer) {
        ChunkIn in = ChunkIn.of(payload);
        while (in.hasMore()) {
            long line = in.readLong();
            String household = in.readString();
            String county = in.readString();
            RosterCategory category = CATEGORIES[in.readInt()];
            LocalDate added = in.readDate();
            LocalDate removed = in.readBoolean() ? in.readDate() : null;
            consumer.accept(new RosterPeriod(line, household, county, category, added, removed));
        }
    }
}
