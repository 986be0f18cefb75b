package cn.microcredit.monitor.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.microcredit.monitor.cli.AsOfCheck;
import cn.microcredit.monitor.ingest.FileResult;
import cn.microcredit.monitor.ingest.LedgerFileReader;
import cn.microcredit.monitor.keys.LongList;
import cn.microcredit.monitor.ops.RunThreads;
import cn.microcredit.monitor.ops.StopRequest;
import cn.microcredit.monitor.reference.County;
import cn.microcredit.monitor.store.LoanBatchWriter;
import cn.microcredit.monitor.store.LoanRepository;
import cn.microcredit.monitor.store.RunChunks;
import cn.microcredit.monitor.store.RunRepository;

/**
 * Loads every ledger of {@code INPUT/ledgers/} into the run, files in parallel, then moves duplicate loan ids to the
 * rejects. Per file, rows read = accepted + rejected. Records each file's bank and the accepted loans per bank.
 */
@Component
public class LedgerLoadTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(LedgerLoadTasklet.class);

    private final RunRepository runs;
    private final LoanRepository loans;
    private final RunChunks chunks;
    private final int threads;

    public LedgerLoadTasklet(RunRepository runs, LoanRepository loans, RunChunks chunks,
                             @Value("${monitor.load.threads:2}") int threads) {
        this.runs = runs;
        this.loans = loans;
        this.chunks = chunks;
        this.threads = threads;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        RunParameters p = RunParameters.of(chunkContext);
        long runId = p.runId();
        List<Path> files = ledgerFiles(p.input().resolve("ledgers"));
        Set<String> bankCodes = runs.banks(runId).codes();
        Set<String> countyCodes = runs.counties(runId).stream().map(County::code).collect(Collectors.toSet());
        LedgerFileReader reader = new LedgerFileReader(bankCodes, countyCodes, StopRequest::check).asOf(p.asOf());

        long started = System.nanoTime();
        List<Loaded> results = new ArrayList<>();
        ExecutorService pool = RunThreads.pool("load", Math.max(1, Math.min(threads, files.size())));
        List<Future<Loaded>> futures = new ArrayList<>();
        try {
            // Largest files first, so that no thread is left with a big file after the others are done.
            List<Integer> bySize = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                bySize.add(i);
            }
            bySize.sort(Comparator.comparingLong((Integer i) -> size(files.get(i))).reversed());
            Map<Integer, Future<Loaded>> loading = new TreeMap<>();
            for (int i : bySize) {
                int fileSeq = i + 1;
                Path file = files.get(i);
                String name = p.input().relativize(file).toString();
                loading.put(fileSeq, pool.submit(() -> load(reader, runId, file, name, fileSeq)));
            }
            futures.addAll(loading.values());
            for (Future<Loaded> f : futures) {
                results.add(get(f));
            }
        } finally {
            // Files not begun are dropped; a file being loaded ends at its next stop check, or with the file. Not
            // shutdownNow(): an interrupt inside H2 closes its file channel, and the database with it. No loading
            // thread may outlive the step either: one still holding a connection keeps the database open.
            futures.forEach(f -> f.cancel(false));
            pool.shutdown();
            pool.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
        }

        Map<Integer, String> names = new TreeMap<>();
        Map<Integer, LongList> keys = new TreeMap<>();
        results.forEach(r -> {
            names.put(r.result().fileSeq(), r.result().file());
            keys.put(r.result().fileSeq(), r.keys());
        });
        // The households of several loans are found on a thread of their own while the duplicate loans are: each
        // sorts a fingerprint a loan, on one core otherwise idle at this point.
        LongList households = new LongList();
        results.forEach(r -> households.addAll(r.households()));
        ExecutorService sorter = RunThreads.pool("households", 1);
        LoanRepository.Duplicates duplicates;
        long[] sharedHouseholds;
        try {
            Future<long[]> shared = sorter.submit(households::repeated);
            duplicates = loans.rejectDuplicates(runId, names, keys);
            sharedHouseholds = get(shared);
        } finally {
            sorter.shutdownNow();
        }
        keys.clear();
        chunks.saveSharedHouseholds(runId, sharedHouseholds);
        Map<String, Long> acceptedPerBank = new TreeMap<>();
        Map<Integer, String> bankOfFile = new TreeMap<>();
        long rows = 0;
        long accepted = 0;
        long rejected = 0;
        for (Loaded loaded : results) {
            FileResult counted = loaded.result()
                    .withDuplicates(duplicates.perFile().getOrDefault(loaded.result().fileSeq(), 0L));
            runs.saveFile(runId, counted);
            rows += counted.rowsRead();
            accepted += counted.rowsAccepted();
            rejected += counted.rowsRejected();
            loaded.loansPerBank().forEach((bank, n) -> acceptedPerBank.merge(bank, n, Long::sum));
            mainBank(loaded.loansPerBank()).ifPresent(bank -> bankOfFile.put(counted.fileSeq(), bank));
            if (counted.rejectedWhole()) {
                log.warn("{}: rejected whole ({}): {}", counted.file(), counted.fileReject().reason(),
                        counted.fileReject().detail());
            } else {
                log.info("{} [{}]: {} rows read, {} accepted, {} rejected", counted.file(), counted.charset(),
                        counted.rowsRead(), counted.rowsAccepted(), counted.rowsRejected());
            }
        }
        duplicates.perBank().forEach((bank, n) -> acceptedPerBank.merge(bank, -n, Long::sum));
        runs.saveLoaded(runId, bankOfFile, acceptedPerBank);
        StepCounts.record(contribution, rows, accepted, rejected);
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info("loaded {} ledger rows from {} files in {} s ({} rows/s)", rows, files.size(),
                String.format(Locale.ROOT, "%.1f", seconds), Math.round(rows / Math.max(seconds, 1e-3)));
        Map<String, Long> rowsByFile = new TreeMap<>();
        results.forEach(r -> rowsByFile.put(r.result().file(), r.result().rowsRead()));
        AsOfCheck.notContradicted(p.asOf(), reader.issuedAfterAsOfByFile(), rowsByFile);
        return RepeatStatus.FINISHED;
    }

    /** What one file gave: its counts, the fingerprints of its accepted loans in order, its loans per bank. */
    private record Loaded(FileResult result, LongList keys, LongList households, Map<String, Long> loansPerBank) {
    }

    private Loaded load(LedgerFileReader reader, long runId, Path file, String name, int fileSeq) {
        FileResult result;
        try (LoanBatchWriter writer = loans.writer(runId, fileSeq)) {
            result = reader.read(file, name, fileSeq, writer);
            writer.finish();
            if (result.rejectedWhole()) {
                loans.deleteFile(runId, fileSeq);
                loans.saveReject(runId, fileSeq, result.fileReject());
                return new Loaded(result, new LongList(), new LongList(), Map.of());
            }
            return new Loaded(result, writer.keys(), writer.households(), writer.loansPerBank());
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The bank of most of a file's loans; on a tie the first code in code point order. */
    static Optional<String> mainBank(Map<String, Long> loansPerBank) {
        return loansPerBank.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey);
    }

    public static List<Path> ledgerFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + ": 台账文件夹不存在（应为 INPUT/ledgers/）");
        }
        try (Stream<Path> s = Files.list(dir)) {
            // Sub-folders are not ledgers; anything else is, to be read or refused naming what it is (a FIFO, a
            // device, a link out of the input folder: issue 17, items 6 and 11), never skipped unsaid.
            List<Path> files = s.filter(f -> !Files.isDirectory(f))
                    // Hidden files, and the lock files Excel leaves beside an open workbook (~$name.xlsx).
                    .filter(f -> !f.getFileName().toString().startsWith(".")
                            && !f.getFileName().toString().startsWith("~$"))
                    .sorted().toList();
            if (files.isEmpty()) {
                throw new IllegalStateException(dir + ": 没有台账文件");
            }
            return files;
        }
    }

    private static <T> T get(Future<T> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
