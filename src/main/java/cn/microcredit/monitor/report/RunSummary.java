package cn.microcredit.monitor.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.microcredit.monitor.analytics.OutlookRow;
import cn.microcredit.monitor.ingest.FileResult;
import cn.microcredit.monitor.metrics.CellResult;
import cn.microcredit.monitor.metrics.Status;
import cn.microcredit.monitor.reference.RosterReader;

/**
 * What a run did, for {@code run_summary.json}, the console and the workbooks' overview.
 *
 * @param previousAsOf    the comparison date (SPEC 5.2), or null
 * @param banksMissing    banks of banks.csv for which no ledger row was read at all
 * @param countyStatuses  number of counties per status
 * @param exceptionsByRule number of exceptions per rule code, in rule order
 * @param roster           {@code used}, {@code absent} (no roster.csv) or {@code rejected} (unusable); the roster
 *                         rules run only when it is used
 * @param validateOnly     the input was only checked (no run id, nothing stored, no metrics: province is null)
 * @param comparisonBasis  {@code month-end} or {@code previous-run}: how the comparison date was chosen; null when
 *                         nothing was compared (validate-only)
 * @param likelyPauseCounties counties whose outlook is LIKELY_PAUSE (SPEC 5.4; 0 without a comparison date)
 * @param projection       the province's projected rates (SPEC 5.4), or null without a comparison date
 */
public record RunSummary(boolean validateOnly, LocalDate asOf, long runId, LocalDate previousAsOf, List<FileResult> files,
                         List<String> banksMissing, Map<Status, Long> countyStatuses,
                         Map<String, Long> exceptionsByRule, String roster, CellResult province, int exitCode,
                         String comparisonBasis, long likelyPauseCounties, OutlookRow projection) {

    /** A summary without the analytics of SPEC 5.4 (validate-only). */
    public RunSummary(boolean validateOnly, LocalDate asOf, long runId, LocalDate previousAsOf, List<FileResult> files,
                      List<String> banksMissing, Map<Status, Long> countyStatuses,
                      Map<String, Long> exceptionsByRule, String roster, CellResult province, int exitCode,
                      String comparisonBasis) {
        this(validateOnly, asOf, runId, previousAsOf, files, banksMissing, countyStatuses, exceptionsByRule, roster,
                province, exitCode, comparisonBasis, 0, null);
    }

    /** Exit code 3: some input could not be used whole (SPEC 2). */
    public static int exitCode(List<FileResult> files, List<String> banksMissing) {
        boolean fileRejected = files.stream().anyMatch(FileResult::rejectedWhole);
        return fileRejected || !banksMissing.isEmpty() ? 3 : 0;
    }

    /** {@code used}, {@code rejected} or {@code absent}: what became of the roster among a run's files. */
    public static String rosterStatus(List<FileResult> files) {
        return files.stream().filter(f -> f.fileSeq() == RosterReader.FILE_SEQ).findFirst()
                .map(f -> f.rejectedWhole() ? "rejected" : "used").orElse("absent");
    }

    public long exceptions() {
        return exceptionsByRule.values().stream().mapToLong(Long::longValue).sum();
    }

    public long rowsRead() {
        return files.stream().mapToLong(FileResult::rowsRead).sum();
    }

    public long rowsAccepted() {
        return files.stream().mapToLong(FileResult::rowsAccepted).sum();
    }

    public long rowsRejected() {
        return files.stream().mapToLong(FileResult::rowsRejected).sum();
    }

    /** The ledger files alone, without the roster (what "loans" means to a reader). */
    public List<FileResult> ledgerFiles() {
        return files.stream().filter(f -> f.fileSeq() != RosterReader.FILE_SEQ).toList();
    }

    /** The roster file, when the run had one. */
    public java.util.Optional<FileResult> rosterFile() {
        return files.stream().filter(f -> f.fileSeq() == RosterReader.FILE_SEQ).findFirst();
    }

    public long counties(Status status) {
        return countyStatuses.getOrDefault(status, 0L);
    }
}
