/**
 * Operating the job on a shared server: one run at a time per database ({@link RunGuard}, {@link RunLockFile}), a
 * clean stop on SIGTERM ({@link StopOnSignal}, {@link StopRequest}) and the run id on every log line ({@link
 * RunIdLogging}). Nothing here knows the policy.
 */
package cn.microcredit.monitor.ops;
