package cn.microcredit.monitor.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.microcredit.monitor.metrics.Level;


/**
 * The supervisory analytics of one run (SPEC 5.4). Without a comparison date (or when its loans are no longer
 * stored) {@code comparisonAsOf} is null and there is neither migration nor outlook.
 */
public record Analytics(LocalDate comparisonAsOf, List<RegimeRow> regimes, List<MigrationRow> migration,
                        List<VintageRow> vintages, List<OutlookRow> outlook) {

    public static final Analytics NONE = new Analytics(null, List.of(), List.of(), List.of(), List.of());

    /** Outlook rows by {@link #key}. */
    public Map<String, OutlookRow> outlookByKey() {
        return outlook.stream().collect(Collectors.toMap(o -> key(o.level(), o.countyCode(), o.bankCode()),
                Function.identity()));
    }

    public static String key(Level level, String countyCode, String bankCode) {
        return level + "|" + countyCode + "|" + bankCode;
    }

    /** The province's projection, or null without one. */
    public OutlookRow province() {
        return outlook.stream().filter(o -> o.level() == Level.PROVINCE).findFirst().orElse(null);
    }

    /** Counties whose outlook is LIKELY_PAUSE. */
    public long likelyPauseCounties() {
        return outlook.stream().filter(o -> o.level() == Level.COUNTY && o.likelyPause()).count();
    }

}
