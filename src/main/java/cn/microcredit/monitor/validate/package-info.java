/**
 * {@code --validate-only}: the input checks of a run without a database, so that a bank can check its file before the
 * night. It reads with the same ingest classes as the job; {@code DuplicateParityTests} proves both find the same
 * duplicates and rejects.
 */
package cn.microcredit.monitor.validate;
