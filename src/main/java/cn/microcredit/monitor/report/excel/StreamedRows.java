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
     * One row: its 0-based index on the sheet, each cell's style index, the column kinds and the values (as
     * {@link SheetTable#add}); a null value leaves a styled empty cell.
     */
    void row(int index, short[] styles, Kind[] kinds, Object[] values) throws IOException {
        byte[] r = ascii(Integer.toString(index + 1));
        put("<row r=\"");
        put(r);
        put("\">\n");
        for (int i = 0; i < kinds.length; i++) {
            put("<c r=\"");
            put(columnNames[i]);
            put(r);
            put('"');
            if (styles[i] != 0) {
                put(" s=\"");
                put(Integer.toString(styles[i] & 0xffff));
                put('"');
            }
            Object v = i < values.length ? values[i] : null;
            if (v == null) {
                put(">");
            } else if (kinds[i] == Kind.TEXT) {
                String s = SheetTable.text(v);
                put(" t=\"inlineStr\"><is><t");
                if (!s.isEmpty() && (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1)))) {
                    put(" xml:space=\"preserve\"");
                }
                put('>');
                escaped(s);
                put("</t></is>");
            } else {
                double d = kinds[i] == Kind.DATE ? DateUtil.getExcelDate(((LocalDate) v).atStartOfDay())
                        : SheetTable.number(kinds[i], v);
                put(" t=\"n\"><v>");
                put(Double.toString(d));
                put("</v>");
            }
            put("</c>");
        }
        put("</row>\n");
        if (pos >= FLUSH_AT) {
            out.write(buf, 0, pos);
            pos = 0;
        }
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
