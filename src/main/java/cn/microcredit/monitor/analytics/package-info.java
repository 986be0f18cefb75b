/**
 * SPEC 5.4, the supervisory analytics: the regime split (LEGACY / ASSISTANCE books), migration of classification and
 * ageing since the comparison date, the one-step projection and its LIKELY_PAUSE outlook (四(三) 及时预警), and vintage
 * by issue quarter. Plain Java over the loans read back in the metrics step; exact fractions, rounded only at output.
 */
package cn.microcredit.monitor.analytics;
