/**
 * SPEC 5.3: one class per loan-level policy rule, each citing its clause of 金发〔2026〕2号, with the rule codes and their
 * severities. Plain Java, unit-tested one by one.
 */
package cn.microcredit.monitor.rules;
