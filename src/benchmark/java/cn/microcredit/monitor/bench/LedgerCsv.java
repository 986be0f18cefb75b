package cn.microcredit.monitor.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import cn.microcredit.monitor.ingest.LedgerColumn;

/**
 * One ledger CSV as DuckDB is to read it: its character set, the UTF-8 file DuckDB actually reads, and a
 * {@code SELECT} that turns its columns (any order, English or Chinese headers, the job's accepted date and money
 * forms) into the typed ledger row. Column names come from {@link LedgerColumn}, the job's own header aliases.
 */
record LedgerCsv(Path source, Charset charset, Path readable, List<String> header) {

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final int SNIFF_BYTES = 1 << 16;

    /**
     * DuckDB 1.5's CSV reader reads UTF-8, UTF-16 and Latin-1 only; GB18030 needs the {@code encodings} extension,
     * which is downloaded at run time and cannot be here. So GB18030 files are transcoded to UTF-8 under
     * {@code scratch}, in this process and inside the timed part: the cheapest honest conversion.
     */
    static LedgerCsv open(Path file, Path scratch) throws IOException {
        Charset charset = detect(file);
        Path readable = file;
        if (!charset.equals(StandardCharsets.UTF_8)) {
            readable = scratch.resolve(file.getFileName());
            transcode(file, charset, readable);
        }
        return new LedgerCsv(file, charset, readable, headerOf(readable));
    }

    boolean transcoded() {
        return !readable.equals(source);
    }

    /**
     * The typed ledger row, one column per {@link LedgerColumn} in declaration order (named by its key); optional
     * columns the file lacks are NULL. Rows DuckDB cannot split into the header's width are skipped
     * ({@code ignore_errors}), and blank lines dropped; no other validation, unlike the job.
     */
    String select() {
        StringBuilder columns = new StringBuilder();
        for (int i = 0; i < header.size(); i++) {
            columns.append(i == 0 ? "" : ", ").append("'c").append(i).append("': 'VARCHAR'");
        }
        List<String> fields = new ArrayList<>();
        for (LedgerColumn column : LedgerColumn.values()) {
            int i = indexOf(column);
            fields.add((i < 0 ? "NULL" : typed(column, "trim(c" + i + ")")) + " AS " + column.key());
        }
        int loanId = indexOf(LedgerColumn.LOAN_ID);
        return "SELECT " + String.join(", ", fields)
                + " FROM read_csv('" + readable.toString().replace("'", "''") + "', header = true, auto_detect = false,"
                + " delim = ',', quote = '\"', escape = '\"', ignore_errors = true, columns = {" + columns + "})"
                + " WHERE trim(c" + loanId + ") <> ''";
    }

    private static String typed(LedgerColumn column, String text) {
        return switch (column) {
            case ISSUE_DATE, MATURITY_DATE ->
                    "CAST(try_strptime(" + text + ", ['%Y-%m-%d', '%Y/%m/%d', '%Y%m%d']) AS DATE)";
            case AMOUNT, BALANCE -> "TRY_CAST(replace(" + text + ", ',', '') AS DECIMAL(18, 2))";
            case ANNUAL_RATE -> "TRY_CAST(rtrim(" + text + ", '%') AS DECIMAL(12, 6))";
            case OVERDUE_DAYS, RENEWAL_COUNT -> "TRY_CAST(" + text + " AS INTEGER)";
            case CLASSIFICATION -> "CASE upper(" + text + ")"
                    + " WHEN 'NORMAL' THEN 'NORMAL' WHEN '正常' THEN 'NORMAL' WHEN '1' THEN 'NORMAL'"
                    + " WHEN 'SPECIAL_MENTION' THEN 'SPECIAL_MENTION' WHEN '关注' THEN 'SPECIAL_MENTION'"
                    + " WHEN '2' THEN 'SPECIAL_MENTION'"
                    + " WHEN 'SUBSTANDARD' THEN 'SUBSTANDARD' WHEN '次级' THEN 'SUBSTANDARD' WHEN '3' THEN 'SUBSTANDARD'"
                    + " WHEN 'DOUBTFUL' THEN 'DOUBTFUL' WHEN '可疑' THEN 'DOUBTFUL' WHEN '4' THEN 'DOUBTFUL'"
                    + " WHEN 'LOSS' THEN 'LOSS' WHEN '损失' THEN 'LOSS' WHEN '5' THEN 'LOSS' END";
            default -> text;
        };
    }

    private int indexOf(LedgerColumn column) {
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
            for (String alias : column.aliases()) {
                if (alias.toLowerCase(Locale.ROOT).equals(name)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * A byte-order mark or a strict UTF-8 decode of the first 64 KiB means UTF-8, else GB18030: the job's rule
     * ({@code TextEncoding}) on a prefix instead of the whole file, enough for the generator's files, whose GB18030
     * ledger has Chinese headers.
     */
    private static Charset detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        // endOfInput false: a character cut at the end of the prefix is not an error
        CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), false);
        return result.isError() ? GB18030 : StandardCharsets.UTF_8;
    }

    private static void transcode(Path from, Charset charset, Path to) throws IOException {
        char[] buffer = new char[1 << 16];
        try (Reader in = Files.newBufferedReader(from, charset);
             Writer out = Files.newBufferedWriter(to, StandardCharsets.UTF_8)) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        }
    }

    /** The header cells; the generator's headers hold no quoted commas, so a plain split does. */
    private static List<String> headerOf(Path utf8) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(utf8, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            if (line == null) {
                return List.of();
            }
            return Arrays.stream(line.split(",", -1)).map(s -> s.replace("\"", "")).toList();
        }
    }
}
