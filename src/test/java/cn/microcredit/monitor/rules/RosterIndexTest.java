package cn.microcredit.monitor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.microcredit.monitor.reference.RosterCategory;
import cn.microcredit.monitor.reference.RosterPeriod;
import cn.microcredit.monitor.rules.RosterIndex.Match;

/** 一(一), 三: a roster period covers a day when added ≤ day ≤ removed; the county must be the loan's. */
class RosterIndexTest {

    private static final LocalDate ADDED = LocalDate.of(2024, 3, 1);
    private static final LocalDate REMOVED = LocalDate.of(2025, 6, 30);

    private final RosterIndex index = new RosterIndex(List.of("210123", "210124", "210181"), 4);

    private void period(String household, String county, LocalDate added, LocalDate removed) {
        index.add(new RosterPeriod(1, household, county, RosterCategory.MONITORED, added, removed));
    }

    @Test
    void coveredFromTheDayAddedToTheDayRemovedInclusive() {
        period("H1", "210123", ADDED, REMOVED);
        index.sort();
        assertThat(index.check("H1", "210123", ADDED.minusDays(1)).match()).isEqualTo(Match.NOT_ON_ROSTER);
        assertThat(index.check("H1", "210123", ADDED).match()).isEqualTo(Match.ON_ROSTER);
        assertThat(index.check("H1", "210123", REMOVED).match()).isEqualTo(Match.ON_ROSTER);
        assertThat(index.check("H1", "210123", REMOVED.plusDays(1)).match()).isEqualTo(Match.NOT_ON_ROSTER);
        assertThat(index.check("H2", "210123", ADDED).match()).isEqualTo(Match.NOT_ON_ROSTER);
    }

    @Test
    void anOpenPeriodCoversEveryLaterDayAndReEntryCounts() {
        period("H1", "210123", ADDED, REMOVED);
        period("H1", "210123", LocalDate.of(2026, 1, 1), null);
        index.sort();
        assertThat(index.check("H1", "210123", LocalDate.of(2025, 12, 31)).match()).isEqualTo(Match.NOT_ON_ROSTER);
        assertThat(index.check("H1", "210123", LocalDate.of(2099, 1, 1)).match()).isEqualTo(Match.ON_ROSTER);
    }

    @Test
    void coveredOnlyInOtherCountiesNamesTheLowest() {
        period("H1", "210181", ADDED, null);
        period("H1", "210124", ADDED, null);
        period("H1", "210123", ADDED, LocalDate.of(2024, 3, 31));
        index.sort();
        RosterIndex.Result r = index.check("H1", "210123", LocalDate.of(2024, 4, 1));
        assertThat(r.match()).isEqualTo(Match.OTHER_COUNTY);
        assertThat(r.rosterCounty()).isEqualTo("210124");
        assertThat(index.check("H1", "210123", LocalDate.of(2024, 3, 31)).match()).isEqualTo(Match.ON_ROSTER);
    }
}
