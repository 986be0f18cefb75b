package cn.microcredit.monitor.report.excel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

import cn.microcredit.monitor.report.excel.ExcelStyles.Kind;
import cn.microcredit.monitor.report.excel.ExcelStyles.Tone;

/**
 * A table on a sheet: a frozen, filtered header row with units in the column names, typed cells, and continuation
 * sheets ("名称(2)", …) past Excel's row limit. Text is always written as a string cell, never as a formula, whatever
 * it starts with.
 */
public final class SheetTable {

    /** Rows per sheet: Excel's 1,048,576 less the header row. */
    public static final int MAX_ROWS = 1_048_575;
    /** Excel's limit on the characters of one cell. */
    static final int MAX_CELL_CHARS = 32_767;

    /** A column: its header (with unit), how its values look, its width in characters. */
    public record Column(String header, Kind kind, int width) {

        /** The same column, another width in characters. */
        public Column width(int chars) {
            return new Column(header, kind, chars);
        }
    }

    public static Column text(String header, int width) {
        return new Column(header, Kind.TEXT, width);
    }

    public static Column money(String header) {
        return new Column(header, Kind.MONEY, 16);
    }

    public static Column rate(String header) {
        return new Column(header, Kind.RATE, 11);
    }

    public static Column points(String header) {
        return new Column(header, Kind.POINTS, 11);
    }

    public static Column integer(String header) {
        return new Column(header, Kind.INTEGER, 10);
    }

    /** Money in 万元: give the yuan amount, the cell holds it / 10,000 exactly and shows 2 decimals. */
    public static Column wan(String header) {
        return new Column(header, Kind.WAN, 12);
    }

    /** A calendar day: give a LocalDate. */
    public static Column date(String header) {
        return new Column(header, Kind.DATE, 11);
    }


    private final Workbook wb;
    private final ExcelStyles styles;
    private final String name;
    private final List<Column> columns;
    private final int maxRows;
    private String date = "";
    private int printedRows;
    private int badgeColumn = -1;
    private int printedColumns;
    private Sheet sheet;
    private int sheets;
    private int row;
    /** Where streamed rows are kept until the workbook is saved; null while rows go through POI. */
    private Path streamFolder;
    private StreamedRows streamed;
    private final List<StreamedRows> streamedSheets = new ArrayList<>();
    private final Kind[] kinds;
    private final Map<Tone, byte[][]> styleAttributes = new EnumMap<>(Tone.class);

    public SheetTable(Workbook wb, ExcelStyles styles, String name, List<Column> columns) {
        this(wb, styles, name, columns, MAX_ROWS);
    }

    SheetTable(Workbook wb, ExcelStyles styles, String name, List<Column> columns, int maxRows) {
        this.wb = wb;
        this.styles = styles;
        this.name = name;
        this.columns = columns;
        this.maxRows = maxRows;
        this.kinds = columns.stream().map(Column::kind).toArray(Kind[]::new);
        nextSheet();
    }

