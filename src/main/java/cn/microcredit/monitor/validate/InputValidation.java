package cn.microcredit.monitor.validate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.slf4j.LoggerFactory;

import cn.microcredit.monitor.cli.AsOfCheck;
import cn.microcredit.monitor.cli.CommandLineOptions;
import cn.microcredit.monitor.cli.MonitorRunner;
import cn.microcredit.monitor.ingest.DuplicateLoans;
import cn.microcredit.monitor.ingest.FileResult;
import cn.microcredit.monitor.ingest.LedgerFileReader;
import cn.microcredit.monitor.ingest.LedgerSink;
import cn.microcredit.monitor.ingest.Reject;
import cn.microcredit.monitor.job.LedgerLoadTasklet;
import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.reference.Banks;
import cn.microcredit.monitor.reference.Counties;
import cn.microcredit.monitor.reference.RosterReader;
import cn.microcredit.monitor.report.CsvOut;
import cn.microcredit.monitor.report.CsvReports;
import cn.microcredit.monitor.report.OutputFolders;
import cn.microcredit.monitor.report.RunSummary;
import cn.microcredit.monitor.report.RunSummaryJson;
import cn.microcredit.monitor.ops.RunThreads;

/**
 * {@code --validate-only}: the checks of a run's input without a database. Every reject and whole-file problem the
 * nightly run would find, written to {@code OUTPUT/AS_OF/validation/} ({@code rejects.csv}, {@code run_summary.json}),
 * so that a bank or an analyst can check files before the night. The roster and the ledgers are read on
 * {@link #THREADS} threads, the roster first and then the largest ledger first; what is written does not depend on
 * that: rejects come in file name order, then line, and of two duplicate loan ids the first in that order is the one
 * kept, as in the nightly run.
 */
public final class InputValidation {

    /** Files read at once: the default of the nightly run's {@code monitor.load.threads}. */
    static final int THREADS = 2;

    private InputValidation() {
    }

    /** What reading one file gave: its counts, its rejects in line order, the bank codes its rows named. */
    private record Checked(FileResult result, List<Reject> rejects, Set<String> banksSeen) {
    }

