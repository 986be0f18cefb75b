package cn.microcredit.monitor.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How dense the timed date's breaches are, from the job's own output folder {@code OUT/DATE/}: the rows of
 * {@code exceptions.csv} (one per loan and rule, SPEC 5.3), the distinct loans among them (bank code, loan id), per
 * rule, and the ledger rows accepted (the ledger files of {@code run_summary.json}, the roster left out). Missing files
 * give -1 and empty values, so that a report still prints what was measured.
 */
record BreachDensity(long exceptions, long loans, Map<String, Long> byRule, OptionalLong ledgerRowsAccepted) {

    private static final Pattern FILE = Pattern.compile("\"file\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern ROWS_ACCEPTED = Pattern.compile("\"rows_accepted\"\\s*:\\s*(\\d+)");

    static BreachDensity read(Path dateFolder) throws IOException {
        long rows = -1;
        Set<String> loans = new HashSet<>();
        Map<String, Long> byRule = new TreeMap<>();
        Path exceptions = dateFolder.resolve("exceptions.csv");
        if (Files.isRegularFile(exceptions)) {
            rows = 0;
            try (BufferedReader in = Files.newBufferedReader(exceptions, StandardCharsets.UTF_8)) {
                in.readLine(); // header
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.isEmpty()) {
                        continue;
                    }
                    // as_of, bank_code, loan_id, county_code, household_id, rule, severity, detail
                    String[] f = firstFields(line, 6);
                    rows++;
                    loans.add(f[1] + '\u0000' + f[2]);
                    byRule.merge(f[5], 1L, Long::sum);
                }
            }
        }
        return new BreachDensity(rows, rows < 0 ? -1 : loans.size(), byRule,
                ledgerRowsAccepted(dateFolder.resolve("run_summary.json")));
    }

    /** Distinct loans with an exception, in percent of the ledger rows accepted; NaN when either is unknown. */
    double loanSharePct() {
        return loans < 0 || ledgerRowsAccepted.isEmpty() || ledgerRowsAccepted.getAsLong() == 0 ? Double.NaN
                : loans * 100.0 / ledgerRowsAccepted.getAsLong();
    }

    /** The sum of {@code rows_accepted} of the files of run_summary.json that are not the roster. */
    static OptionalLong ledgerRowsAccepted(Path summary) throws IOException {
        if (!Files.isRegularFile(summary)) {
            return OptionalLong.empty();
        }
        long sum = 0;
        boolean any = false;
        String file = null;
        for (String line : Files.readAllLines(summary, StandardCharsets.UTF_8)) {
            Matcher m = FILE.matcher(line);
            if (m.find()) {
                file = m.group(1);
                continue;
            }
            m = ROWS_ACCEPTED.matcher(line);
            if (m.find() && file != null) { // the run's own total comes after the files, with no file before it
                if (!file.toLowerCase(java.util.Locale.ROOT).contains("roster")) {
                    sum += Long.parseLong(m.group(1));
                    any = true;
                }
                file = null;
            }
        }
        return any ? OptionalLong.of(sum) : OptionalLong.empty();
    }

    /** The first n fields of a CSV line (RFC 4180 quotes; the job's CSVs hold no line breaks inside a field). */
    static String[] firstFields(String line, int n) {
        String[] fields = new String[n];
        java.util.Arrays.fill(fields, "");
        StringBuilder field = new StringBuilder();
        int f = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length() && f < n; i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields[f++] = field.toString();
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (f < n) {
            fields[f] = field.toString();
        }
        return fields;
    }
}
