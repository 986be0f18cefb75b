/**
 * The command line: what a person or cron types and what they read back. {@link CommandLineOptions} checks every
 * argument before anything starts (exit code 2 naming the argument); {@link MonitorRunner} launches the job for one
 * date and turns its outcome into the exit code of SPEC 2 and the console summary; {@link HistoryCommands} answers
 * {@code --history} and {@code --purge-before}. Start here to follow a run from the command line to the job.
 */
package cn.microcredit.monitor.cli;
