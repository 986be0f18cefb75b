package cn.microcredit.monitor.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import cn.microcredit.monitor.ingest.FileResult;
import cn.microcredit.monitor.ingest.Reject;
import cn.microcredit.monitor.reference.County;
import cn.microcredit.monitor.reference.RosterReader;
import cn.microcredit.monitor.rules.RosterIndex;
import cn.microcredit.monitor.store.LoanRepository;
import cn.microcredit.monitor.store.RunChunks;
import cn.microcredit.monitor.store.RunRepository;

/** Loads the optional household roster ({@code INPUT/roster.csv}, SPEC 3.3). Without one, the roster rules are off. */
@Component
public class RosterLoadTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RosterLoadTasklet.class);

    private final RunRepository runs;
    private final LoanRepository loans;
    private final RunChunks chunks;
    private final LoanCheckSetup checkSetup;

    public RosterLoadTasklet(RunRepository runs, LoanRepository loans, RunChunks chunks, LoanCheckSetup checkSetup) {
        this.runs = runs;
        this.loans = loans;
        this.chunks = chunks;
        this.checkSetup = checkSetup;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // the reader says what is wrong with the file
        }
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunParameters p = RunParameters.of(chunkContext);
        Path file = p.input().resolve("roster.csv");
        if (!Files.exists(file)) {
            log.info("no roster.csv: the rules NOT_ON_ROSTER and ROSTER_COUNTY_MISMATCH are off for this run");
            return RepeatStatus.FINISHED;
        }
        var countyCodes = runs.counties(p.runId()).stream().map(County::code).collect(Collectors.toSet());
        List<Reject> rejects = new ArrayList<>();
        RunChunks.RosterWriter periods = chunks.rosterWriter(p.runId());
        // Indexed as they are stored too, for the metrics step (about 50 bytes a row in the files seen).
        RosterIndex index = checkSetup.indexToBuildWhileLoading(p.runId(), sizeOf(file) / 40);
        FileResult result = new RosterReader(countyCodes, p.asOf()).read(file, index == null ? periods : period -> {
            periods.accept(period);
            index.add(period);
        }, rejects::add);
        periods.finish();
        if (result.rejectedWhole()) {
            chunks.deleteRoster(p.runId());
            loans.saveReject(p.runId(), RosterReader.FILE_SEQ, result.fileReject());
            log.warn("roster.csv rejected whole ({}): {}; the roster rules are off for this run",
                    result.fileReject().reason(), result.fileReject().detail());
        } else {
            rejects.forEach(r -> loans.saveReject(p.runId(), RosterReader.FILE_SEQ, r));
            log.info("roster.csv [{}]: {} rows read, {} accepted, {} rejected", result.charset(), result.rowsRead(),
                    result.rowsAccepted(), result.rowsRejected());
        }
        runs.saveFile(p.runId(), result);
        if (index != null && !result.rejectedWhole()) {
            checkSetup.builtWhileLoading(p.runId(), index);
        }
        StepCounts.record(contribution, result.rowsRead(), result.rowsAccepted(), result.rowsRejected());
        return RepeatStatus.FINISHED;
    }
}
