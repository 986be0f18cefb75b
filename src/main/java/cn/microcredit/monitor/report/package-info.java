/**
 * The outputs of SPEC 6: the CSV files, the run summary, the Excel workbooks (province, sub-bureaus, banks), and the
 * publishing of a finished output folder.
 */
package cn.microcredit.monitor.report;
