package cn.microcredit.monitor.job;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.support.SimpleFlow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import cn.microcredit.monitor.ops.RunIdLogging;
import cn.microcredit.monitor.ops.RunThreads;


/**
 * The nightly job: reference data, roster and ledgers (side by side), metrics, loan-level rules, reports,
 * publication. Each step is a tasklet that stores its
 * results in the run's tables; publication is last, so a run that fails anywhere leaves the published results as
 * they were.
 */
@Configuration
public class MonitorJobConfiguration {

    private static final StepTiming TIMING = new StepTiming();

    @Bean
    public Job monitorJob(JobRepository jobRepository, Step prepareStep, Step rosterLoadStep, Step ledgerLoadStep,
                          Step metricsStep, Step rulesStep, Step loanTableStep, Step reportStep,
                          Step publishStep) {
        // The roster loads beside the ledgers: one file, read on a thread of its own while the ledgers take two.
        Flow load = new FlowBuilder<SimpleFlow>("loadFlow").split(RunThreads.flows("flow"))
                .add(new FlowBuilder<SimpleFlow>("rosterFlow").start(rosterLoadStep).build(),
                        new FlowBuilder<SimpleFlow>("ledgerFlow").start(ledgerLoadStep).build())
                .build();
        Flow steps = new FlowBuilder<SimpleFlow>("monitorFlow")
                .start(prepareStep)
                .next(load)
                .next(metricsStep)
                .next(rulesStep)
                .next(loanTableStep)
                .next(reportStep)
                .next(publishStep)
                .build();
        return new JobBuilder("monitorJob", jobRepository)
                .listener(new RunIdLogging())
                .start(steps)
                .end()
                .build();
    }

    @Bean
    public Step prepareStep(JobRepository jobRepository, PlatformTransactionManager tx, PrepareTasklet tasklet) {
        return new StepBuilder("prepareStep", jobRepository).tasklet(tasklet, tx).listener(TIMING).build();
    }

    @Bean
    public Step rosterLoadStep(JobRepository jobRepository, PlatformTransactionManager tx, RosterLoadTasklet tasklet) {
        return new StepBuilder("rosterLoadStep", jobRepository).tasklet(tasklet, tx).listener(TIMING).build();
    }

    @Bean
    public Step ledgerLoadStep(JobRepository jobRepository, PlatformTransactionManager tx, LedgerLoadTasklet tasklet) {
        return new StepBuilder("ledgerLoadStep", jobRepository).tasklet(tasklet, tx).listener(TIMING).build();
    }

    @Bean
    public Step metricsStep(JobRepository jobRepository, PlatformTransactionManager tx, MetricsTasklet tasklet) {
        return new StepBuilder("metricsStep", jobRepository).tasklet(tasklet, tx).listener(TIMING).build();
    }

    @Bean
    public Step rulesStep(JobRepository jobRepository, PlatformTransactionManager tx, RulesTasklet tasklet) {
        return new StepBuilder("rulesStep", jobRepository).tasklet(tasklet, tx).listener(TIMING).build();
    }

    @Bean
    public Step loanTableStep(JobRepository jobRepository, PlatformTransactionManager tx, LoanTableTasklet tasklet) {
        return new StepBuilder("loanTableStep", jobRepository).tasklet(tasklet, tx).listener(TIMING).build();
    }

    @Bean
    public Step reportStep(JobRepository jobRepository, PlatformTransactionManager tx, ReportTasklet tasklet) {
        return new StepBuilder("reportStep", jobRepository).tasklet(tasklet, tx).listener(TIMING).build();
    }

    @Bean
    public Step publishStep(JobRepository jobRepository, PlatformTransactionManager tx, PublishTasklet tasklet) {
        return new StepBuilder("publishStep", jobRepository).tasklet(tasklet, tx).listener(TIMING).build();
    }
}
