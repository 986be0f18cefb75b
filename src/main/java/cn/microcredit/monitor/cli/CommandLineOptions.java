package cn.microcredit.monitor.cli;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.microcredit.monitor.metrics.ComparisonBasis;
import cn.microcredit.monitor.metrics.MonitorRules;


/**
 * The command line of SPEC 2, checked before anything starts:
 * {@code --input=DIR [--as-of=YYYY-MM-DD] [--output=DIR] [--db=JDBC-URL] [--counties=FILE]
 * [--monitor.rules.NAME=VALUE]... [--monitor.store.loan-table=true|false] [--validate-only] | --help}, and the
 * commands on the database alone: {@code --history}, {@code --purge-before=DATE},
 * {@code --export-loans=DATE [--output=DIR]}.
 *
 * @param exportLoans the date whose stored loans {@code --export-loans} writes, else null
 * @param loanTable   {@code --monitor.store.loan-table}, or null for the database's default
 */
public record CommandLineOptions(boolean help, boolean validateOnly, boolean history, LocalDate purgeBefore, Path input,
                                 LocalDate asOf, Path output, String dbUrl, Path counties,
                                 Map<String, String> ruleOverrides, Path logDir, Path outbox, LocalDate exportLoans,
                                 Boolean loanTable) {

    public static final String DEFAULT_DB = "jdbc:h2:file:./data/microcredit";
    private static final String RULES_PREFIX = "monitor.rules.";
    private static final String LOAN_TABLE = "monitor.store.loan-table";
    private static final Set<String> VALUE_OPTIONS = Set.of("input", "as-of", "output", "db", "counties",
            "purge-before", "log-dir", "outbox", "delete-date", "export-loans", LOAN_TABLE);

    /** Rule parameter names in kebab case, from the components of {@link MonitorRules}. */
    static final Set<String> RULE_NAMES = Arrays.stream(MonitorRules.class.getRecordComponents())
            .map(c -> kebab(c.getName()))
            .collect(Collectors.toCollection(java.util.TreeSet::new));

    private static String kebab(String camel) {
        return camel.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }

    public static CommandLineOptions parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> rules = new LinkedHashMap<>();
        boolean help = false;
        boolean validateOnly = false;
        boolean history = false;
        for (String arg : args) {
            if (arg.equals("--history")) {
                history = true;
                continue;
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (arg.equals("--validate-only")) {
                validateOnly = true;
                continue;
            }
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new UsageException("无法识别的参数 '" + arg + "'：参数形如 --name=value");
            }
            String name = arg.substring(2, arg.indexOf('='));
            String value = arg.substring(arg.indexOf('=') + 1).trim();
            if (name.startsWith(RULES_PREFIX)) {
                rules.put(name.substring(RULES_PREFIX.length()), checkRule(name, value));
            } else if (VALUE_OPTIONS.contains(name)) {
                if (values.put(name, value) != null) {
                    throw new UsageException("参数 --" + name + " 给了不止一次");
                }
            } else {
                throw new UsageException("未知参数 --" + name);
            }
        }
        if (help) {
            return new CommandLineOptions(true, false, false, null, null, null, null, null, null, Map.of(), null, null,
                    null, null);
        }
        String db = values.getOrDefault("db", DEFAULT_DB);
        if (!db.startsWith("jdbc:")) {
            throw new UsageException("--db: '" + db + "' 不是 JDBC URL（应以 jdbc: 开头）");
        }
        if (db.toUpperCase(java.util.Locale.ROOT).replace(" ", "").contains("AUTO_SERVER=TRUE")) {
            // H2's automatic mixed mode starts a TCP server on the database, which holds personal data.
            throw new UsageException("--db: AUTO_SERVER=TRUE 会把数据库开放到网络上，不允许 (would open the database to the "
                    + "network)");
        }
        String lower = db.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("jdbc:h2:tcp:") || lower.startsWith("jdbc:h2:ssl:")) {
            // Several processes may share an H2 server, and nothing would keep two runs apart: the one-run-at-a-time
            // guard rests on H2's file lock (embedded) or on PostgreSQL's advisory lock.
            throw new UsageException("--db: 不支持 H2 服务器模式 (jdbc:h2:tcp:/ssl:)：无法保证同一时间只运行一次任务；"
                    + "请用嵌入式 jdbc:h2:file: 或 PostgreSQL (an H2 server cannot keep two runs apart; use jdbc:h2:file: "
                    + "or PostgreSQL)");
        }
        Path logDir = writableFolder(values.get("log-dir"), "--log-dir");
        Boolean loanTable = loanTable(values.get(LOAN_TABLE));
        if (values.containsKey("export-loans")) {
            if (values.containsKey("input") || validateOnly || history || values.containsKey("purge-before")
                    || values.containsKey("delete-date")) {
                throw new UsageException("--export-loans 单独使用（只与 --output、--db 一起），不与 --input、--history、"
                        + "--purge-before、--delete-date 或 --validate-only 同用");
            }
            LocalDate date = date(values.get("export-loans"), "--export-loans");
            Path output = Path.of(values.getOrDefault("output", "out")).toAbsolutePath().normalize();
            return new CommandLineOptions(false, false, false, null, null, null, output, db, null, Map.of(), logDir,
                    null, date, null);
        }
        if (history || values.containsKey("purge-before") || values.containsKey("delete-date")) {
            if (values.containsKey("input") || validateOnly || (history ? 1 : 0) + (values.containsKey("purge-before")
                    ? 1 : 0) + (values.containsKey("delete-date") ? 1 : 0) > 1) {
                throw new UsageException("--history 与 --purge-before 单独使用（只与 --db 一起），不与 --input 或彼此同用");
            }
            LocalDate purge = null;
            if (values.containsKey("purge-before")) {
                try {
                    purge = LocalDate.parse(values.get("purge-before"));
                } catch (DateTimeParseException e) {
                    throw new UsageException("--purge-before: '" + values.get("purge-before") + "' 不是 YYYY-MM-DD 日期");
                }
            }
            return new CommandLineOptions(false, false, history, purge, null, null, null, db, null, Map.of(), logDir,
                    null, null, null);
        }
        String inputText = values.get("input");
        if (inputText == null || inputText.isEmpty()) {
            throw new UsageException("缺少必需参数 --input=DIR（某一数据日期的输入文件夹）");
        }
        Path input = Path.of(inputText).toAbsolutePath().normalize();
        if (!Files.isDirectory(input)) {
            throw new UsageException("--input: 文件夹不存在: " + input);
        }
        if (!Files.isReadable(input)) {
            throw new UsageException("--input: 文件夹不可读: " + input);
        }
        LocalDate asOf = asOf(values.get("as-of"), input);
        AsOfCheck.notTooFarAhead(asOf, LocalDate.now(), values.containsKey("as-of") ? "--as-of" : "--input 的文件夹名");
        Path output = Path.of(values.getOrDefault("output", "out")).toAbsolutePath().normalize();
        Path counties = null;
        if (values.containsKey("counties")) {
            counties = Path.of(values.get("counties")).toAbsolutePath().normalize();
            String notRegular = cn.microcredit.monitor.ingest.InputFiles.notRegular(counties);
            if (notRegular != null) {
                throw new UsageException("--counties: " + counties + ": " + notRegular);
            }
        }
        Path outbox = writableFolder(values.get("outbox"), "--outbox");
        return new CommandLineOptions(false, validateOnly, false, null, input, asOf, output, db, counties,
                Map.copyOf(rules), logDir, outbox, null, loanTable);
    }

    private static LocalDate date(String given, String option) {
        try {
            return LocalDate.parse(given);
        } catch (DateTimeParseException e) {
            throw new UsageException(option + ": '" + given + "' 不是 YYYY-MM-DD 日期");
        }
    }

    private static Boolean loanTable(String given) {
        if (given == null) {
            return null;
        }
        if (!given.equals("true") && !given.equals("false")) {
            throw new UsageException("--" + LOAN_TABLE + ": '" + given + "' 应为 true 或 false");
        }
        return Boolean.valueOf(given);
    }

    /** A folder given on the command line, created if absent; it must be writable. Null when not given. */
    private static Path writableFolder(String given, String option) {
        if (given == null) {
            return null;
        }
        Path dir = Path.of(given).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new UsageException(option + ": 无法创建文件夹 " + dir + " (" + e.getMessage() + ")");
        }
        if (!Files.isWritable(dir)) {
            throw new UsageException(option + ": 文件夹不可写: " + dir);
        }
        return dir;
    }

    private static LocalDate asOf(String given, Path input) {
        if (given != null) {
            try {
                return LocalDate.parse(given);
            } catch (DateTimeParseException e) {
                throw new UsageException("--as-of: '" + given + "' 不是 YYYY-MM-DD 日期");
            }
        }
        // The filesystem root has no file name.
        String folder = input.getFileName() == null ? input.toString() : input.getFileName().toString();
        try {
            return LocalDate.parse(folder);
        } catch (DateTimeParseException e) {
            throw new UsageException("缺少 --as-of：输入文件夹名 '" + folder
                    + "' 不是 YYYY-MM-DD 日期，请用 --as-of=YYYY-MM-DD 指定数据日期");
        }
    }

    /** {@code --delete-date=YYYY-MM-DD}, or null: the stored date to remove (issue 17, item 8). */
    public static LocalDate deleteDate(String... args) {
        for (String arg : args) {
            if (arg.startsWith("--delete-date=")) {
                try {
                    return LocalDate.parse(arg.substring("--delete-date=".length()).trim());
                } catch (DateTimeParseException e) {
                    throw new UsageException("--delete-date: '" + arg.substring("--delete-date=".length())
                            + "' 不是 YYYY-MM-DD 日期");
                }
            }
        }
        return null;
    }

    private static String checkRule(String name, String value) {
        String rule = name.substring(RULES_PREFIX.length());
        if (!RULE_NAMES.contains(rule)) {
            throw new UsageException("未知规则参数 --" + name + "；可用: " + String.join(", ", RULE_NAMES));
        }
        Class<?> type = Arrays.stream(MonitorRules.class.getRecordComponents())
                .filter(c -> kebab(c.getName()).equals(rule)).findFirst().orElseThrow().getType();
        if (type == ComparisonBasis.class) {
            if (ComparisonBasis.of(value).isEmpty()) {
                throw new UsageException("规则参数 --" + name + " 应为 month-end（默认，与上月末或之前最近一期比较）或 "
                        + "previous-run（与最近一期比较）: '" + value + "'");
            }
            return value;
        }
        boolean whole = type == int.class;
        try {
            BigDecimal number = new BigDecimal(value);
            if (number.signum() < 0) {
                throw new UsageException("规则参数 --" + name + " 不能为负: " + value);
            }
            if (whole && number.stripTrailingZeros().scale() > 0) {
                throw new UsageException("规则参数 --" + name + " 应为整数: " + value);
            }
        } catch (NumberFormatException e) {
            throw new UsageException("规则参数 --" + name + " 不是数值: '" + value + "'");
        }
        return value;
    }

    /** Breaks a list at word boundaries into lines of at most {@code width} characters. */
    private static String wrap(String text, int width, String newline) {
        StringBuilder out = new StringBuilder();
        int lineLength = 0;
        for (String word : text.split(" ")) {
            if (lineLength > 0 && lineLength + 1 + word.length() > width) {
                out.append(newline);
                lineLength = 0;
            } else if (lineLength > 0) {
                out.append(' ');
                lineLength++;
            }
            out.append(word);
            lineLength += word.length();
        }
        return out.toString();
    }

    /** Spring Boot property arguments for the application context. */
    public String[] springArguments() {
        var args = new java.util.ArrayList<String>();
        args.add("--spring.datasource.url=" + withH2Settings(dbUrl, Runtime.getRuntime().maxMemory()));
        ruleOverrides.forEach((k, v) -> args.add("--" + RULES_PREFIX + k + "=" + v));
        if (loanTable != null) {
            args.add("--" + LOAN_TABLE + "=" + loanTable);
        }
        if (logDir != null) {
            args.add("--logging.file.name=" + logDir.resolve("microcredit-monitor.log"));
        }
        return args.toArray(String[]::new);
    }

    /** Rows of a query's result H2 keeps in memory per GB of heap ({@code MAX_MEMORY_ROWS}); H2's default is 40,000. */
    static final long H2_MEMORY_ROWS_PER_GB = 150_000;

    /**
     * Settings for an H2 file database, unless the URL sets them itself.
     * <ul>
     * <li>{@code DB_CLOSE_ON_EXIT=FALSE}: H2's own shutdown hook would close the database, but after a SIGTERM the
     * stopping run still needs it to record that it stopped (see StopOnSignal). It is closed when the run's connections
     * are.</li>
     * <li>{@code WRITE_DELAY=0}: by default H2 writes a commit to its file up to half a second later, so a process
     * killed in that half second loses transactions it had committed: a run's started execution (nothing left to
     * recover) or the mark that a date was published, after its folder was moved into place.</li>
     * <li>{@code TRACE_LEVEL_FILE=0}: no trace file beside the database.</li>
     * <li>{@code MAX_MEMORY_ROWS}: {@value #H2_MEMORY_ROWS_PER_GB} a GB of this JVM's heap. Beyond it H2 sorts a
     * result in a temp file; with its default of 40,000 a GB, the report's sorted reads of 72,466 breaches (1 M loans)
     * went to disk in the cron wrapper's 1 GB heap, and the report step took 6.5-7.2 s against 4.6-5.2 s
     * (docs/benchmarks.md; the report now reads the breaches once, unsorted: store/RunBreaches). A row of such a
     * result is well under 1 KB, so a sort of this many rows takes under 15 % of the heap.</li>
     * </ul>
     */
    static String withH2Settings(String url, long maxHeapBytes) {
        if (!url.startsWith("jdbc:h2:file:")) {
            return url;
        }
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        StringBuilder out = new StringBuilder(url);
        if (!upper.contains("DB_CLOSE_ON_EXIT")) {
            out.append(";DB_CLOSE_ON_EXIT=FALSE");
        }
        if (!upper.contains("WRITE_DELAY")) {
            out.append(";WRITE_DELAY=0");
        }
        if (!upper.contains("TRACE_LEVEL_FILE")) {
            // H2's NAME.trace.db grew by some 29 KB a run, without bound, with what the job logs anyway (issue 17, 11).
            out.append(";TRACE_LEVEL_FILE=0");
        }
        if (!upper.contains("MAX_MEMORY_ROWS")) {
            long rows = Math.max(40_000, maxHeapBytes / (1 << 20) * H2_MEMORY_ROWS_PER_GB / 1024);
            out.append(";MAX_MEMORY_ROWS=").append(Math.min(Integer.MAX_VALUE, rows));
        }
        return out.toString();
    }

    public static String usage() {
        return """
                Usage: java -jar target/microcredit-monitor.jar --input=DIR [options]
                       java -jar target/microcredit-monitor.jar --history | --purge-before=YYYY-MM-DD [--db=JDBC-URL]
                       java -jar target/microcredit-monitor.jar --export-loans=YYYY-MM-DD [--output=DIR] [--db=JDBC-URL]

                帮扶小额信贷风险监测 nightly job: ingests every bank's ledger for one as-of date, stores it, computes
                overdue and NPL rates per county and bank against each bank's overall NPL + 3 points, and writes
                CSV and Excel reports to OUTPUT/AS_OF/.

                Options:
                  --input=DIR          period folder (required): banks.csv, ledgers/*.csv, roster.csv (optional)
                  --as-of=YYYY-MM-DD   snapshot date; default: the input folder's name when it is a date
                  --output=DIR         where results go (default: out); written to OUTPUT/AS_OF/
                  --db=JDBC-URL        database (default: %s, an H2 file under data/),
                                       or jdbc:postgresql://HOST:PORT/DB with the user and password in
                                       SPRING_DATASOURCE_USERNAME / SPRING_DATASOURCE_PASSWORD (never in the URL)
                  --counties=FILE      replaces the built-in Liaoning county reference
                                       (CSV: county_code,county_name,city_code,city_name,sub_bureau)
                  --monitor.rules.NAME=VALUE
                                       overrides a rule parameter; NAME one of:
                                       %s
                  --monitor.store.loan-table=true|false
                                       fill table loan_snapshot with each published date's loans
                                       (default true on PostgreSQL, false on H2)
                  --log-dir=DIR        also log to DIR/microcredit-monitor.log (rolled at 10 MB, 7 days kept)
                  --outbox=DIR         after a run that published, copy each sub-bureau's workbook to
                                       DIR/<sub-bureau>/ and the province's to DIR/省局/
                  --validate-only      only check the input: writes rejects.csv and run_summary.json to
                                       OUTPUT/AS_OF/validation/, stores nothing, publishes no metrics;
                                       exit 0 or 3 as below (a bank can check its file before sending it)
                  --history            lists the stored dates (status, loans, PAUSE / WARN counties), newest
                                       first; with --db only
                  --purge-before=YYYY-MM-DD
                                       removes the stored loan rows of dates before that day, keeping their
                                       metrics and exceptions (retention); with --db only
                  --delete-date=YYYY-MM-DD
                                       removes everything stored for that date (a date run by mistake); the
                                       published report folder is left as it is; with --db only
                  --export-loans=YYYY-MM-DD
                                       writes that date's stored loans (SPEC 3.1 columns + regime) to
                                       OUTPUT/YYYY-MM-DD/loans_YYYY-MM-DD.csv; with --output and --db only;
                                       exit 1 when the date has no stored loans (never run, or purged)
                  --help               this text

                Input layout:
                  DIR/banks.csv        bank_code, bank_name, overall_npl_pct (required)
                  DIR/roster.csv       household roster (optional)
                  DIR/ledgers/*.csv    one or more loan ledgers (UTF-8, UTF-8 with BOM or GB18030); *.xlsx too

                Exit codes:
                  0  completed cleanly
                  3  completed, but some input could not be used whole (a ledger file rejected, or a bank of
                     banks.csv with no ledger row at all)
                  2  bad invocation or configuration (the message names the argument)
                  1  failed: nothing published for that date (the message says why)
                """.formatted(DEFAULT_DB, wrap(String.join(", ", RULE_NAMES), 70, "\n" + " ".repeat(23)));
    }
}
