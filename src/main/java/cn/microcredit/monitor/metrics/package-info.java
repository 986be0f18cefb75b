/**
 * SPEC 5.1 and 5.2: sums per bank × county, county, bank and province, exact rate comparisons by cross-multiplying,
 * the tolerance rule (overall NPL + 3 points, 三(一)) and the PAUSE / WARN statuses (四(三)).
 */
package cn.microcredit.monitor.metrics;
