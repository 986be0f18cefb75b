/**
 * Reference data of a date: {@code banks.csv}, the county reference (built in or {@code --counties}) and the roster.
 */
package cn.microcredit.monitor.reference;
