package cn.microcredit.monitor.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The DuckDB baseline of issue 6, on the same ledger files as the job, one mode per (cold) JVM:
 * <ul>
 *   <li>{@code --mode=load}: every ledger row into a typed table of a DuckDB file database, then bank × county
 *       aggregated into a second table (loans, balance, overdue balance where {@code overdue_days > 0}, NPL balance
 *       where the classification is SUBSTANDARD, DOUBTFUL or LOSS, in English, Chinese or as 3-5);</li>
 *   <li>{@code --mode=direct}: the same aggregate straight from the CSVs, nothing stored.</li>
 * </ul>
 * GB18030 ledgers are transcoded to UTF-8 first, inside the timed part (see {@link LedgerCsv#open}). Prints one
 * machine-readable line {@code duckdb-baseline mode=... total_s=...}, times in seconds, money in yuan.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:DUCKDB_JAR cn.microcredit.monitor.bench.DuckDbBaseline \
 *      --mode=load|direct --ledgers=INPUT/ledgers --work=SCRATCH_DIR
 * </pre>
 */
public final class DuckDbBaseline {

    private static final String LEDGER_TABLE = """
            CREATE TABLE ledger (
                loan_id VARCHAR, bank_code VARCHAR, county_code VARCHAR, household_id VARCHAR,
                borrower_name VARCHAR, borrower_id_number VARCHAR, issue_date DATE, maturity_date DATE,
                amount DECIMAL(18, 2), balance DECIMAL(18, 2), annual_rate DECIMAL(12, 6), overdue_days INTEGER,
                classification VARCHAR, renewal_count INTEGER, purpose_code VARCHAR, guarantee VARCHAR,
                large_need VARCHAR)
            """;

    /** Bank × county figures over a relation {@code %s} of typed ledger rows. */
    private static final String BANK_COUNTY = """
            SELECT bank_code, county_code,
                   count(*) AS loans,
                   sum(balance) AS balance_yuan,
                   coalesce(sum(balance) FILTER (WHERE overdue_days > 0), 0) AS overdue_balance_yuan,
                   coalesce(sum(balance) FILTER (WHERE classification IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS')), 0)
                       AS npl_balance_yuan
            FROM %s
            GROUP BY bank_code, county_code
            """;

    private static final String TOTALS = """
            SELECT count(*), sum(loans), sum(balance_yuan), sum(overdue_balance_yuan), sum(npl_balance_yuan) FROM %s
            """;

    private DuckDbBaseline() {
    }

    public static void main(String[] args) throws Exception {
        String mode = option(args, "mode", "load");
        Path ledgers = Path.of(option(args, "ledgers", null));
        Path work = Path.of(option(args, "work", "/tmp/microcredit-bench/duckdb"));
        if (!mode.equals("load") && !mode.equals("direct")) {
            throw new IllegalArgumentException("--mode=load or --mode=direct, not " + mode);
        }
        Path scratch = work.resolve(mode);
        deleteTree(scratch);
        Files.createDirectories(scratch);

        long start = System.nanoTime();
        List<LedgerCsv> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(ledgers)) {
            for (Path file : listing.filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .sorted().toList()) {
                files.add(LedgerCsv.open(file, scratch));
            }
        }
        long prepared = System.nanoTime();
        String rows = String.join("\nUNION ALL\n", files.stream().map(LedgerCsv::select).toList());

        String url = mode.equals("load") ? "jdbc:duckdb:" + scratch.resolve("baseline.duckdb") : "jdbc:duckdb:";
        long loaded;
        Totals totals;
        try (Connection db = DriverManager.getConnection(url); Statement sql = db.createStatement()) {
            if (mode.equals("load")) {
                sql.execute(LEDGER_TABLE);
                sql.execute("INSERT INTO ledger\n" + rows);
                sql.execute("CHECKPOINT");
                loaded = System.nanoTime();
                sql.execute("CREATE TABLE bank_county AS " + BANK_COUNTY.formatted("ledger"));
                sql.execute("CHECKPOINT");
                totals = totals(sql, "bank_county");
            } else {
                loaded = prepared;
                totals = totals(sql, "(" + BANK_COUNTY.formatted("(" + rows + ")") + ")");
            }
        }
        long end = System.nanoTime();

        for (LedgerCsv file : files) {
            System.out.printf(Locale.ROOT, "duckdb-file name=%s charset=%s transcoded=%s%n",
                    file.source().getFileName(), file.charset().name(), file.transcoded());
        }
        System.out.printf(Locale.ROOT,
                "duckdb-baseline mode=%s files=%d transcoded=%d rows=%d cells=%d balance_yuan=%s overdue_yuan=%s"
                        + " npl_yuan=%s prepare_s=%.3f load_s=%.3f aggregate_s=%.3f total_s=%.3f%n",
                mode, files.size(), files.stream().filter(LedgerCsv::transcoded).count(), totals.rows, totals.cells,
                totals.balance.toPlainString(), totals.overdue.toPlainString(), totals.npl.toPlainString(),
                seconds(prepared - start), seconds(loaded - prepared), seconds(end - loaded), seconds(end - start));
    }

    private record Totals(long cells, long rows, BigDecimal balance, BigDecimal overdue, BigDecimal npl) {
    }

    private static Totals totals(Statement sql, String relation) throws SQLException {
        try (ResultSet rs = sql.executeQuery(TOTALS.formatted(relation))) {
            rs.next();
            return new Totals(rs.getLong(1), rs.getLong(2), orZero(rs.getBigDecimal(3)), orZero(rs.getBigDecimal(4)),
                    orZero(rs.getBigDecimal(5)));
        }
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String option(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        if (fallback == null) {
            throw new IllegalArgumentException("--" + name + "=... is required");
        }
        return fallback;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
