/**
 * JDBC storage on H2 or PostgreSQL: runs, the accepted loans and roster as compressed chunks, metrics, exceptions and
 * rejects. Schema by Flyway ({@code resources/db/migration}, {@code db/h2}, {@code db/postgresql}), started by
 * {@link cn.microcredit.monitor.store.SchemaMigration} only when the schema is behind.
 */
package cn.microcredit.monitor.store;
