package cn.microcredit.monitor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Turns the files one run of {@code scripts/benchmark.sh} left in its run folder into Markdown tables and a last
 * machine-readable line {@code benchmark-result ...}. Each process was timed by {@code /usr/bin/time -v}:
 * {@code job-first} (the first date, so that the timed date has history), {@code job} (the timed date),
 * {@code validate} ({@code --validate-only} on the timed date), {@code duckdb-load} and {@code duckdb-direct}. Whatever
 * is missing prints as "—" rather than failing the report. The breach density of the timed date (exceptions, distinct
 * loans with one, their share of the ledger rows accepted) is read from the job's output, {@code OUT/DATE/}
 * ({@code --out}, default {@code RUN/out}).
 *
 * <pre>
 * java -cp target/test-classes cn.microcredit.monitor.bench.BenchmarkReport --run=DIR --loans=N --heap=TEXT
 *      --date=YYYY-MM-DD --first-date=YYYY-MM-DD [--out=DIR] [--data=realistic|plain]
 * </pre>
 */
public final class BenchmarkReport {

    /** Issue 6: the whole job at 1 M loans within this many times DuckDB's load-and-aggregate, same files, same run. */
    static final double TARGET_RATIO = 3.0;
    /** Issue 6: ingest and validation alone at least this many rows per second. */
    static final double TARGET_INGEST_ROWS_PER_S = 400_000;

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        Path run = Path.of(options.getOrDefault("run", "."));
        String loans = options.getOrDefault("loans", "?");
        String heap = options.getOrDefault("heap", "default heap");
        String date = options.getOrDefault("date", "?");
        String firstDate = options.getOrDefault("first-date", "?");
        String data = options.getOrDefault("data", "?");
        Path output = Path.of(options.getOrDefault("out", run.resolve("out").toString()));

        JobLog job = JobLog.read(run.resolve("job.log"));
        ProcessTime jobTime = ProcessTime.read(run.resolve("job.time"));
        ProcessTime firstTime = ProcessTime.read(run.resolve("job-first.time"));
        JobLog validate = JobLog.read(run.resolve("validate.log"));
        ProcessTime validateTime = ProcessTime.read(run.resolve("validate.time"));
        Map<String, String> duckLoad = duckdbLine(run.resolve("duckdb-load.log"));
        ProcessTime duckLoadTime = ProcessTime.read(run.resolve("duckdb-load.time"));
        Map<String, String> duckDirect = duckdbLine(run.resolve("duckdb-direct.log"));
        ProcessTime duckDirectTime = ProcessTime.read(run.resolve("duckdb-direct.time"));
        BreachDensity breaches = BreachDensity.read(output.resolve(date));

