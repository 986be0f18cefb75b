package cn.microcredit.monitor.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes one machine-readable output CSV (SPEC 6): UTF-8 with BOM so that Excel opens it right, RFC 4180 quoting,
 * money and rates with 2 decimals, an empty field for "no value". Text that would start a formula in a spreadsheet
 * ({@code = + - @}, tab, CR) gets a leading {@code '} (CWE-1236); numbers are never altered.
 */
public final class CsvOut implements AutoCloseable {

    private final BufferedWriter out;

    public CsvOut(Path file, List<String> header) throws IOException {
        OutputStream stream = Files.newOutputStream(file);
        stream.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        writeLine(header.stream().map(h -> (Object) h).toList());
    }

    /** Strings are text (guarded and quoted), BigDecimals are rounded half-up to 2 places, null is empty. */
    public void row(Object... cells) {
        writeLine(java.util.Arrays.stream(cells).map(c -> c == null ? (Object) "" : c).toList());
    }

    private void writeLine(List<Object> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(format(cells.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String format(Object cell) {
        if (cell instanceof BigDecimal d) {
            return d.setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
        if (cell instanceof LocalDate || cell instanceof Number || cell instanceof Boolean) {
            return cell.toString();
        }
        return quote(safeText(cell.toString()));
    }

    /** Neutralises text that a spreadsheet would run as a formula (CWE-1236). */
    public static String safeText(String s) {
        if (s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }

    private static String quote(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + s.replace("\"", "\"\"") + '"';
            }
        }
        return s;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
