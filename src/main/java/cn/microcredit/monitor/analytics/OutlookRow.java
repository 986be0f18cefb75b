package cn.microcredit.monitor.analytics;

import java.math.BigDecimal;

import cn.microcredit.monitor.metrics.Level;


/**
 * The projection of one cell, county or the province one step ahead (SPEC 5.4), rounded half-up to 2 places from the
 * exact value; {@code likelyPause} was decided on the exact value (early warning, 四(三) 及时预警; never a status).
 *
 * @param countyCode "" at PROVINCE level
 * @param bankCode   "" at COUNTY and PROVINCE level
 */
public record OutlookRow(Level level, String countyCode, String bankCode, BigDecimal projectedOverdueRatePct,
                         BigDecimal projectedNplRatePct, boolean likelyPause) {

    /** {@code LIKELY_PAUSE} or "" (the outlook column of SPEC 6). */
    public String outlook() {
        return likelyPause ? "LIKELY_PAUSE" : "";
    }
}
