/**
 * Reading the banks' ledgers: encodings, CSV and .xlsx rows, header aliases (English or Chinese), value parsing and
 * row validation. Every row ends accepted or rejected with its file, physical line, reason and detail (SPEC 3.1).
 */
package cn.microcredit.monitor.ingest;
