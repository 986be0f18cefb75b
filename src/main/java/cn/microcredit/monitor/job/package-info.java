/**
 * The Spring Batch job itself, {@link MonitorJobConfiguration}: one tasklet per step (prepare, roster and ledger load
 * side by side, metrics, rules, report, publish), the run parameters the steps read, and the books each step keeps in
 * the job repository. Steps only wire stages together: the policy lives in {@code rules} and {@code metrics}, the
 * storage in {@code store}. A failed date is run again whole, never restarted from a step ({@link RunParameters}).
 */
package cn.microcredit.monitor.job;
