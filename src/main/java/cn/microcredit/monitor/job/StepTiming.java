package cn.microcredit.monitor.job;

import java.time.Duration;
import java.time.LocalDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import cn.microcredit.monitor.ops.Seconds;

/** One log line as each step starts and ends, with its time: what a person reading the log of a long run needs. */
class StepTiming implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(StepTiming.class);

    @Override
    public void beforeStep(StepExecution stepExecution) {
        log.info("{} started", stepExecution.getStepName());
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        LocalDateTime start = stepExecution.getStartTime();
        long millis = start == null ? 0 : Duration.between(start, LocalDateTime.now()).toMillis();
        log.info("{} {} in {} s", stepExecution.getStepName(), stepExecution.getStatus().name().toLowerCase(),
                Seconds.ofNanos(millis * 1_000_000L));
        return stepExecution.getExitStatus();
    }
}
