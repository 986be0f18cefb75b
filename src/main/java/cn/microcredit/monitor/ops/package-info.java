/**
 * Operating the job on a shared server: one run at a time per database ({@link RunGuard}, {@link RunLockFile}), a
 * clean stop on SIGTERM ({@link StopOnSignal}, {@link StopRequest}), the run id on every log line ({@link
 * RunIdLogging}), the run's threads ({@link RunThreads}), durations as log lines print them ({@link Seconds}), the
 * JIT kept to its quick compiler on a small machine ({@link QuickCompilation}) and a plain {@code java -jar} run in a
 * JVM that starts faster ({@link FastStart}). Nothing here knows the policy.
 */
package cn.microcredit.monitor.ops;
