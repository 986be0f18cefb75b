package cn.microcredit.monitor.reference;

import java.math.BigDecimal;

/**
 * A lending bank and its NPL ratio over all its loans.
 *
 * @param overallNplPct NPL ratio of all the bank's loans in percent (1.85 means 1.85 %)
 */
public record Bank(String code, String name, BigDecimal overallNplPct) {
}
