/**
 * What a workbook's 概览 says, decided in plain Java before any cell is written: the flagged counties with the banks
 * that trigger them, their change against the comparison date (新增 / 持续 / 升级 / 缓解 / 解除), the breach tallies and
 * what a bank must correct in its rejected rows.
 */
package cn.microcredit.monitor.report.brief;
