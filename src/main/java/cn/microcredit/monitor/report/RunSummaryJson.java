package cn.microcredit.monitor.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.microcredit.monitor.ingest.FileResult;
import cn.microcredit.monitor.metrics.Status;

/** Writes {@code run_summary.json} (SPEC 6). Small and flat, so written by hand rather than through a mapper. */
public final class RunSummaryJson {

    private RunSummaryJson() {
    }

    public static void write(RunSummary s, Path file) throws IOException {
        List<String> files = new ArrayList<>();
        for (FileResult f : s.files()) {
            files.add(object(List.of(
                    field("file", string(f.file())),
                    field("charset", string(f.charset())),
                    field("rows_read", Long.toString(f.rowsRead())),
                    field("rows_accepted", Long.toString(f.rowsAccepted())),
                    field("rows_rejected", Long.toString(f.rowsRejected())),
                    field("rejected_whole", f.rejectedWhole() ? string(f.fileReject().reason().name()) : "null"))));
        }
        List<String> rules = new ArrayList<>();
        s.exceptionsByRule().forEach((rule, n) -> rules.add(field(rule, Long.toString(n))));
        String json = object(List.of(
                field("as_of", string(s.asOf().toString())),
                field("mode", string(s.validateOnly() ? "validate-only" : "run")),
                field("run_id", s.validateOnly() ? "null" : Long.toString(s.runId())),
                field("previous_as_of", s.previousAsOf() == null ? "null" : string(s.previousAsOf().toString())),
                // SPEC 6: the comparison date under its SPEC name (previous_as_of kept for existing scripts).
                field("comparison_as_of", s.previousAsOf() == null ? "null" : string(s.previousAsOf().toString())),
                field("comparison_basis", s.comparisonBasis() == null ? "null" : string(s.comparisonBasis())),
                field("files", array(files)),
                field("rows_read", Long.toString(s.rowsRead())),
                field("rows_accepted", Long.toString(s.rowsAccepted())),
                field("rows_rejected", Long.toString(s.rowsRejected())),
                field("banks_missing", "[" + String.join(", ", s.banksMissing().stream().map(RunSummaryJson::string)
                        .toList()) + "]"),
                field("counties", s.validateOnly() ? "null" : object(List.of(
                        field("PAUSE", Long.toString(s.counties(Status.PAUSE))),
                        field("WARN", Long.toString(s.counties(Status.WARN))),
                        field("OK", Long.toString(s.counties(Status.OK))),
                        field("LIKELY_PAUSE", Long.toString(s.likelyPauseCounties()))))),
                field("province", s.province() == null ? "null" : object(List.of(
                        field("loan_count", Long.toString(s.province().figures().loanCount())),
                        field("balance", number(s.province().figures().balance())),
                        field("overdue_rate_pct", number(s.province().figures().overdueRatePct())),
                        field("npl_rate_pct", number(s.province().figures().nplRatePct())),
                        field("overdue_loan_count", Long.toString(s.province().figures().overdueLoanCount())),
                        field("npl_loan_count", Long.toString(s.province().figures().nplLoanCount())),
                        field("household_count", s.province().householdCount() == null ? "null"
                                : Long.toString(s.province().householdCount())),
                        field("projected_overdue_rate_pct",
                                s.projection() == null ? "null" : number(s.projection().projectedOverdueRatePct())),
                        field("projected_npl_rate_pct",
                                s.projection() == null ? "null" : number(s.projection().projectedNplRatePct()))))),
                field("roster", string(s.roster())),
                field("roster_rules", s.roster().equals("used") ? "\"on\"" : "\"off\""),
                field("exceptions", Long.toString(s.exceptions())),
                field("exceptions_by_rule", rules.isEmpty() ? "{}" : object(rules)),
                field("exit_code", Integer.toString(s.exitCode())))) + "\n";
        Files.writeString(file, json, StandardCharsets.UTF_8);
    }

    /** An object, one field a line, nested values indented one more level. */
    private static String object(List<String> fields) {
        return "{\n" + indent(String.join(",\n", fields)) + "\n}";
    }

    private static String array(List<String> values) {
        return values.isEmpty() ? "[]" : "[\n" + indent(String.join(",\n", values)) + "\n]";
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }

    private static String field(String name, String json) {
        return string(name) + ": " + json;
    }

    private static String number(BigDecimal d) {
        return d == null ? "null" : d.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
