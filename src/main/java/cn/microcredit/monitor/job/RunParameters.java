package cn.microcredit.monitor.job;

import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.scope.context.ChunkContext;

import cn.microcredit.monitor.cli.CommandLineOptions;
import cn.microcredit.monitor.report.StagingFolders;

/**
 * The parameters of one run as the steps see them. The run id is the job instance id. Every launch carries a
 * {@code launch} parameter of its own, so every launch is a new job instance, a new run: a failed, stopped or crashed
 * date is run again WHOLE by launching it again, never restarted from its failed step. That is deliberate: a step's
 * work is only valid with the steps before it in the same database state (the metrics read the loans the load stored,
 * the rules the metrics of the comparison date), the whole job takes seconds to a minute, and a rerun whole is the
 * one path that is tested under kill -9 (InterruptedRunTests). The job repository still records every execution.
 */
public record RunParameters(long runId, LocalDate asOf, Path input, Path output, Path counties, String stagingToken) {

    public static final String AS_OF = "asOf";
    public static final String INPUT = "input";
    public static final String OUTPUT = "output";
    public static final String COUNTIES = "counties";
    public static final String LAUNCH = "launch";
    /** Not identifying: makes the staging folder unique across databases and processes (issue 17, item 1). */
    public static final String STAGING_TOKEN = "stagingToken";

    public static JobParameters toJobParameters(CommandLineOptions options, long launch) {
        return new JobParametersBuilder()
                .addLocalDate(AS_OF, options.asOf())
                .addString(INPUT, options.input().toString())
                .addLong(LAUNCH, launch)
                .addString(OUTPUT, options.output().toString(), false)
                .addString(COUNTIES, options.counties() == null ? "" : options.counties().toString(), false)
                .addString(STAGING_TOKEN, StagingFolders.newToken(), false)
                .toJobParameters();
    }

    public static RunParameters of(ChunkContext context) {
        return of(context.getStepContext().getStepExecution().getJobExecution());
    }

    public static RunParameters of(JobExecution execution) {
        JobParameters p = execution.getJobParameters();
        String counties = p.getString(COUNTIES, "");
        return new RunParameters(execution.getJobInstanceId(), p.getLocalDate(AS_OF), Path.of(p.getString(INPUT)),
                Path.of(p.getString(OUTPUT)), counties.isEmpty() ? null : Path.of(counties),
                p.getString(STAGING_TOKEN, ""));
    }

    /** Where this run's reports are written before they are moved into place: unique to this launch. */
    public Path stagingDir() {
        return StagingFolders.stagingDir(output, asOf.toString(), runId, stagingToken);
    }

    /** Where a date's published reports live: OUTPUT/AS_OF. */
    public Path publishedDir() {
        return output.resolve(asOf.toString());
    }
}
