package cn.microcredit.monitor.report.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;

import cn.microcredit.monitor.report.excel.ExcelStyles.Kind;

/**
 * The data rows of one sheet of a {@link SheetTable}, written as the sheet's {@code <row>} XML straight into a temp
 * file, for {@link WorkbookFile} to put inside the sheet's {@code <sheetData>} when the workbook is saved. The breach
 * detail holds tens of thousands of rows in three workbooks; through POI's streaming rows each cell was an object,
 * a cell reference string, a style lookup and two character encodings, about a third of the report step.
 * <p>
 * The XML is what POI's {@code SheetDataWriter} writes for the same cells (inline strings, {@code Double.toString}
 * numbers, a styled empty cell for no value, control characters as '?'), so a workbook reads the same either way.
 */
final class StreamedRows implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 16;
    private static final byte[] ROW_OPEN = ascii("<row r=\"");
    private static final byte[] ROW_OPEN_END = ascii("\">\n");
    private static final byte[] ROW_CLOSE = ascii("</row>\n");
    private static final byte[] CELL_OPEN = ascii("<c r=\"");
    private static final byte[] CELL_CLOSE = ascii("</c>");
    private static final byte[] INLINE_OPEN = ascii(" t=\"inlineStr\"><is><t");
    private static final byte[] INLINE_CLOSE = ascii("</t></is>");
    private static final byte[] PRESERVE = ascii(" xml:space=\"preserve\"");
    private static final byte[] NUMBER_OPEN = ascii(" t=\"n\"><v>");
    private static final byte[] NUMBER_CLOSE = ascii("</v>");

    private final Sheet sheet;
    private final Path file;
    private final OutputStream out;
    private final byte[][] columnNames;
    private byte[] buf = new byte[FLUSH_AT + 1024];
    private int pos;
    private boolean closed;

    StreamedRows(Sheet sheet, Path folder, int columns) throws IOException {
        this.sheet = sheet;
        this.file = Files.createTempFile(folder, "rows-", ".xml");
        this.out = Files.newOutputStream(file);
        this.columnNames = new byte[columns][];
        for (int i = 0; i < columns; i++) {
            columnNames[i] = ascii(CellReference.convertNumToColString(i));
        }
    }

    Sheet sheet() {
        return sheet;
    }

    Path folder() {
        return file.getParent();
    }

    /**
     * One row: its 0-based index on the sheet, each cell's style attribute ({@link #styleAttributes}), the column
     * kinds and the values (as {@link SheetTable#add}); a null value leaves a styled empty cell.
     */
    void row(int index, byte[][] styles, Kind[] kinds, Object[] values) throws IOException {
        int rowStart = pos + ROW_OPEN.length;
        put(ROW_OPEN);
        digits(index + 1);
        int rowEnd = pos;
        put(ROW_OPEN_END);
        for (int i = 0; i < kinds.length; i++) {
            put(CELL_OPEN);
            put(columnNames[i]);
            room(rowEnd - rowStart);
            System.arraycopy(buf, rowStart, buf, pos, rowEnd - rowStart);
            pos += rowEnd - rowStart;
            put('"');
            put(styles[i]);
            Object v = i < values.length ? values[i] : null;
            if (v == null) {
                put('>');
            } else if (kinds[i] == Kind.TEXT) {
                String s = SheetTable.text(v);
                put(INLINE_OPEN);
                if (!s.isEmpty() && (Character.isWhitespace(s.charAt(0))
                        || Character.isWhitespace(s.charAt(s.length() - 1)))) {
                    put(PRESERVE);
                }
                put('>');
                escaped(s);
                put(INLINE_CLOSE);
            } else {
                double d = kinds[i] == Kind.DATE ? DateUtil.getExcelDate(((LocalDate) v).atStartOfDay())
                        : SheetTable.number(kinds[i], v);
                put(NUMBER_OPEN);
                put(Double.toString(d));
                put(NUMBER_CLOSE);
            }
            put(CELL_CLOSE);
        }
        put(ROW_CLOSE);
        if (pos >= FLUSH_AT) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }

    /** Each cell's {@code s} attribute for these style indexes (none for style 0, as POI writes it). */
    static byte[][] styleAttributes(short[] styles) {
        byte[][] attributes = new byte[styles.length][];
        for (int i = 0; i < styles.length; i++) {
            attributes[i] = ascii(styles[i] == 0 ? "" : " s=\"" + (styles[i] & 0xffff) + "\"");
        }
        return attributes;
    }

    /** A positive number in decimal. */
    private void digits(int n) {
        int length = 1;
        for (int rest = n; rest >= 10; rest /= 10) {
            length++;
        }
        room(length);
        for (int i = pos + length - 1; i >= pos; i--) {
            buf[i] = (byte) ('0' + n % 10);
            n /= 10;
        }
        pos += length;
    }

    /** Ends the rows; {@link #copyTo} then gives them. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            try (out) {
                out.write(buf, 0, pos);
            }
            buf = null;
        }
    }

    void copyTo(OutputStream target) throws IOException {
        close();
        Files.copy(file, target);
    }

    void delete() throws IOException {
        close();
        Files.deleteIfExists(file);
    }

    /**
     * Text as POI writes it: the five XML specials and tab, line feed, carriage return and no-break space as
     * references, other control characters and non-characters (and a surrogate without its pair) as '?'.
     */
    private void escaped(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> put("&lt;");
                case '>' -> put("&gt;");
                case '&' -> put("&amp;");
                case '"' -> put("&quot;");
                case '\n' -> put("&#xa;");
                case '\r' -> put("&#xd;");
                case '\t' -> put("&#x9;");
                case '\u00A0' -> put("&#xa0;");
                default -> {
                    if (c < 0x80) {
                        put(c < ' ' ? '?' : c);
                    } else if (c < 0x800) {
                        room(2);
                        buf[pos++] = (byte) (0xC0 | c >> 6);
                        buf[pos++] = (byte) (0x80 | c & 0x3F);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        int cp = Character.toCodePoint(c, s.charAt(++i));
                        room(4);
                        buf[pos++] = (byte) (0xF0 | cp >> 18);
                        buf[pos++] = (byte) (0x80 | cp >> 12 & 0x3F);
                        buf[pos++] = (byte) (0x80 | cp >> 6 & 0x3F);
                        buf[pos++] = (byte) (0x80 | cp & 0x3F);
                    } else if (Character.isSurrogate(c) || c >= '\uFFFE') {
                        put('?');
                    } else {
                        room(3);
                        buf[pos++] = (byte) (0xE0 | c >> 12);
                        buf[pos++] = (byte) (0x80 | c >> 6 & 0x3F);
                        buf[pos++] = (byte) (0x80 | c & 0x3F);
                    }
                }
            }
        }
    }

    /** ASCII text (markup, numbers). */
    private void put(String ascii) {
        room(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            buf[pos++] = (byte) ascii.charAt(i);
        }
    }

    private void put(byte[] bytes) {
        room(bytes.length);
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    private void put(char ascii) {
        room(1);
        buf[pos++] = (byte) ascii;
    }

    private void room(int n) {
        if (pos + n > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