        OptionalLong ledgerRows = job.ledgerRows();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "### Whole job, %s (after %s), %s loans, %s%n%n", date, firstDate,
                grouped(loans), heap));
        out.append("| stage (Spring Batch step) | time | rows | rows/s |\n|---|---:|---:|---:|\n");
        double stepSum = 0;
        for (JobLog.Step step : job.steps()) {
            stepSum += step.seconds();
            boolean own = step.rows().isPresent();
            OptionalLong rows = own ? step.rows() : ledgerRows;
            String count = rows.isPresent() ? grouped(rows.getAsLong()) + (own ? "" : " ledger rows") : "—";
            String rate = rate(rows, step.seconds());
            out.append(own || rows.isEmpty() ? row(step.name(), seconds(step.seconds()), count, rate)
                    : row(step.name(), seconds(step.seconds()), "(" + count + ")", rate.equals("—") ? rate
                            : "(" + rate + ")"));
        }
        out.append(row("sum of the steps", seconds(stepSum), "", ""));
        out.append(row("**whole job, wall** (cold JVM, Spring start-up included)", bold(seconds(jobTime.wallSeconds())),
                ledgerRows.isPresent() ? grouped(ledgerRows.getAsLong()) + " ledger rows" : "—",
                rate(ledgerRows, jobTime.wallSeconds())));
        out.append(row("max RSS", megabytes(jobTime.maxRssKib()), "", ""));
        out.append(String.format(Locale.ROOT, "%nIn parentheses: the step logged no row count of its own, so its rate"
                + " is per ledger row of the run. Exit status %s (0 clean; 3 = some input not used whole: in the plain"
                + " data set a bank of banks.csv sends no ledger, as the generator makes it).%n%n", status(jobTime)));
        out.append(reportParts(run.resolve("job.log")));
        out.append(breachLine(date, data, breaches));

        out.append("### Around it, same run\n\n");
        out.append("| measure | wall | max RSS | rows | rows/s |\n|---|---:|---:|---:|---:|\n");
        out.append(row("whole job, first date " + firstDate + " (empty database)", seconds(firstTime.wallSeconds()),
                megabytes(firstTime.maxRssKib()), "", ""));
        OptionalLong validatedLedger = validate.ledgerRows();
        long validatedAll = validatedLedger.orElse(0) + validate.rosterRows();
        out.append(row("ingest + validation alone (`--validate-only`, " + date + ", JVM start included)",
                seconds(validateTime.wallSeconds()), megabytes(validateTime.maxRssKib()),
                validatedLedger.isPresent()
                        ? grouped(validatedLedger.getAsLong()) + " ledger + " + grouped(validate.rosterRows())
                                + " roster"
                        : "—",
                rate(validatedLedger, validateTime.wallSeconds()) + " ledger; "
                        + rate(OptionalLong.of(validatedAll), validateTime.wallSeconds()) + " all"));
        out.append(duckdbRow("DuckDB: into a file database, then bank × county (own JVM)", duckLoad, duckLoadTime));
        out.append(duckdbRow("DuckDB: bank × county straight from the CSVs (own JVM)", duckDirect, duckDirectTime));

        // a job that failed early is fast: no ratio from it
        boolean jobCompleted = jobTime.exitStatus() == 0 || jobTime.exitStatus() == 3;
        double ratio = jobCompleted ? jobTime.wallSeconds() / duckLoadTime.wallSeconds() : Double.NaN;
        double inProcessRatio = jobCompleted ? jobTime.wallSeconds() / number(duckLoad.get("total_s")) : Double.NaN;
        double validateRate = validatedLedger.isPresent()
                ? validatedLedger.getAsLong() / validateTime.wallSeconds() : Double.NaN;
        out.append(jobCompleted
                ? String.format(Locale.ROOT, "%n**ratio whole job / DuckDB load-and-aggregate: %s** "
                        + "(process walls; %s against DuckDB's in-process time)%n%n", times(ratio),
                        times(inProcessRatio))
                : String.format(Locale.ROOT, "%n**the job did not complete (exit status %s): no ratio**%n%n",
                        status(jobTime)));
        out.append("| target | measured here | met |\n|---|---:|---|\n");
        out.append(row("issue 16: whole job ≤ 3 × DuckDB load-and-aggregate (at 1,000,000 loans, realistic data)",
                times(ratio),
                met(ratio, ratio <= TARGET_RATIO) + (loans.equals("1000000") ? "" : " (this run: " + grouped(loans)
                        + " loans)")));
        out.append(row("issue 6: ingest + validation alone ≥ 400,000 rows/s", rate(validatedLedger,
                validateTime.wallSeconds()) + " ledger rows/s", met(validateRate, validateRate >= TARGET_INGEST_ROWS_PER_S)));
        out.append(String.format(Locale.ROOT, "%nbenchmark-result loans=%s heap=%s job_wall_s=%.1f job_max_rss_kib=%d"
                        + " first_date_wall_s=%.1f validate_wall_s=%.1f validate_ledger_rows_per_s=%.0f"
                        + " duckdb_load_wall_s=%.2f duckdb_direct_wall_s=%.2f ratio=%.2f job_exit=%d"
                        + " data=%s exceptions=%d breaching_loans=%d ledger_rows_accepted=%d breach_share_pct=%.2f%n",
                loans, heap.replace(' ', '_'), jobTime.wallSeconds(), jobTime.maxRssKib(), firstTime.wallSeconds(),
                validateTime.wallSeconds(), validateRate, duckLoadTime.wallSeconds(), duckDirectTime.wallSeconds(),
                ratio, jobTime.exitStatus(), data, breaches.exceptions(), breaches.loans(),
                breaches.ledgerRowsAccepted().orElse(-1), breaches.loanSharePct()));
        System.out.print(out);
    }

    /** The report step's own lines (its parts; each workbook kind's time), as the job logged them. */
    private static String reportParts(Path log) throws java.io.IOException {
        if (!Files.isRegularFile(log)) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String line : Files.readAllLines(log, java.nio.charset.StandardCharsets.UTF_8)) {
            int at = line.indexOf("ReportTasklet - report: ");
            at = at >= 0 ? at : line.indexOf("ExcelReports - workbooks: ");
            if (at >= 0) {
                out.append("- reportStep, ").append(line.substring(line.indexOf(" - ", at) + 3)).append('\n');
            }
        }
        return out.length() == 0 ? "" : out.append('\n').toString();
    }

    /** The timed date's breaches: what the report step has to write, and how the data set compares to real ledgers. */
    static String breachLine(String date, String data, BreachDensity b) {
        if (b.exceptions() < 0) {
            return String.format(Locale.ROOT, "Breaches on %s: — (no exceptions.csv in the job's output).%n%n", date);
        }
        StringBuilder byRule = new StringBuilder();
        b.byRule().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> byRule.append(byRule.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
                        .append(grouped(e.getValue())));
        double share = b.loanSharePct();
        return String.format(Locale.ROOT, "Breaches on %s (%s data set): **%s exceptions** (rows of exceptions.csv) on"
                        + " %s loans, **%s of the %s ledger rows accepted**. By rule: %s.%n%n", date, data,
                grouped(b.exceptions()), grouped(b.loans()),
                Double.isNaN(share) ? "—" : String.format(Locale.ROOT, "%.2f %%", share),
                b.ledgerRowsAccepted().isPresent() ? grouped(b.ledgerRowsAccepted().getAsLong()) : "—",
                byRule.length() == 0 ? "none" : byRule);
    }

    private static String duckdbRow(String label, Map<String, String> line, ProcessTime time) {
        String inProcess = line.isEmpty() ? "" : String.format(Locale.ROOT,
                " (in process %s: GB18030 transcoding and headers %s, load %s, aggregate %s)",
                seconds(number(line.get("total_s"))), seconds(number(line.get("prepare_s"))),
                seconds(number(line.get("load_s"))), seconds(number(line.get("aggregate_s"))));
        OptionalLong rows = line.containsKey("rows") ? OptionalLong.of(Long.parseLong(line.get("rows")))
                : OptionalLong.empty();
        return row(label, seconds(time.wallSeconds()) + inProcess, megabytes(time.maxRssKib()),
                rows.isPresent() ? grouped(rows.getAsLong()) + " in " + line.get("cells") + " cells" : "—",
                rate(rows, time.wallSeconds()));
    }

    /** The {@code key=value} pairs of the {@code duckdb-baseline} line of a log, empty if there is none. */
    static Map<String, String> duckdbLine(Path log) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(log)) {
            return values;
        }
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.startsWith("duckdb-baseline ")) {
                for (String pair : line.substring("duckdb-baseline ".length()).trim().split("\\s+")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        values.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                }
            }
        }
        return values;
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String seconds(double s) {
        if (Double.isNaN(s)) {
            return "—";
        }
        return String.format(Locale.ROOT, s < 10 ? "%.2f s" : "%.1f s", s);
    }

    private static String megabytes(long kib) {
        return kib < 0 ? "—" : String.format(Locale.ROOT, "%,d MB", Math.round(kib * 1024 / 1e6));
    }

    private static String rate(OptionalLong rows, double seconds) {
        if (rows.isEmpty() || Double.isNaN(seconds) || seconds < 0.05) {
            return "—";
        }
        return String.format(Locale.ROOT, "%,d", Math.round(rows.getAsLong() / seconds));
    }

    private static String times(double ratio) {
        return Double.isNaN(ratio) || Double.isInfinite(ratio) ? "—" : String.format(Locale.ROOT, "%.1f ×", ratio);
    }

    private static String met(double measured, boolean met) {
        return Double.isNaN(measured) ? "—" : met ? "yes" : "no";
    }

    private static String bold(String text) {
        return "**" + text + "**";
    }

    private static String status(ProcessTime time) {
        return time.exitStatus() < 0 ? "unknown" : Integer.toString(time.exitStatus());
    }

    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String grouped(String n) {
        try {
            return grouped(Long.parseLong(n));
        } catch (NumberFormatException e) {
            return n;
        }
    }

    private static double number(String text) {
        try {
            return text == null ? Double.NaN : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return options;
    }
}
