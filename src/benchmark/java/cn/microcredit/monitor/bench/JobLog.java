package cn.microcredit.monitor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a run of the job logged, read loosely so that renamed, added or removed steps and small changes of wording do
 * not break the benchmark: a step is any line that names something and ends with a time ({@code X completed in 1.7 s},
 * Spring Batch's {@code Step: [X] executed in 1s703ms}, or {@code step X ... 1234 ms}); its rows are the largest
 * {@code N rows} / {@code N ledger rows} mentioned since the previous step ended (never {@code N rows/s}).
 */
record JobLog(List<Step> steps, OptionalLong ledgerRowsLoaded, List<FileCount> files) {

    /** A step's wall time in seconds and the rows it mentioned (empty when it mentioned none). */
    record Step(String name, double seconds, OptionalLong rows) {
    }

    /** One line of the job's per-file console table. */
    record FileCount(String file, long read, long accepted, long rejected) {

        boolean ledger() {
            return !file.toLowerCase(Locale.ROOT).contains("roster");
        }
    }

    private static final String NUMBER = "(\\d{1,3}(?:,\\d{3})+|\\d+)";
    private static final Pattern STEP_ENDED = Pattern.compile(
            "([A-Za-z][\\w.-]*)\\s+(?:completed|failed|stopped|abandoned|finished|done|ended|unknown)\\s+in\\s+"
                    + "(\\d+(?:\\.\\d+)?)\\s*(ms|s|min)\\b");
    private static final Pattern SPRING_BATCH_STEP = Pattern.compile(
            "Step: \\[([^\\]]+)\\] executed in ((?:\\d+(?:h|ms|m|s))+)");
    private static final Pattern ANY_STEP = Pattern.compile(
            "(?i)\\bstep\\b(?!')\\W*\\[?([A-Za-z][\\w.-]*)\\]?.*?\\b(\\d+(?:\\.\\d+)?)\\s*(ms|s|min)\\b(?!\\s*/)");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(h|ms|m|s)");
    private static final Pattern ROWS = Pattern.compile(NUMBER + "\\s+(?:[A-Za-z]+\\s+)?rows\\b(?!\\s*/)");
    private static final Pattern LEDGER_ROWS_LOADED = Pattern.compile("loaded\\s+" + NUMBER + "\\s+ledger\\s+rows");
    private static final Pattern TABLE_LINE = Pattern.compile("^\\s+(\\S.*?)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*$");

    static JobLog read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new JobLog(List.of(), OptionalLong.empty(), List.of());
        }
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    static JobLog parse(List<String> lines) {
        Map<String, Step> steps = new LinkedHashMap<>();
        List<FileCount> files = new ArrayList<>();
        OptionalLong loaded = OptionalLong.empty();
        long windowRows = -1;
        for (String line : lines) {
            Step ended = stepEnded(line, windowRows);
            if (ended != null) {
                steps.putIfAbsent(ended.name(), ended);
                windowRows = -1;
                continue;
            }
            Matcher rows = ROWS.matcher(line);
            while (rows.find()) {
                windowRows = Math.max(windowRows, number(rows.group(1)));
            }
            Matcher m = LEDGER_ROWS_LOADED.matcher(line);
            if (m.find()) {
                loaded = OptionalLong.of(number(m.group(1)));
            }
            m = TABLE_LINE.matcher(line);
            if (m.matches() && !m.group(1).equalsIgnoreCase("total") && !m.group(1).equals("file")) {
                files.add(new FileCount(m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                        Long.parseLong(m.group(4))));
            }
        }
        return new JobLog(List.copyOf(steps.values()), loaded, List.copyOf(files));
    }

    /** Ledger rows: the job's "loaded N ledger rows" line, else the ledger lines of its console table. */
    OptionalLong ledgerRows() {
        if (ledgerRowsLoaded.isPresent()) {
            return ledgerRowsLoaded;
        }
        List<FileCount> ledgers = files.stream().filter(FileCount::ledger).toList();
        return ledgers.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(ledgers.stream().mapToLong(FileCount::read).sum());
    }

    long rosterRows() {
        return files.stream().filter(f -> !f.ledger()).mapToLong(FileCount::read).sum();
    }

    private static Step stepEnded(String line, long windowRows) {
        OptionalLong rows = windowRows < 0 ? OptionalLong.empty() : OptionalLong.of(windowRows);
        Matcher m = SPRING_BATCH_STEP.matcher(line);
        if (m.find()) {
            double seconds = 0;
            Matcher part = DURATION_PART.matcher(m.group(2));
            while (part.find()) {
                seconds += Long.parseLong(part.group(1)) * switch (part.group(2)) {
                    case "h" -> 3600.0;
                    case "m" -> 60.0;
                    case "s" -> 1.0;
                    default -> 0.001;
                };
            }
            return new Step(m.group(1), seconds, rows);
        }
        m = STEP_ENDED.matcher(line);
        if (m.find()) {
            return new Step(m.group(1), seconds(m.group(2), m.group(3)), rows);
        }
        m = ANY_STEP.matcher(line);
        if (m.find()) {
            return new Step(m.group(1), seconds(m.group(2), m.group(3)), rows);
        }
        return null;
    }

    private static double seconds(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "ms" -> v / 1000;
            case "min" -> v * 60;
            default -> v;
        };
    }

    private static long number(String text) {
        return Long.parseLong(text.replace(",", ""));
    }
}
