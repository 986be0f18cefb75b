package cn.microcredit.monitor.job;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import cn.microcredit.monitor.ingest.FileResult;
import cn.microcredit.monitor.ingest.LedgerFileReader;
import cn.microcredit.monitor.ingest.LedgerSink;
import cn.microcredit.monitor.ingest.Reject;
import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.reference.Banks;
import cn.microcredit.monitor.reference.Counties;
import cn.microcredit.monitor.reference.RosterReader;
import cn.microcredit.monitor.report.CsvReports;
import cn.microcredit.monitor.report.CsvOut;
import cn.microcredit.monitor.report.OutputFolders;
import cn.microcredit.monitor.report.RunSummary;
import cn.microcredit.monitor.report.RunSummaryJson;

/**
 * {@code --validate-only}: the checks of a run's input without a database. Every reject and whole-file problem the
 * nightly run would find, written to {@code OUTPUT/AS_OF/validation/} ({@code rejects.csv}, {@code run_summary.json}),
 * so that a bank or an analyst can check files before the night. Files are read one after another in name order, so
 * the first of two duplicate loan ids is the one the nightly run keeps too.
 */
public final class InputValidation {

    private InputValidation() {
    }

    public static int run(CommandLineOptions options, PrintStream out) throws IOException {
        Path input = options.input();
        Banks banks = Banks.read(input.resolve("banks.csv"));
        Counties counties = options.counties() == null ? Counties.builtIn() : Counties.read(options.counties());
        List<FileResult> files = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        Set<String> banksSeen = new HashSet<>();

        Path roster = input.resolve("roster.csv");
        if (Files.exists(roster)) {
            FileResult r = new RosterReader(counties.codes()).read(roster, p -> { }, rejects::add);
            if (r.rejectedWhole()) {
                rejects.add(r.fileReject());
            }
            files.add(r);
        }

        LedgerFileReader reader = new LedgerFileReader(banks.codes(), counties.codes());
        List<Path> ledgers = LedgerLoadTasklet.ledgerFiles(input.resolve("ledgers"));
        Map<String, String> firstSeen = new LinkedHashMap<>();
        for (int i = 0; i < ledgers.size(); i++) {
            Path path = ledgers.get(i);
            String name = input.relativize(path).toString();
            List<Reject> fileRejects = new ArrayList<>();
            long[] duplicates = {0};
            LedgerSink sink = new LedgerSink() {
                @Override
                public void accepted(Loan loan, int fileSeq, long line) {
                    banksSeen.add(loan.bankCode());
                    String first = firstSeen.putIfAbsent(loan.bankCode() + "\u0000" + loan.loanId(),
                            name + " 第" + line + "行");
                    if (first != null) {
                        duplicates[0]++;
                        fileRejects.add(Reject.duplicate(name, line, loan.bankCode(), loan.loanId(),
                                loan.countyCode(), first));
                    }
                }

                @Override
                public void rejected(Reject reject, int fileSeq) {
                    banksSeen.add(reject.bankCode());
                    fileRejects.add(reject);
                }
            };
            FileResult result = reader.read(path, name, i + 1, sink);
            if (result.rejectedWhole()) {
                rejects.add(result.fileReject());
            } else {
                fileRejects.sort(java.util.Comparator.comparingLong(Reject::line));
                rejects.addAll(fileRejects);
            }
            files.add(result.withDuplicates(result.rejectedWhole() ? 0 : duplicates[0]));
        }
        List<String> missing = new ArrayList<>(new TreeSet<>(banks.codes()));
        missing.removeAll(banksSeen);
        int exitCode = RunSummary.exitCode(files, missing);
        RunSummary summary = new RunSummary(true, options.asOf(), 0, null, files, missing, Map.of(), Map.of(),
                RunSummary.rosterStatus(files), null,
                exitCode);

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
}