    private void nextSheet() {
        if (sheet != null) {
            finishSheet();
        }
        sheets++;
        sheet = wb.createSheet(sheets == 1 ? name : name + "(" + sheets + ")");
        Row header = sheet.createRow(0);
        header.setHeightInPoints(32);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = header.createCell(i);
            String[] lines = headerLines(columns.get(i).header());
            cell.setCellValue(String.join("\n", lines));
            cell.setCellStyle(styles.header(columns.get(i).kind()));
            sheet.setColumnWidth(i, Math.min(255, printedWidth(columns.get(i))) * 256);
        }
        row = 1;
        if (streamFolder != null) {
            openStreamed();
        }
    }

    /**
     * Writes the data rows straight as sheet XML into a temp file in {@code folder} rather than through POI's row
     * objects (for the tables of tens of thousands of rows); the workbook must then be saved with
     * {@link WorkbookFile#write}, which puts the rows into their sheets. Call before the first row.
     */
    public SheetTable streamed(Path folder) {
        if (row != 1 || sheets != 1) {
            throw new IllegalStateException("streamed() after rows were added to " + name);
        }
        this.streamFolder = folder;
        openStreamed();
        return this;
    }

    /** The sheets whose rows were streamed, for {@link WorkbookFile#write}; empty if not {@link #streamed}. */
    List<StreamedRows> streamedSheets() {
        return streamedSheets;
    }

    /** Deletes the temp files of streamed rows: once the workbook is saved, or when it is given up. */
    public void discard() throws IOException {
        for (StreamedRows rows : streamedSheets) {
            rows.delete();
        }
    }

    private void openStreamed() {
        try {
            streamed = new StreamedRows(sheet, streamFolder, columns.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp file for the rows of " + name, e);
        }
        streamedSheets.add(streamed);
    }

    private void closeStreamed() {
        try {
            streamed.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rows of " + name, e);
        }
    }

    /** The as-of date, for the printed footer. */
    public SheetTable printedFor(String asOf) {
        this.date = asOf;
        return this;
    }

    /**
     * Prints only the first {@code n} columns (the rest stay on screen), so that a wide table prints at a readable
     * size rather than shrunk (SPEC 6: "otherwise columns are chosen for print").
     */
    public SheetTable printOnly(int n) {
        this.printedColumns = n;
        return this;
    }

    /**
     * Prints only the first {@code n} data rows (the worst first, as the table is written), saying so in the page
     * header; the whole table stays on screen with its filter. For the breach detail of the province and sub-bureau
     * workbooks, whose readers print the briefing, not tens of thousands of rows.
     */
    public SheetTable printRows(int n) {
        this.printedRows = n;
        return this;
    }

    /**
     * Only this column carries the row's tone, in its strong colour (the severity of a breach); the rest of the row
     * stays plain, so a sheet where most rows are HIGH does not turn red.
     */
    public SheetTable badgeOnly(int column) {
        this.badgeColumn = column;
        return this;
    }

    /**
     * Adds a row. Values by column kind: TEXT takes any object (written as its string); the numeric kinds take a
     * BigDecimal or a Number, rounded half-up to 2 places as in the CSV outputs; null leaves the cell empty.
     */
    public void add(Tone tone, Object... values) {
        if (row > maxRows) {
            nextSheet();
        }
        if (streamed != null) {
            try {
                streamed.row(row++, styleAttributes.computeIfAbsent(tone,
                        t -> StreamedRows.styleAttributes(styleIndexes(t))), kinds, values);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the rows of " + name, e);
            }
            return;
        }
        Row r = sheet.createRow(row++);
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            Cell cell = r.createCell(i);
            cell.setCellStyle(style(tone, i));
            Object v = i < values.length ? values[i] : null;
            if (v == null) {
                continue;
            }
            write(cell, c.kind(), v);
        }
    }

    /** A cell's style in a row of this tone: the row's tone everywhere, or only in the badge column. */
    private CellStyle style(Tone tone, int column) {
        if (badgeColumn < 0) {
            return styles.cell(tone, kinds[column]);
        }
        return column == badgeColumn ? styles.badge(tone) : styles.cell(Tone.PLAIN, kinds[column]);
    }

    /** Each column's style index for a row of this tone. */
    private short[] styleIndexes(Tone tone) {
        short[] indexes = new short[columns.size()];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = style(tone, i).getIndex();
        }
        return indexes;
    }

    /**
     * A header on at most two lines: a long one breaks before its unit in brackets, so a lone "）" never wraps onto a
     * line of its own.
     */
    static String[] headerLines(String header) {
        int bracket = header.indexOf('（');
        if (bracket > 0 && displayWidth(header) > 12) {
            return new String[] {header.substring(0, bracket), header.substring(bracket)};
        }
        return new String[] {header};
    }

    /** The column's width in characters: its own, or more where a header line would be clipped. */
    static int printedWidth(Column c) {
        int width = c.width();
        for (String line : headerLines(c.header())) {
            width = Math.max(width, displayWidth(line) + 1);
        }
        return width;
    }

    /** Width in Excel's character units: a Chinese (full-width) character takes two. */
    public static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) >= 0x2E80 ? 2 : 1;
        }
        return w;
    }

    /** Writes a value by its column kind (see {@link #add}); text is always a string cell. */
    static void write(Cell cell, Kind kind, Object v) {
        switch (kind) {
            case TEXT -> cell.setCellValue(text(v));
            case DATE -> cell.setCellValue((java.time.LocalDate) v);
            default -> cell.setCellValue(number(kind, v));
        }
    }

    /** A text cell's value: cut to Excel's limit of a cell, with "…" at the cut. */
    static String text(Object v) {
        String s = v.toString();
        return s.length() > MAX_CELL_CHARS ? s.substring(0, MAX_CELL_CHARS - 1) + "…" : s;
    }

    /** A numeric cell's value (any kind but TEXT and DATE). */
    static double number(Kind kind, Object v) {
        return kind == Kind.WAN || kind == Kind.SIGNED_WAN ? wan(decimal(v))
                : decimal(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * Yuan as 万元: exact (a yuan amount has 2 decimals, so 6 decimals of 万元 hold it whole); the cell's format rounds
     * what is shown to 2 decimals half-up, the cell keeps the exact value for anyone who sums it.
     */
    public static double wan(BigDecimal yuan) {
        return yuan.movePointLeft(4).doubleValue();
    }

    private static BigDecimal decimal(Object v) {
        return v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
    }

    /** Freezes the header and sets the filter over what was written. */
    public void finish() {
        finishSheet();
    }

    private void finishSheet() {
        sheet.createFreezePane(0, 1);
        int printed = printedColumns > 0 ? Math.min(printedColumns, columns.size()) : columns.size();
        Print.a4(sheet, columns.subList(0, printed).stream().mapToInt(SheetTable::printedWidth).sum(), 1, date);
        int lastRow = Math.max(row - 1, 0);
        int lastPrinted = printedRows > 0 ? Math.min(lastRow, printedRows) : lastRow;
        if (printed < columns.size() || lastPrinted < lastRow) {
            wb.setPrintArea(wb.getSheetIndex(sheet), 0, printed - 1, 0, lastPrinted);
        }
        if (lastPrinted < lastRow) {
            sheet.getHeader().setCenter("本表共 " + String.format("%,d", lastRow) + " 行，仅打印最严重的前 "
                    + String.format("%,d", lastPrinted) + " 行；全部明细请在屏幕上按列筛选查看");
        }
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(row - 1, 0), 0, columns.size() - 1));
        if (streamed != null) {
            closeStreamed();
        }
    }

    /** Rows written so far, over all sheets. */
    public long rows() {
        return (long) (sheets - 1) * maxRows + row - 1;
    }
}
