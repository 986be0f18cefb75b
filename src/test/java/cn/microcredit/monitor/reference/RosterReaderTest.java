package cn.microcredit.monitor.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.ingest.FileResult;
import cn.microcredit.monitor.ingest.Reject;
import cn.microcredit.monitor.ingest.RejectReason;

/** Every row of {@code roster.csv} is a period or a reject naming each of its problems, with its line (SPEC 3.3). */
class RosterReaderTest {

    @TempDir
    Path dir;

    private final List<RosterPeriod> periods = new ArrayList<>();
    private final List<Reject> rejects = new ArrayList<>();

    private FileResult read(String... lines) throws IOException {
        Path file = dir.resolve("roster.csv");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return new RosterReader(Set.of("210102", "211104")).read(file, periods::add, rejects::add);
    }

    @Test
    void aValidRowInAnySpellingOfItsCategoryAndDatesIsAPeriod() throws IOException {
        FileResult result = read("household_id,county_code,category,added_date,removed_date",
                "H1,210102,MONITORED,2021-01-01,",
                " H2 ,211104,former_registered,2021/1/5,2026/6/30",
                "H3,210102,防止返贫致贫对象,20210101,20210101");

        assertThat(result.rowsRead()).isEqualTo(3);
        assertThat(result.rowsAccepted()).isEqualTo(3);
        assertThat(rejects).isEmpty();
        assertThat(periods).containsExactly(
                new RosterPeriod(2, "H1", "210102", RosterCategory.MONITORED, LocalDate.of(2021, 1, 1), null),
                new RosterPeriod(3, "H2", "211104", RosterCategory.FORMER_REGISTERED, LocalDate.of(2021, 1, 5),
                        LocalDate.of(2026, 6, 30)),
                // Removed on the day it was added: a period of one day, not an error.
                new RosterPeriod(4, "H3", "210102", RosterCategory.MONITORED, LocalDate.of(2021, 1, 1),
                        LocalDate.of(2021, 1, 1)));
    }

    @Test
    void aHouseholdIdOfAHundredCharactersIsTakenAndOneMoreIsNot() throws IOException {
        String hundred = "H".repeat(100);
        read("household_id,county_code,category,added_date,removed_date",
                hundred + ",210102,MONITORED,2021-01-01,",
                hundred + "H,210102,MONITORED,2021-01-01,");

        assertThat(periods).extracting(RosterPeriod::householdId).containsExactly(hundred);
        assertThat(rejects).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
            assertThat(r.detail()).contains("长度超过 100 个字符");
        });
    }

    @Test
    void eachProblemIsNamedAndTheFirstGivesTheReason() throws IOException {
        FileResult result = read("household_id,county_code,category,added_date,removed_date",
                "H1,999999,MONITORED,2021-01-01,",
                "H2,210102,POOR,2021-01-01,",
                "H3,210102,MONITORED,2021-02-30,",
                "H4,210102,MONITORED,2021-01-02,2021-01-01",
                ",,MONITORED,,",
                "H6,210102,MONITORED",
                "H7,999999,POOR,2021-01-01,soon");

        assertThat(result.rowsRead()).isEqualTo(7);
        assertThat(result.rowsAccepted()).isZero();
        assertThat(periods).isEmpty();
        assertThat(rejects).extracting(Reject::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(rejects).extracting(Reject::reason).containsExactly(RejectReason.UNKNOWN_COUNTY,
                RejectReason.UNKNOWN_CODE, rejects.get(2).reason(), RejectReason.OUT_OF_RANGE,
                RejectReason.MISSING_FIELD, RejectReason.MALFORMED_ROW, RejectReason.UNKNOWN_COUNTY);
        assertThat(rejects.get(0).detail()).contains("'999999'", "不在县区代码表中");
        assertThat(rejects.get(1).detail()).contains("'POOR'", "不是可识别的类别");
        assertThat(rejects.get(2).detail()).contains("H3", "纳入日期");
        assertThat(rejects.get(3).detail()).contains("2021-01-01 早于纳入日期 2021-01-02");
        assertThat(rejects.get(4).detail()).contains("必填字段为空");
        assertThat(rejects.get(5).detail()).contains("少于表头的 5 列");
        // Three problems of one row, all named.
        assertThat(rejects.get(6).detail()).contains("不在县区代码表中", "不是可识别的类别", "退出日期");
    }
}
