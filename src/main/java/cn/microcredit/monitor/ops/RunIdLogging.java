package cn.microcredit.monitor.ops;

import org.slf4j.MDC;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import cn.microcredit.monitor.job.RunParameters;


/**
 * Puts the run id into the logging context as the job starts, so that every log line of the run says which run it
 * belongs to (several runs' lines meet in one log file on a shared server). The runner clears it when it is done.
 * It also writes into the H2 run lock which run this is ({@link RunLockFile}), for a second launch to name it.
 */
public class RunIdLogging implements JobExecutionListener {

    public static final String KEY = "run";

    @Override
    public void beforeJob(JobExecution jobExecution) {
        MDC.put(KEY, Long.toString(jobExecution.getJobInstanceId()));
        RunLockFile.sayWhichRun("run " + jobExecution.getJobInstanceId() + " (" + RunLockFile.describe("execution "
                + jobExecution.getId() + ", as-of " + jobExecution.getJobParameters().getLocalDate(RunParameters.AS_OF))
                + ")");
    }

    /** Wraps a task to run with the logging context of the thread that hands it over (for the job's own threads). */
    public static Runnable keepContext(Runnable task) {
        java.util.Map<String, String> context = MDC.getCopyOfContextMap();
        return () -> {
            if (context != null) {
                MDC.setContextMap(context);
            }
            try {
                task.run();
            } finally {
                MDC.clear();
            }
        };
    }
}
