package cn.microcredit.monitor.store;

import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Guarantee;
import cn.microcredit.monitor.loan.Purpose;
import cn.microcredit.monitor.reference.RosterCategory;

/**
 * The codes by which chunks of format version 2 on store enums: declared here, one per constant, and never changed or
 * reused, so that a stored chunk means the same whatever happens to the enums' order. A new constant takes the next
 * free code (each switch below is exhaustive, so the build fails until it has one); a removed constant keeps its code
 * retired. Code 0 is left unused, so that a zeroed field is an error rather than a value.
 */
final class StoredCodes {

    static final CodeTable<Classification> CLASSIFICATIONS =
            CodeTable.byCode("classification", Classification.class, StoredCodes::code);
    static final CodeTable<Purpose> PURPOSES = CodeTable.byCode("purpose", Purpose.class, StoredCodes::code);
    static final CodeTable<Guarantee> GUARANTEES = CodeTable.byCode("guarantee", Guarantee.class, StoredCodes::code);
    static final CodeTable<RosterCategory> ROSTER_CATEGORIES =
            CodeTable.byCode("roster category", RosterCategory.class, StoredCodes::code);

    private StoredCodes() {
    }

    /** The five-category digits of the regulatory classification (SPEC 3.1: NORMAL is 1 ... LOSS is 5). */
    static int code(Classification c) {
        return switch (c) {
            case NORMAL -> 1;
            case SPECIAL_MENTION -> 2;
            case SUBSTANDARD -> 3;
            case DOUBTFUL -> 4;
            case LOSS -> 5;
        };
    }

    static int code(Purpose p) {
        return switch (p) {
            case PLANTING -> 1;
            case BREEDING -> 2;
            case PROCESSING -> 3;
            case COMMERCE -> 4;
            case SERVICE -> 5;
            case OTHER_PRODUCTIVE -> 6;
            case MARRIAGE -> 7;
            case HOUSING -> 8;
            case WEALTH -> 9;
            case HOUSEHOLD_GOODS -> 10;
            case ENTERPRISE_USE -> 11;
        };
    }

    static int code(Guarantee g) {
        return switch (g) {
            case CREDIT -> 1;
            case GUARANTEE -> 2;
            case MORTGAGE -> 3;
            case PLEDGE -> 4;
        };
    }

    static int code(RosterCategory c) {
        return switch (c) {
            case MONITORED -> 1;
            case FORMER_REGISTERED -> 2;
        };
    }
}