    public static int run(CommandLineOptions options, PrintStream out) throws IOException {
        Path input = options.input();
        Banks banks = Banks.read(input.resolve("banks.csv"));
        Counties counties = options.counties() == null ? Counties.builtIn() : Counties.read(options.counties());
        Path roster = input.resolve("roster.csv");

        long started = System.nanoTime();
        List<FileResult> files = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        Set<String> banksSeen = new HashSet<>();
        long ledgerRows = 0;
        int ledgerCount;
        ExecutorService pool = newPool();
        try {
            // The roster needs only the county reference: it is read while the ledgers are listed and their reader
            // set up (which includes setting up logging, a tenth of a second).
            Future<Checked> rosterCheck = Files.exists(roster)
                    ? pool.submit(() -> checkRoster(roster, counties.codes(), options.asOf())) : null;
            List<Path> ledgers = LedgerLoadTasklet.ledgerFiles(input.resolve("ledgers"));
            List<String> names = ledgers.stream().map(p -> input.relativize(p).toString()).toList();
            ledgerCount = ledgers.size();
            LedgerFileReader reader = new LedgerFileReader(banks.codes(), counties.codes()).asOf(options.asOf());
            DuplicateLoans duplicates = new DuplicateLoans();
            List<Callable<Checked>> tasks = new ArrayList<>();
            for (int i = 0; i < ledgers.size(); i++) {
                int fileSeq = i + 1;
                Path path = ledgers.get(i);
                tasks.add(() -> checkLedger(reader, path, names.get(fileSeq - 1), fileSeq, duplicates));
            }
            List<Future<Checked>> ledgerChecks = submitLargestFirst(pool, tasks, ledgers);

            if (rosterCheck != null) {
                Checked c = get(rosterCheck);
                rejects.addAll(c.rejects());
                files.add(c.result());
            }
            List<Checked> ledgerResults = new ArrayList<>();
            for (Future<Checked> ledgerCheck : ledgerChecks) {
                ledgerResults.add(get(ledgerCheck));
            }
            // Every file read: only now are the first occurrences of the loans known.
            for (Checked c : ledgerResults) {
                FileResult result = c.result();
                banksSeen.addAll(c.banksSeen());
                ledgerRows += result.rowsRead();
                if (result.rejectedWhole()) {
                    rejects.add(result.fileReject());
                    files.add(result);
                    continue;
                }
                List<Reject> later = duplicates.rejects(result.fileSeq(), seq -> names.get(seq - 1));
                List<Reject> fileRejects = new ArrayList<>(c.rejects());
                fileRejects.addAll(later);
                fileRejects.sort(Comparator.comparingLong(Reject::line));
                rejects.addAll(fileRejects);
                files.add(result.withDuplicates(later.size()));
            }
            Map<String, Long> rowsByFile = new java.util.TreeMap<>();
            ledgerResults.forEach(c -> rowsByFile.put(c.result().file(), c.result().rowsRead()));
            AsOfCheck.notContradicted(options.asOf(), reader.issuedAfterAsOfByFile(), rowsByFile);
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        LoggerFactory.getLogger(InputValidation.class).info(
                "checked {} ledger rows from {} files{} in {} s ({} rows/s)", ledgerRows, ledgerCount,
                Files.exists(roster) ? " and the roster" : "", String.format(Locale.ROOT, "%.1f", seconds),
                Math.round(ledgerRows / Math.max(seconds, 1e-3)));

        List<String> missing = new ArrayList<>(new TreeSet<>(banks.codes()));
        missing.removeAll(banksSeen);
        int exitCode = RunSummary.exitCode(files, missing);
        RunSummary summary = new RunSummary(true, options.asOf(), 0, null, files, missing, Map.of(), Map.of(),
                RunSummary.rosterStatus(files), null,
                exitCode, null);

        Path target = options.output().resolve(options.asOf().toString()).resolve("validation");
        Path staging = target.resolveSibling(".validation.tmp");
        OutputFolders.deleteTree(staging);
        Files.createDirectories(staging);
        try (CsvOut csv = new CsvOut(staging.resolve("rejects.csv"), CsvReports.REJECT_COLUMNS)) {
            rejects.forEach(r -> csv.row(r.file(), r.line(), r.bankCode(), r.loanId(), r.reason().name(), r.detail()));
        }
        RunSummaryJson.write(summary, staging.resolve("run_summary.json"));
        OutputFolders.restrict(staging);
        OutputFolders.replace(staging, target);

        out.printf("输入检查 (validate only) %s: %s%n", options.asOf(), target);
        MonitorRunner.printFiles(summary, out);
        out.printf("  exit code %d%n", exitCode);
        return exitCode;
    }

    private static Checked checkRoster(Path roster, Set<String> countyCodes, java.time.LocalDate asOf) {
        List<Reject> rejects = new ArrayList<>();
        FileResult result = new RosterReader(countyCodes, asOf).read(roster, p -> { }, rejects::add);
        if (result.rejectedWhole()) {
            rejects.add(result.fileReject());
        }
        return new Checked(result, rejects, Set.of());
    }

    /**
     * Reads one ledger. Its accepted loans go to the duplicate search; a file rejected whole keeps those it had
     * accepted before it broke off there too, as when files were read one after another.
     */
    private static Checked checkLedger(LedgerFileReader reader, Path path, String name, int fileSeq,
                                       DuplicateLoans duplicates) {
        List<Reject> rejects = new ArrayList<>();
        Set<String> banksSeen = new HashSet<>();
        try (DuplicateLoans.File loans = duplicates.file(fileSeq)) {
            FileResult result = reader.read(path, name, fileSeq, new LedgerSink() {
                @Override
                public void accepted(Loan loan, int seq, long line) {
                    banksSeen.add(loan.bankCode());
                    loans.seen(loan.bankCode(), loan.loanId(), loan.countyCode(), line);
                }

                @Override
                public void rejected(Reject reject, int seq) {
                    banksSeen.add(reject.bankCode());
                    rejects.add(reject);
                }
            });
            return new Checked(result, rejects, banksSeen);
        }
    }

    /** {@link #THREADS} threads that end with the program. */
    private static ExecutorService newPool() {
        return RunThreads.pool("validate", THREADS);
    }

    /**
     * Hands the tasks to the pool, that of the largest file first, so that no thread is left with a big file at the
     * end; returns their futures in the tasks' order.
     */
    private static List<Future<Checked>> submitLargestFirst(ExecutorService pool, List<Callable<Checked>> tasks,
                                                            List<Path> paths) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            order.add(i);
        }
        long[] sizes = paths.stream().mapToLong(InputValidation::sizeOf).toArray();
        order.sort(Comparator.comparingLong((Integer i) -> -sizes[i]).thenComparing(i -> i));
        List<Future<Checked>> futures = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            futures.add(null);
        }
        for (int i : order) {
            futures.set(i, pool.submit(tasks.get(i)));
        }
        return futures;
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    private static Checked get(Future<Checked> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("输入检查被中断", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IOException(e.getCause());
        }
    }
}
