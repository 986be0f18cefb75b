package cn.microcredit.monitor.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.microcredit.monitor.store.RunRepository;

/** {@code --history} and {@code --purge-before}: what the database holds, and retention of its personal data. */
@Component
public class HistoryCommands {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HistoryCommands.class);

    private final RunRepository runs;

    public HistoryCommands(RunRepository runs) {
        this.runs = runs;
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
     * roster chunks), under the run lock, so that a mistaken date stops polluting the comparisons of later runs. The
     * published folder OUTPUT/DATE is not touched: the job is not told where the reports went (a later run of that date
     * replaces them; until then delete the folder by hand if it is wrong).
     */
    public int deleteDate(LocalDate asOf, PrintStream out) {
        int removed = runs.deleteDate(asOf);
        log.warn("--delete-date={}: removed {} stored run(s) of that date", asOf, removed);
        out.printf("removed %d stored run(s) of %s (run, metrics, exceptions, rejects, loans); published report "
                + "folders are left as they are%n", removed, asOf);
        return 0;
    }

    public int purge(LocalDate before, PrintStream out) {
        long removed = runs.purgeLoansBefore(before);
        out.printf("removed %d stored loan rows of dates before %s; their metrics and exceptions are kept%n",
                removed, before);
        return 0;
    }
}
