/** Sheet builders of the Excel workbooks: styles, tables, charts, one class per sheet family. */
package cn.microcredit.monitor.report.excel;
