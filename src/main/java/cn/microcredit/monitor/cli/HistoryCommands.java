package cn.microcredit.monitor.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.microcredit.monitor.ops.RunGuard;
import cn.microcredit.monitor.report.LoanExport;
import cn.microcredit.monitor.store.LoanSnapshotTable;
import cn.microcredit.monitor.store.RunRepository;

/**
 * {@code --history}, {@code --purge-before} and {@code --export-loans}: what the database holds, retention of its
 * personal data, and a date's stored loans as a file.
 */
@Component
public class HistoryCommands {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HistoryCommands.class);

    private final RunRepository runs;
    private final LoanSnapshotTable loanTable;
    private final LoanExport loanExport;
    private final RunGuard guard;

    public HistoryCommands(RunRepository runs, LoanSnapshotTable loanTable, LoanExport loanExport, RunGuard guard) {
        this.runs = runs;
        this.loanTable = loanTable;
        this.loanExport = loanExport;
        this.guard = guard;
    }

    public int printHistory(PrintStream out) {
        List<RunRepository.HistoryRow> rows = runs.history();
        if (rows.isEmpty()) {
            out.println("数据库中没有已保存的运行 (no stored runs)");
            return 0;
        }
        out.printf("%-10s %6s %-9s %-16s %4s %-10s %9s %9s %5s %5s%n", "as_of", "run", "status", "finished", "exit",
                "compared", "loans", "stored", "PAUSE", "WARN");
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        for (RunRepository.HistoryRow r : rows) {
            out.printf("%-10s %6d %-9s %-16s %4s %-10s %9d %9d %5d %5d%n", r.asOf(), r.runId(), r.status(),
                    r.finishedAt() == null ? "" : r.finishedAt().format(time),
                    r.exitCode() == null ? "" : r.exitCode().toString(),
                    r.comparisonAsOf() == null ? "" : r.comparisonAsOf().toString(), r.loansAccepted(),
                    r.loansStored(), r.pauseCounties(), r.warnCounties());
        }
        return 0;
    }

    /**
     * {@code --delete-date}: removes every stored run of one date (its run, metrics, exceptions, rejects, loan and
     * roster chunks, its loan_snapshot rows), under the run lock, so that a mistaken date stops polluting the comparisons of later runs. The
     * published folder OUTPUT/DATE is not touched: the job is not told where the reports went (a later run of that date
     * replaces them; until then delete the folder by hand if it is wrong).
     */
    @Transactional
    public int deleteDate(LocalDate asOf, PrintStream out) {
        int removed = runs.deleteDate(asOf);
        loanTable.deleteDate(asOf);
        log.warn("--delete-date={}: removed {} stored run(s) of that date", asOf, removed);
        out.printf("removed %d stored run(s) of %s (run, metrics, exceptions, rejects, loans); published report "
                + "folders are left as they are%n", removed, asOf);
        return 0;
    }

    /** The stored loans and, in the same transaction, the loan_snapshot rows (partitions) of those dates. */
    @Transactional
    public int purge(LocalDate before, PrintStream out) {
        long removed = runs.purgeLoansBefore(before);
        int dates = loanTable.purgeBefore(before);
        out.printf("removed %d stored loan rows of dates before %s; their metrics and exceptions are kept%n",
                removed, before);
        out.printf("removed the loan_snapshot rows of %d dates before %s%n", dates, before);
        return 0;
    }

    /**
     * Writes a date's stored loans to OUTPUT/DATE/loans_DATE.csv. Holds the run lock (on PostgreSQL too, where
     * {@code --history} does not need it): a run publishing the same date meanwhile would remove the loans being read.
     *
     * @return 0 when written, 1 when the date has no stored loans or the file could not be written
     */
    public int exportLoans(LocalDate asOf, Path output, PrintStream out, PrintStream err) {
        try (RunGuard.Lock lock = guard.acquire()) {
            LoanExport.Result result = loanExport.export(asOf, output);
            out.printf("wrote %d loans of %s (run %d) to %s%n", result.loans(), asOf, result.runId(), result.file());
            return 0;
        } catch (RunGuard.RunInProgressException e) {
            err.println("失败 FAILED: " + e.getMessage() + "；本次未导出 (nothing exported)");
            return 1;
        } catch (LoanExport.NothingStoredException e) {
            err.println("失败 FAILED: --export-loans=" + asOf + ": " + e.getMessage());
            return 1;
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            err.println("失败 FAILED: 写文件失败 (writing the export to " + output + " failed): "
                    + MonitorRunner.rootMessage(e));
            return 1;
        }
    }
}
