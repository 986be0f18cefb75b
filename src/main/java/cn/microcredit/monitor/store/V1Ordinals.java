package cn.microcredit.monitor.store;

import java.util.List;

import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Guarantee;
import cn.microcredit.monitor.loan.Purpose;
import cn.microcredit.monitor.reference.RosterCategory;

/**
 * What the ordinals in a chunk of format version 1 mean: the enums' order as released at commit c072f04, written out
 * here and FROZEN. Never edit these lists, whatever becomes of the enums (a renamed constant is renamed here too, in
 * its place); reading them from {@code values()} would let a reordered enum silently change the stored loans.
 */
final class V1Ordinals {

    static final CodeTable<Classification> CLASSIFICATIONS = CodeTable.inOrder("classification", List.of(
            Classification.NORMAL,
            Classification.SPECIAL_MENTION,
            Classification.SUBSTANDARD,
            Classification.DOUBTFUL,
            Classification.LOSS));

    static final CodeTable<Purpose> PURPOSES = CodeTable.inOrder("purpose", List.of(
            Purpose.PLANTING,
            Purpose.BREEDING,
            Purpose.PROCESSING,
            Purpose.COMMERCE,
            Purpose.SERVICE,
            Purpose.OTHER_PRODUCTIVE,
            Purpose.MARRIAGE,
            Purpose.HOUSING,
            Purpose.WEALTH,
            Purpose.HOUSEHOLD_GOODS,
            Purpose.ENTERPRISE_USE));

    static final CodeTable<Guarantee> GUARANTEES = CodeTable.inOrder("guarantee", List.of(
            Guarantee.CREDIT,
            Guarantee.GUARANTEE,
            Guarantee.MORTGAGE,
            Guarantee.PLEDGE));

    static final CodeTable<RosterCategory> ROSTER_CATEGORIES = CodeTable.inOrder("roster category", List.of(
            RosterCategory.MONITORED,
            RosterCategory.FORMER_REGISTERED));

    private V1Ordinals() {
    }
}
